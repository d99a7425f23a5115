// The federation engine on Abri's supergraph with scripted subgraph answers: what it sends, how it merges, how a
// missing or refused answer reaches the client.
import { readFileSync } from 'node:fs';
import { generateHopSecret, parseHopSecrets } from '@abri/platform';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../prisma/projects.ts';
import type { GatewayContext } from '../src/context.ts';
import { HopFailed, type Hops, type SubgraphResponse } from '../src/engine/hops.ts';
import { createEngine, type Engine } from '../src/engine/index.ts';

type Call = { subgraph: string; query: string; variables: Record<string, unknown> | undefined };
type Script = (call: Call) => SubgraphResponse | Error;

const context: GatewayContext = {
  who: { sub: 'c1', sid: 's1', roles: ['CUSTOMER'], exp: 2_000_000_000 },
  client: { ip: null, userAgent: null },
  requestId: 'r1',
};

let engine: Engine;
let calls: Call[];
let script: Script;

beforeAll(async () => {
  const hops: Hops = {
    async send(subgraph, operationJson, variables) {
      const call = { subgraph, query: JSON.parse(operationJson) as string, variables };
      calls.push(call);
      const answer = script(call);
      if (answer instanceof Error) throw answer;
      return structuredClone(answer);
    },
    close() {},
  };
  engine = createEngine({
    supergraphSdl: readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8'),
    subgraphUrls: {},
    hopSecrets: parseHopSecrets(generateHopSecret()),
    hops,
  });
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  calls = [];
  const document = parse(query);
  return engine.execute(engine.prepare(document, undefined, query, query), document, variables, context);
}

const customer = { __typename: 'Customer', id: 'c1', firstName: 'Camille' };
const policies = [
  { __typename: 'Policy', id: 'p1', number: 'HAB1' },
  { __typename: 'Policy', id: 'p2', number: 'HAB2' },
  { __typename: 'Policy', id: 'p1', number: 'HAB1' },
];

describe('federation engine', () => {
  it('fetches each subgraph once per step, each distinct entity once, and answers in the client’s shape', async () => {
    script = ({ subgraph, variables }) => {
      // Subgraph operations keep the client's aliases.
      if (subgraph === 'users') return { data: { me: { __typename: 'Customer', id: 'c1', name: 'Camille' } } };
      if (subgraph === 'policies') return { data: { _entities: [{ policies }] } };
      const reps = variables?.representations as { id: string }[];
      return { data: { _entities: reps.map((r) => ({ nextDueDate: `due-${r.id}` })) } };
    };
    const result = await run('{ me { name: firstName policies { number nextDueDate __typename } } }');
    expect(result.errors).toEqual([]);
    expect(JSON.stringify(result.data)).toBe(
      JSON.stringify({
        me: {
          name: 'Camille',
          policies: [
            { number: 'HAB1', nextDueDate: 'due-p1', __typename: 'Policy' },
            { number: 'HAB2', nextDueDate: 'due-p2', __typename: 'Policy' },
            { number: 'HAB1', nextDueDate: 'due-p1', __typename: 'Policy' },
          ],
        },
      }),
    );
    expect(calls.map((c) => c.subgraph)).toEqual(['users', 'policies', 'payments']);
    expect(calls[0]!.query).toContain('name: firstName');
    // Three policies, two of them the same: one request, two representations.
    expect(calls[2]!.variables?.representations).toEqual([
      { __typename: 'Policy', id: 'p1' },
      { __typename: 'Policy', id: 'p2' },
    ]);
  });

  it('puts an entity error on the client’s path with its code and the subgraph’s name', async () => {
    script = ({ subgraph }) => {
      if (subgraph === 'users') return { data: { me: customer } };
      if (subgraph === 'policies') return { data: { _entities: [{ policies: policies.slice(0, 2) }] } };
      return {
        data: { _entities: [{ nextDueDate: 'due-p1' }, { nextDueDate: null }] },
        errors: [
          {
            message: 'Vous n’avez pas accès à cette action.',
            path: ['_entities', 1, 'nextDueDate'],
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      };
    };
    const result = await run('{ me { policies { number nextDueDate } } }');
    expect(result.data).toEqual({
      me: {
        policies: [
          { number: 'HAB1', nextDueDate: 'due-p1' },
          { number: 'HAB2', nextDueDate: null },
        ],
      },
    });
    expect(result.errors).toEqual([
      {
        message: 'Vous n’avez pas accès à cette action.',
        path: ['me', 'policies', 1, 'nextDueDate'],
        extensions: { code: 'FORBIDDEN', serviceName: 'payments' },
      },
    ]);
  });

  it('nulls the nearest nullable parent when a non-null field is missing, with one error', async () => {
    script = () => ({ data: { me: { __typename: 'Customer', id: 'c1', firstName: null } } });
    const result = await run('{ me { id firstName } }');
    expect(result.data).toEqual({ me: null });
    expect(result.errors).toEqual([
      {
        message: 'Cannot return null for non-nullable field Customer.firstName.',
        path: ['me', 'firstName'],
        extensions: {},
      },
    ]);
  });

  it('answers with what it has and a typed, retryable error when a subgraph cannot be reached', async () => {
    script = ({ subgraph }) => {
      if (subgraph === 'users') return { data: { me: customer } };
      if (subgraph === 'claims') return new HopFailed('claims', 'unreachable', 'connect ECONNREFUSED 127.0.0.1:1');
      return { data: { _entities: [{ policies: [] }] } };
    };
    const result = await run('{ me { firstName policies { number } claims { reference } } }');
    // Customer.claims is non-null: without claims, `me` is null, and only the cause is reported.
    expect(result.data).toEqual({ me: null });
    expect(result.errors).toEqual([
      {
        message: 'Le service claims ne répond pas : réessayez dans un instant.',
        path: ['me'],
        extensions: { code: 'UNAVAILABLE', serviceName: 'claims', retryable: true },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('ECONNREFUSED');
  });

  it('names each root field a subgraph left unanswered, so a client cache can tell its nulls from values', async () => {
    script = ({ subgraph }) => new HopFailed(subgraph, 'refused', 'signature expired');
    const result = await run('{ me { firstName } key: webPushPublicKey }');
    expect(result.data).toEqual({ me: null, key: null });
    const refused = {
      message: 'Le service users ne répond pas : réessayez dans un instant.',
      extensions: { code: 'INTERNAL', serviceName: 'users', retryable: false },
    };
    expect(result.errors).toEqual([
      { ...refused, path: ['me'] },
      { ...refused, path: ['key'] },
    ]);
    expect(JSON.stringify(result)).not.toContain('signature expired');
  });

  it('answers introspection from the API schema without asking any subgraph', async () => {
    script = () => new Error('no subgraph should be asked');
    const result = await run('{ __schema { queryType { name } } __type(name: "Customer") { name } }');
    expect(result).toEqual({
      data: { __schema: { queryType: { name: 'Query' } }, __type: { name: 'Customer' } },
      errors: [],
    });
    expect(calls).toEqual([]);
  });

  it('plans a document once, however often it is asked', async () => {
    const query = '{ me { firstName } }';
    const first = engine.prepare(parse(query), undefined, 'same-key', query);
    expect(engine.prepare(parse(query), undefined, 'same-key', query)).toBe(first);
  });

  it('plans a changed document anew, and each operation of a document on its own', async () => {
    const one = '{ me { firstName } }';
    const other = '{ me { firstName policies { number } } }';
    const first = engine.prepare(parse(one), undefined, 'key-one', one);
    const changed = engine.prepare(parse(other), undefined, 'key-other', other);
    expect(changed).not.toBe(first);
    expect(JSON.stringify(changed.plan)).toContain('policies');
    expect(JSON.stringify(first.plan)).not.toContain('policies');
    const both = 'query A { me { firstName } } query B { me { policies { number } } }';
    const a = engine.prepare(parse(both), 'A', 'key-both', both);
    const b = engine.prepare(parse(both), 'B', 'key-both', both);
    expect(a.operation.name?.value).toBe('A');
    expect(b.operation.name?.value).toBe('B');
    expect(JSON.stringify(b.plan)).toContain('policies');
    expect(engine.prepare(parse(both), 'A', 'key-both', both)).toBe(a);
  });

  it('keeps at most planCacheSize plans, the least recently used leaving first', async () => {
    const small = createEngine({
      supergraphSdl: readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8'),
      subgraphUrls: {},
      hopSecrets: parseHopSecrets(generateHopSecret()),
      hops: { send: () => Promise.reject(new Error('not sent')), close() {} },
      planCacheSize: 2,
    });
    const texts = ['{ me { id } }', '{ me { firstName } }', '{ me { lastName } }'];
    const prepare = (i: number) => small.prepare(parse(texts[i]!), undefined, `k${i}`, texts[i]);
    const [p0, p1] = [prepare(0), prepare(1)];
    expect(prepare(0)).toBe(p0); // 0 is now the most recently used
    prepare(2); // 1 leaves
    expect(prepare(0)).toBe(p0);
    expect(prepare(1)).not.toBe(p1);
    small.close();
  });
});
