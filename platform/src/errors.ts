// The closed set of error codes clients switch on (`extensions.code`), and the one way to throw them.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  /** A cursor (`after:`) that is malformed or from another stream. */
  INVALID_CURSOR: 'INVALID_CURSOR',
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

export const unauthenticated = () => abriError(ErrorCode.UNAUTHENTICATED, 'Sign-in required.');
export const forbidden = () => abriError(ErrorCode.FORBIDDEN, 'You are not allowed to do this.');
export const notFound = (what: string) => abriError(ErrorCode.NOT_FOUND, `${what} not found.`);

/**
 * Apollo `formatError`: errors with a known code pass as they are; anything else is an unexpected failure whose
 * message and stack never reach the client, only the log (with the request id the client can quote).
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
  log('unexpected error', {
    error: original instanceof Error ? { message: original.message, stack: original.stack } : String(original),
    path: formatted.path,
  });
  return {
    message: 'Internal error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL },
  };
}
