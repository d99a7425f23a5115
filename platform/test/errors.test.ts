import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { abriError, ErrorCode, forbidden, maskError, notFound, unauthenticated } from '../src/errors.ts';

const format = (error: GraphQLError): GraphQLFormattedError => error.toJSON();

describe('maskError', () => {
  it.each(Object.values(ErrorCode).filter((code) => code !== 'INTERNAL'))(
    'passes an error with the known code %s as it is, without its stack trace',
    (code) => {
      const log = vi.fn();
      const formatted = {
        message: 'Claim not found.',
        path: ['claim'],
        extensions: { code, stacktrace: ['Error: x', '  at y'], field: 'id' },
      };
      expect(maskError(formatted, new GraphQLError('Claim not found.'), log)).toEqual({
        message: 'Claim not found.',
        path: ['claim'],
        extensions: { code, field: 'id' },
      });
      expect(log).not.toHaveBeenCalled();
    },
  );

  it.each([
    'GRAPHQL_PARSE_FAILED',
    'GRAPHQL_VALIDATION_FAILED',
    'BAD_REQUEST',
    'PERSISTED_QUERY_NOT_FOUND',
    'OPERATION_RESOLUTION_FAILURE',
  ])('passes the request error %s through', (code) => {
    const log = vi.fn();
    expect(maskError({ message: 'Syntax Error', extensions: { code } }, undefined, log)).toEqual({
      message: 'Syntax Error',
      extensions: { code },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('masks an unexpected error and logs its original message', () => {
    const log = vi.fn();
    const original = new TypeError("Cannot read properties of undefined (reading 'policyId') at 10.0.0.3");
    const wrapped = new GraphQLError(original.message, { originalError: original, path: ['me', 'claims'] });
    const formatted = {
      ...format(wrapped),
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['TypeError: Cannot read properties'] },
    };

    expect(maskError(formatted, wrapped, log)).toEqual({
      message: 'Erreur interne : réessayez plus tard.',
      path: ['me', 'claims'],
      extensions: { code: 'INTERNAL' },
    });
    expect(log).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith('unexpected error', {
      error: { message: original.message, stack: original.stack },
      path: ['me', 'claims'],
    });
  });

  it('masks an error without a code to exactly the internal error', () => {
    const log = vi.fn();
    expect(
      maskError(
        { message: 'Cannot read properties of undefined' },
        new TypeError('Cannot read properties of undefined'),
        log,
      ),
    ).toEqual({
      message: 'Erreur interne : réessayez plus tard.',
      extensions: { code: 'INTERNAL' },
    });
    expect(log.mock.calls[0]?.[1]).toMatchObject({ error: { message: 'Cannot read properties of undefined' } });
  });

  it('masks an error that claims the INTERNAL code itself', () => {
    const log = vi.fn();
    const error = abriError(ErrorCode.INTERNAL, 'secret detail');
    expect(maskError(format(error), error, log)).toEqual({
      message: 'Erreur interne : réessayez plus tard.',
      extensions: { code: 'INTERNAL' },
    });
    expect(log.mock.calls[0]?.[1]).toMatchObject({ error: { message: 'secret detail' } });
  });

  it('masks an error with a code outside the closed set', () => {
    const log = vi.fn();
    const formatted = { message: 'duplicate key value violates unique constraint', extensions: { code: 'P2002' } };
    expect(maskError(formatted, new Error(formatted.message), log)).toEqual({
      message: 'Erreur interne : réessayez plus tard.',
      extensions: { code: 'INTERNAL' },
    });
    expect(log).toHaveBeenCalledOnce();
  });

  it('logs a thrown non-error as a string', () => {
    const log = vi.fn();
    maskError({ message: 'Unexpected error value: "boom"' }, 'boom', log);
    expect(log).toHaveBeenCalledWith('unexpected error', { error: 'boom', path: undefined });
  });
});

describe('error helpers', () => {
  it('puts the code in extensions, over any code given in the extra extensions', () => {
    const error = abriError(ErrorCode.BAD_USER_INPUT, 'Bad IBAN.', { field: 'iban', code: 'SOMETHING_ELSE' });
    expect(error.message).toBe('Bad IBAN.');
    expect(error.extensions).toEqual({ field: 'iban', code: 'BAD_USER_INPUT' });
  });

  it('builds the common errors with their codes, in the French a customer may be shown', () => {
    expect(unauthenticated()).toMatchObject({
      message: 'Connectez-vous pour continuer.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(forbidden()).toMatchObject({
      message: 'Vous n’avez pas accès à cette action.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(notFound('Sinistre')).toMatchObject({ message: 'Sinistre introuvable.', extensions: { code: 'NOT_FOUND' } });
  });
});

describe('momentary failures of a dependency', () => {
  // The shape Prisma 7 gives when PostgreSQL cuts the connection under a query (seen with pg_terminate_backend).
  const cut = Object.assign(new Error('Raw query failed. Code: `57P01`. Message: `terminating connection`'), {
    code: 'P2010',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'postgres', code: '57P01' } } },
  });

  it.each([
    ['a connection cut by the server', cut],
    ['a pool that cannot hand out a connection', Object.assign(new Error('Timed out'), { code: 'P2024' })],
    ['a refused connection', new Error('connect ECONNREFUSED 127.0.0.1:5432')],
    ['a connection lost while waiting', new Error('Connection terminated unexpectedly')],
    // What Prisma 7 throws when every pool connection stays taken past the transaction's maxWait (2 s by default).
    [
      'a transaction that could not start in time',
      Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), {
        code: 'P2028',
      }),
    ],
    [
      'a transaction rolled back after its timeout',
      Object.assign(
        new Error(
          'Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5012 ms passed since the start of the transaction.',
        ),
        { code: 'P2028' },
      ),
    ],
    ['a serialization conflict', Object.assign(new Error('could not serialize'), { code: '40001' })],
    ['any of those as the cause', new Error('wrapped', { cause: cut })],
  ])('turns %s into UNAVAILABLE, retryable, with no driver text', (_what, original) => {
    const log = vi.fn();
    const masked = maskError(
      { message: String(original.message), path: ['me'] },
      new GraphQLError(original.message, { originalError: original }),
      log,
    );
    expect(masked).toEqual({
      message: 'Service momentanément indisponible : rien n’a été modifié, réessayez dans un instant.',
      path: ['me'],
      extensions: { code: 'UNAVAILABLE', retryable: true },
    });
    expect(log).toHaveBeenCalledWith('dependency unavailable', expect.any(Object));
  });

  it('keeps a constraint violation, a transaction misused or a bug an internal error', () => {
    for (const original of [
      Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }),
      Object.assign(new Error('Transaction API error: Transaction not found.'), { code: 'P2028' }),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    ])
      expect(
        maskError(
          { message: original.message },
          new GraphQLError(original.message, { originalError: original }),
          vi.fn(),
        ).extensions,
      ).toEqual({ code: 'INTERNAL' });
  });
});
