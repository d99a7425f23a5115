// The kit's access scopes refuse with the errors clients already switch on, before any resolver runs, and say
// nothing of whose data it is.
import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../src/identity.ts';
import { createSubgraphBuilder, type KitContext } from '../src/kit/index.ts';
import type { StaffAccessApp } from '../src/privacy/staff-access.ts';

type Ctx = KitContext & { app: StaffAccessApp };

const who = (sub: string, ...roles: Identity['roles']): Identity => ({ sub, sid: 's', roles, exp: 0 });
const ALICE = who('alice', 'CUSTOMER');
const ADJUSTER = who('staff-1', 'ADJUSTER');

/** Notes that a resolver ran, and answers `value`. */
const called = (calls: string[], field: string, value: string) => {
  calls.push(field);
  return value;
};

function schemaAndCalls() {
  const calls: string[] = [];
  const { builder } = createSubgraphBuilder<Ctx, object>({ datamodel: { datamodel: { models: {} } } });
  builder.queryType({
    fields: (t) => ({
      mine: t.withAuth({ customer: true }).string({ resolve: (_r, _a, ctx) => called(calls, 'mine', ctx.who.sub) }),
      queue: t.withAuth({ role: 'ADJUSTER' }).string({ resolve: () => called(calls, 'queue', 'queue') }),
      file: t.string({
        args: { customerId: t.arg.string({ required: true }) },
        authScopes: (_r, { customerId }) => ({ self: customerId }),
        resolve: (_r, { customerId }) => called(calls, 'file', customerId),
      }),
    }),
  });
  return { schema: builder.toSchema(), calls };
}

const run = (source: string, caller: Identity | null) => {
  const { schema, calls } = schemaAndCalls();
  const contextValue = {
    who: caller,
    requestId: 'r',
    client: { ip: null, userAgent: null },
    app: {},
  } as unknown as Ctx;
  return Promise.resolve(execute({ schema, document: parse(source), contextValue })).then((result) => ({
    result,
    calls,
  }));
};

const refusal = (result: Awaited<ReturnType<typeof run>>['result']) => ({
  code: result.errors?.[0]?.extensions.code,
  message: result.errors?.[0]?.message,
});

describe('kit access scopes', () => {
  it('lets the signed-in customer through, with ctx.who set', async () => {
    const { result } = await run('{ mine }', ALICE);
    expect(result).toEqual({ data: { mine: 'alice' } });
  });

  it('refuses a customer action to nobody and to staff as UNAUTHENTICATED, without running the resolver', async () => {
    for (const caller of [null, ADJUSTER]) {
      const { result, calls } = await run('{ mine }', caller);
      expect(refusal(result)).toEqual({ code: 'UNAUTHENTICATED', message: 'Connectez-vous pour continuer.' });
      expect(calls).toEqual([]);
    }
  });

  it('refuses a staff action to a customer as FORBIDDEN, and to nobody as UNAUTHENTICATED', async () => {
    expect(refusal((await run('{ queue }', ALICE)).result)).toEqual({
      code: 'FORBIDDEN',
      message: 'Vous n’avez pas accès à cette action.',
    });
    expect(refusal((await run('{ queue }', null)).result).code).toBe('UNAUTHENTICATED');
    expect((await run('{ queue }', ADJUSTER)).result.data).toEqual({ queue: 'queue' });
  });

  it('refuses another customer’s file with the same FORBIDDEN whether that customer exists or not', async () => {
    const other = await run('{ file(customerId: "bob") }', ALICE);
    const nobody = await run('{ file(customerId: "no-such-customer") }', ALICE);
    expect(refusal(other.result)).toEqual(refusal(nobody.result));
    expect(refusal(other.result).code).toBe('FORBIDDEN');
    expect([...other.calls, ...nobody.calls]).toEqual([]);
    expect((await run('{ file(customerId: "alice") }', ALICE)).result.data).toEqual({ file: 'alice' });
  });
});
