// The closed set of error codes clients switch on (`extensions.code`), and the one way to throw them.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  /**
   * A sensitive change (phone, second factor, bank details) asked by a session that has not proved its password in
   * the last minutes: confirm it (`confirmIdentity`) and send the change again with the new access token.
   */
  REAUTHENTICATION_REQUIRED: 'REAUTHENTICATION_REQUIRED',
  /** An operation over one of the gateway's limits (depth, aliases, cost, ...); `extensions.limit` names it. */
  OPERATION_LIMIT: 'OPERATION_LIMIT',
  /** A cursor (`after:`) that is malformed or from another stream. */
  INVALID_CURSOR: 'INVALID_CURSOR',
  /** A support agent opened a customer's data without saying why (header `x-abri-reason`); nothing was shown. */
  REASON_REQUIRED: 'REASON_REQUIRED',
  /**
   * A dependency (database, another service) failed for a moment: nothing was changed, and the same request may be
   * sent again (`extensions.retryable` is true).
   */
  UNAVAILABLE: 'UNAVAILABLE',
  /**
   * In production, a customer or an anonymous caller sent an operation that is not one of the trusted documents of
   * Abri's apps (send the hash of a known document; staff may send any operation).
   */
  DOCUMENT_NOT_TRUSTED: 'DOCUMENT_NOT_TRUSTED',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const CODES = new Set<string>(Object.values(ErrorCode));
/** Codes Apollo itself emits for malformed requests; they are client errors and pass through. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function abriError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

// Messages in French: a client may show them to a customer as they are (clients switch on the code, never the text).
export const unauthenticated = () => abriError(ErrorCode.UNAUTHENTICATED, 'Connectez-vous pour continuer.');
export const forbidden = () => abriError(ErrorCode.FORBIDDEN, 'Vous n’avez pas accès à cette action.');
/** `notFound('Sinistre')` → « Sinistre introuvable. » */
export const notFound = (what: string) => abriError(ErrorCode.NOT_FOUND, `${what} introuvable.`);
const UNAVAILABLE_MESSAGE = 'Service momentanément indisponible : rien n’a été modifié, réessayez dans un instant.';
/** A momentary failure or conflict the code itself detects: nothing was changed, the request may be sent again. */
export const unavailable = () => abriError(ErrorCode.UNAVAILABLE, UNAVAILABLE_MESSAGE, { retryable: true });
export const reauthenticationRequired = () =>
  abriError(ErrorCode.REAUTHENTICATION_REQUIRED, 'Confirmez votre mot de passe pour faire cette modification.', {
    maxAgeSeconds: 300,
  });

/** SQLSTATE classes and codes of failures that a retry may not meet: lost connection, shutdown, contention. */
const TRANSIENT_SQLSTATE = /^(08...|57P0[123]|53300|40001|40P01)$/;
/** Prisma codes for the same: unreachable, timed out, closed, pool exhausted, write conflict. */
const TRANSIENT_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2034']);
/**
 * Prisma's interactive transaction (P2028) that could not start in time (no pool connection free: nothing was sent)
 * or that ran past its timeout and was rolled back. Its other P2028 errors (a transaction used after it closed) are
 * faults of the code.
 */
const TRANSIENT_TRANSACTION =
  /Unable to start a transaction in the given time|cannot be executed on an expired transaction/;
const TRANSIENT_MESSAGE =
  /Connection terminated|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|timeout exceeded when trying to connect|Client has encountered a connection error|MaxRetriesPerRequest|Connection is closed|Stream isn't writeable/i;

/**
 * Whether `error` (or what caused it) is a momentary failure of a dependency rather than a fault of the request or
 * of the code: a database connection cut or refused, a server shutting down, a pool exhausted (a transaction that
 * could not start in time), a conflict.
 */
export function isTransientFailure(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    originalError?: unknown;
    meta?: { driverAdapterError?: { cause?: { code?: unknown; kind?: unknown } } };
    kind?: unknown;
  };
  const adapter = e.meta?.driverAdapterError?.cause;
  if (typeof adapter?.code === 'string' && TRANSIENT_SQLSTATE.test(adapter.code)) return true;
  if (
    typeof adapter?.kind === 'string' &&
    /^(ConnectionClosed|DatabaseNotReachable|SocketTimeout|TooManyConnections|TransactionWriteConflict)$/.test(
      adapter.kind,
    )
  )
    return true;
  if (typeof e.code === 'string' && (TRANSIENT_PRISMA.has(e.code) || TRANSIENT_SQLSTATE.test(e.code))) return true;
  if (e.code === 'P2028' && typeof e.message === 'string' && TRANSIENT_TRANSACTION.test(e.message)) return true;
  if (typeof e.message === 'string' && TRANSIENT_MESSAGE.test(e.message)) return true;
  return isTransientFailure(e.cause, depth + 1) || isTransientFailure(e.originalError, depth + 1);
}

/**
 * Apollo `formatError`: errors with a known code pass as they are; a momentary failure of a dependency becomes
 * UNAVAILABLE (retryable); anything else is an unexpected failure whose message and stack never reach the client,
 * only the log (with the request id the client can quote).
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string, fields: Record<string, unknown>) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (CODES.has(code) || REQUEST_CODES.has(code)) && code !== ErrorCode.INTERNAL) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (isTransientFailure(original)) {
    log('dependency unavailable', { error: original instanceof Error ? original.message : String(original) });
    return {
      message: UNAVAILABLE_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.UNAVAILABLE, retryable: true },
    };
  }
  log('unexpected error', {
    error: original instanceof Error ? { message: original.message, stack: original.stack } : String(original),
    path: formatted.path,
  });
  return {
    message: 'Erreur interne : réessayez plus tard.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL },
  };
}
