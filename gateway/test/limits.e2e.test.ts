// Operation limits through the gateway, each a request that once cost the server seconds, memory or side effects:
// refused with OPERATION_LIMIT before any subgraph is asked, over HTTP and WebSocket alike.
import { DEMO, manualClock } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { adjuster, CLAIM_EVENTS, collect, customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LIMITS, SOCKET_LIMITS, TOO_MANY } from '../src/limits.ts';

const clock = manualClock(new Date());

const system = await systemForFile({
  clock,
  gatewayOptions: { introspection: 'staff', socketLimits: { anonymousIdleMs: 1_000 } },
});
const url = system.gateway.url;

type Answer = Awaited<ReturnType<AbriClient['request']>>;
const limitOf = (answer: Answer) => answer.errors?.[0]?.extensions?.['limit'];
const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;
const messageOf = (answer: Answer) => answer.errors?.[0]?.message;

/** `me { documents { policy { documents { policy { … id } } } } }`, `levels` lists deep. */
const nestedDocuments = (levels: number) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = i % 2 ? `policy { ${inner} }` : `documents { ${inner} }`;
  return `{ me { ${inner} } }`;
};

describe('operation limits', () => {
  it('refuses a nested query whose answer would multiply', async () => {
    const camille = await customer(url, 'camille');
    const answer = await camille.request(nestedDocuments(7));
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('OPERATION_LIMIT');
    expect(limitOf(answer)).toBe('cost');
    // In French, as every message a client may show (the library's own English text never passes).
    expect(messageOf(answer)).toMatch(
      new RegExp(
        `^Opération trop coûteuse \\(\\d+ pour une limite de ${LIMITS.maxCost}\\) : demandez moins d’éléments\\.$`,
      ),
    );
    expect(answer.data ?? null).toBeNull();
    // A string that names `__schema` is no introspection: the same query with one is still held to the cost limit.
    const disguised = nestedDocuments(7).replace('{ me {', '{ search(query: "__schema") { __typename } me {');
    expect(limitOf(await camille.request(disguised))).toBe('cost');
    // Deeper still: the depth limit answers first.
    const deep = await camille.request(nestedDocuments(13));
    expect(limitOf(deep)).toBe('depth');
    expect(messageOf(deep)).toBe(`Opération trop imbriquée : au plus ${LIMITS.maxDepth} niveaux.`);
    // The same shape, shallow, is fine.
    const shallow = await camille.request<{ me: { documents: { policy: { id: string } }[] } }>(nestedDocuments(3));
    expect(shallow.errors).toBeUndefined();
    expect(shallow.data?.me.documents.length).toBeGreaterThan(0);
  });

  it('refuses a thousand aliases of an anonymous search', async () => {
    const anonymous = new AbriClient(url);
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: search(query: "eau") { __typename }`).join(' ');
    const answer = await anonymous.request(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    // More tokens than a document may hold: the parser stops first.
    expect(codeOf(answer)).toBe('GRAPHQL_PARSE_FAILED');
    const fewer = Array.from({ length: 40 }, (_, i) => `a${i}: search(query: "eau") { __typename }`).join(' ');
    const aliased = await anonymous.request(`{ ${fewer} }`);
    expect(limitOf(aliased)).toBe('aliases');
    expect(messageOf(aliased)).toBe(`Trop d’alias dans l’opération : au plus ${LIMITS.maxAliases}.`);
  });

  it('issues one attestation per operation, not one per alias', async () => {
    const camille = await customer(url, 'camille');
    const count = async () =>
      (await camille.request<{ me: { documents: unknown[] } }>('{ me { documents { id } } }')).data?.me.documents
        .length;
    const before = await count();
    const policyId = (await camille.request<{ me: { policies: { id: string }[] } }>('{ me { policies { id } } }')).data
      ?.me.policies[0]?.id;
    const aliases = Array.from(
      { length: 5 },
      (_, i) => `a${i}: generateAttestation(policyId: "${policyId}") { __typename }`,
    ).join(' ');
    const answer = await camille.request(`mutation { ${aliases} }`);
    expect(limitOf(answer)).toBe('mutationOnce');
    expect(messageOf(answer)).toBe('« generateAttestation » ne peut figurer qu’une fois par opération.');
    expect(await count()).toBe(before);
  });

  it('opens no session for aliased sign-ins', async () => {
    const camille = await customer(url, 'camille');
    const sessions = async () =>
      (await camille.request<{ me: { sessions: unknown[] } }>('{ me { sessions { id } } }')).data?.me.sessions.length;
    const before = await sessions();
    const anonymous = new AbriClient(url);
    const login = `login(input: { contractNumber: "${DEMO.camille.contractNumber}", password: "${DEMO.customerPassword}" }) { __typename }`;
    const answer = await anonymous.request(`mutation { a: ${login} b: ${login} c: ${login} }`);
    expect(limitOf(answer)).toBe('mutationOnce');
    expect(messageOf(answer)).toBe('« login » ne peut figurer qu’une fois par opération.');
    expect(await sessions()).toBe(before);
  });

  it('holds subscriptions and operations over the socket to the same limits', async () => {
    const camille = await customer(url, 'camille');
    const socket = camille.socket();
    const tooDeep = collect(socket, nestedDocuments(7));
    await expect.poll(() => tooDeep.ended).toBe(true);
    expect(JSON.stringify(tooDeep.failure)).toContain('OPERATION_LIMIT');
    const fine = collect<{ me: { id: string } }>(socket, '{ me { id } }');
    const [answer] = await fine.until(1);
    expect(answer?.data?.me.id).toBeTruthy();
    await socket.dispose();
  });

  it('reads a document sent on many sockets the same way each time, with each caller its own answer', async () => {
    const [camille, louis] = [await customer(url, 'camille'), await customer(url, 'louis')];
    const sockets = [camille.socket(), louis.socket()];
    // Refused on every socket, not only the first (a refused document is never kept as read).
    for (const socket of sockets) {
      const wrong = collect(socket, '{ me { id nope } }');
      await expect.poll(() => wrong.ended).toBe(true);
      expect(JSON.stringify(wrong.failure)).toContain('nope');
    }
    // One text, two callers: each gets their own answer.
    const ids = await Promise.all(
      sockets.map(async (socket) => (await collect<{ me: { id: string } }>(socket, '{ me { id } }').until(1))[0]),
    );
    const [mine, his] = [
      await camille.request<{ me: { id: string } }>('{ me { id } }'),
      await louis.request<{ me: { id: string } }>('{ me { id } }'),
    ];
    expect(ids.map((a) => a?.data?.me.id)).toEqual([mine.data?.me.id, his.data?.me.id]);
    expect(mine.data?.me.id).not.toBe(his.data?.me.id);
    for (const socket of sockets) await socket.dispose();
  });

  it('describes the schema to staff only', async () => {
    const query = '{ __schema { queryType { name } } }';
    const camille = await customer(url, 'camille');
    expect(codeOf(await camille.request(query))).toBe('FORBIDDEN');
    expect(codeOf(await new AbriClient(url).request(query))).toBe('FORBIDDEN');
    clock.advance(30_000);
    const staff = await adjuster(url, clock.now());
    const answer = await staff.request<{ __schema: { queryType: { name: string } } }>(query);
    expect(answer.data?.__schema.queryType.name).toBe('Query');
    // __typename is no introspection.
    expect((await camille.request<{ __typename: string }>('{ __typename }')).data?.__typename).toBe('Query');
  });
});

/** Opens a raw socket and resolves with its close code (after `init` is acknowledged, if the server lets it). */
function rawSocket(token: string | null) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const acked = new Promise<void>((resolve) =>
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve();
    }),
  );
  socket.on('open', () =>
    socket.send(
      JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }),
    ),
  );
  return { socket, closed, acked };
}

describe('socket limits', () => {
  it('refuses an operation past the limit on one socket, and runs it again once one ends', async () => {
    const camille = await customer(url, 'camille');
    const socket = camille.socket();
    const open = Array.from({ length: SOCKET_LIMITS.operationsPerSocket }, () =>
      collect(socket, CLAIM_EVENTS, { after: null }),
    );
    const extra = collect(socket, CLAIM_EVENTS, { after: null });
    await expect.poll(() => extra.ended).toBe(true);
    expect(JSON.stringify(extra.failure)).toContain('operationsPerSocket');
    expect(open.filter((o) => o.ended).map((o) => JSON.stringify(o.failure))).toEqual([]);
    await open[0]!.stop();
    const again = collect<{ me: { id: string } }>(socket, '{ me { id } }');
    expect((await again.until(1))[0]?.data?.me.id).toBeTruthy();
    for (const o of open.slice(1)) await o.stop();
    await socket.dispose();
  });

  it("closes a session's socket past the limit", async () => {
    const camille = await customer(url, 'camille');
    const sockets = Array.from({ length: SOCKET_LIMITS.socketsPerSession }, () => rawSocket(camille.accessToken));
    await Promise.all(sockets.map((s) => s.acked));
    const extra = rawSocket(camille.accessToken);
    expect(await extra.closed).toBe(TOO_MANY);
    // Another session of the same customer is counted apart.
    const phone = await customer(url, 'camille');
    const other = rawSocket(phone.accessToken);
    await other.acked;
    for (const s of [...sockets, other]) s.socket.close();
  });

  it('closes an anonymous socket that runs nothing, and a socket that floods', async () => {
    const idle = rawSocket(null);
    await idle.acked;
    expect(await idle.closed).toBe(1000);
    // An operation refused (here, not even GraphQL) is no activity: the socket still closes.
    const refused = rawSocket(null);
    await refused.acked;
    const errored = new Promise<void>((resolve) =>
      refused.socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'error') resolve();
      }),
    );
    refused.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'x' } }));
    await errored;
    expect(await refused.closed).toBe(1000);
    // Nor is one that names no operation of its document.
    const unnamed = rawSocket(null);
    await unnamed.acked;
    const answered = new Promise<unknown>((resolve) =>
      unnamed.socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'error') resolve(message.payload);
      }),
    );
    unnamed.socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }', operationName: 'nope' } }),
    );
    expect(JSON.stringify(await answered)).toContain('OPERATION_RESOLUTION_FAILURE');
    expect(await unnamed.closed).toBe(1000);
    const camille = await customer(url, 'camille');
    const flood = rawSocket(camille.accessToken);
    await flood.acked;
    for (let i = 0; i <= SOCKET_LIMITS.messagesPerSecond * 2; i++) flood.socket.send(JSON.stringify({ type: 'ping' }));
    expect(await flood.closed).toBe(TOO_MANY);
  });
});
