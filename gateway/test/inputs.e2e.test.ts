// Bad input through the gateway: NUL bytes, lone surrogates, huge strings, out-of-range numbers and dates are typed
// BAD_USER_INPUT refusals that change nothing; a fuzz over every argument of every root field of the schema finds
// no internal error.
import { readFileSync } from 'node:fs';
import { DEMO } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { customer, startTestSystem } from '@abri/testkit';
import fc from 'fast-check';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: Awaited<ReturnType<typeof startTestSystem>>;
let url: string;
let camille: AbriClient;
const schema = buildSchema(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'));

beforeAll(async () => {
  system = await startTestSystem({
    // Hundreds of calls from one address: rates are proven in rate-limits.e2e.test.ts.
    gatewayOptions: {
      rateLimits: Object.fromEntries(
        [schema.getQueryType()!, schema.getMutationType()!].flatMap((t) =>
          Object.keys(t.getFields()).map((f) => [f, []]),
        ),
      ),
    },
  });
  url = system.gateway.url;
  camille = await customer(url, 'camille');
});
afterAll(async () => {
  await system?.stop();
});

type Answer = Awaited<ReturnType<AbriClient['request']>>;
const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

describe('bad input', () => {
  it('refuses a NUL byte in any string, literal or variable, with BAD_USER_INPUT, and changes nothing', async () => {
    const nul = 'Cam\u0000ille';
    const cases: [string, Record<string, unknown>][] = [
      ['mutation($v: String) { updateProfile(input: { firstName: $v }) { __typename } }', { v: nul }],
      [`mutation { updateProfile(input: { lastName: "Mar\\u0000tin" }) { __typename } }`, {}],
      ['mutation($v: String!) { login(input: { contractNumber: $v, password: "x" }) { __typename } }', { v: nul }],
      ['mutation($v: String!) { requestPasswordReset(contractNumber: $v) }', { v: nul }],
      ['query($v: String!) { search(query: $v) { __typename } }', { v: nul }],
      [
        'mutation($d: String!) { declareClaim(input: { policyId: "' +
          DEMO.camille.policyId +
          '", type: GLASS_BREAKAGE, occurredOn: "2026-11-20", description: $d, answers: {} }) { __typename } }',
        { d: nul },
      ],
      [
        'mutation($h: String!) { addSepaMandate(input: { iban: "FR1420041010050500013M02606", holderName: $h }) { __typename } }',
        { h: nul },
      ],
    ];
    const before = await camille.request<{ me: { firstName: string; lastName: string; claims: unknown[] } }>(
      '{ me { firstName lastName claims { id } } }',
    );
    for (const [query, variables] of cases) {
      const answer = await camille.request(query, variables);
      expect(answer.status, query).toBe(400);
      expect(codeOf(answer), query).toBe('BAD_USER_INPUT');
      expect(answer.data ?? null).toBeNull();
    }
    const after = await camille.request('{ me { firstName lastName claims { id } } }');
    expect(after.data).toEqual(before.data);
  });

  it('refuses lone surrogates and strings past 10,000 characters, but not a file argument', async () => {
    const search = 'query($v: String!) { search(query: $v) { __typename } }';
    expect(codeOf(await camille.request(search, { v: 'a\ud800b' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await camille.request(search, { v: 'x'.repeat(10_001) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await camille.request(search, { v: 'dégât 🌧️ des eaux' }))).toBeUndefined();
    const attach = await camille.request(
      'mutation($c: String!) { addClaimAttachment(claimId: "' +
        DEMO.camilleClaimId +
        '", filename: "photo.png", contentBase64: $c) { __typename } }',
      { c: 'A'.repeat(20_000) },
    );
    expect(codeOf(attach)).not.toBe('BAD_USER_INPUT');
  });

  it('refuses out-of-range years and impossible dates as BAD_USER_INPUT', async () => {
    const history = await camille.request('{ me { paymentHistory(year: 300000) { __typename } } }');
    expect(codeOf(history)).toBe('BAD_USER_INPUT');
    for (const day of ['2026-02-30', '99999-01-01', '0001-01-01']) {
      const answer = await camille.request(
        'mutation($d: Date!) { declareClaim(input: { policyId: "' +
          DEMO.camille.policyId +
          '", type: GLASS_BREAKAGE, occurredOn: $d, description: "Vitre", answers: {} }) { __typename } }',
        { d: day },
      );
      expect(codeOf(answer), day).toBe('BAD_USER_INPUT');
    }
  });
});

/** Values a careless or hostile client might send for an argument of `type`. */
function valuesFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const required = isNonNullType(type);
  const inner = getNullableType(type);
  let arbitrary: fc.Arbitrary<unknown>;
  if (isListType(inner)) arbitrary = fc.array(valuesFor(inner.ofType, depth + 1), { maxLength: 3 });
  else if (isInputObjectType(inner))
    arbitrary =
      depth > 3
        ? fc.constant({})
        : fc.record(
            Object.fromEntries(Object.values(inner.getFields()).map((f) => [f.name, valuesFor(f.type, depth + 1)])),
            {
              requiredKeys: Object.values(inner.getFields())
                .filter((f) => isNonNullType(f.type))
                .map((f) => f.name),
            },
          );
  else if (isEnumType(inner))
    arbitrary = fc.oneof(fc.constantFrom(...inner.getValues().map((v) => v.name)), fc.constant('NOT_A_VALUE'));
  else if (isScalarType(inner)) {
    const strings = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '\u0000',
        'a\ud800',
        'x'.repeat(10_001),
        '',
        ' ',
        '2026-02-30',
        '99999-12-31',
        '1970-01-01T00:00:00Z',
      ),
      fc.constantFrom(DEMO.camille.policyId, DEMO.louis.policyId, DEMO.camilleClaimId, DEMO.louisClaimId),
    );
    const ints = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 300_000));
    arbitrary =
      inner.name === 'Int'
        ? fc.oneof(ints, fc.constant(2 ** 40), fc.constant('12'))
        : inner.name === 'Float'
          ? fc.oneof(fc.double({ noNaN: true }), ints)
          : inner.name === 'Boolean'
            ? fc.oneof(fc.boolean(), fc.constant('true'))
            : inner.name === 'JSONObject'
              ? fc.oneof(
                  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer())),
                  fc.constant([]),
                )
              : strings;
  } else arbitrary = fc.constant(null);
  return required ? arbitrary : fc.option(arbitrary, { nil: null });
}

/** A selection that is valid for the field's result type: its __typename (or nothing for a leaf). */
const selectionOf = (field: { type: Parameters<typeof getNamedType>[0] }) =>
  isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';

describe('fuzz over the schema’s input types', () => {
  it('answers every root field, whatever its arguments hold, without an internal error', async () => {
    // Fields that would end the test's own session or sign it out of everything.
    const skip = new Set(['logout', 'revokeSession', 'changePassword', 'confirmIdentity']);
    const fields = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ kind: 'query', f })),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({ kind: 'mutation', f })),
    ].filter(({ f }) => f.args.length > 0 && !skip.has(f.name));
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...fields)
          .chain(({ kind, f }) =>
            fc
              .record(Object.fromEntries(f.args.map((a: GraphQLArgument) => [a.name, valuesFor(a.type)])))
              .map((variables) => ({ kind, f, variables })),
          ),
        async ({ kind, f, variables }) => {
          const definitions = f.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
          const args = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
          const query = `${kind}(${definitions}) { ${f.name}(${args}) ${selectionOf(f)} }`;
          const answer = await camille.request(query, variables);
          const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
          if (answer.status >= 500 || codes.includes('INTERNAL'))
            failures.push(`${f.name} ${JSON.stringify(variables).slice(0, 200)} → ${answer.status} ${codes}`);
        },
      ),
      { numRuns: 200 },
    );
    expect(failures).toEqual([]);
  });
});
