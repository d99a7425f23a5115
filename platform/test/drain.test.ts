// Stopping a server drains it: readiness says so first, requests in flight finish, new connections are refused,
// WebSockets close with 1001 so clients reconnect elsewhere and resume from their cursor.
import { createRequire } from 'node:module';
import { ApolloServer } from '@apollo/server';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serve } from '../src/http/serve.ts';

// The copy of graphql Apollo loads (Node resolves it to the CommonJS build; vitest would hand this file the ESM one).
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A `slow` query that tells when it started and answers 'done' once released. */
function slowQuery() {
  const release = deferred();
  const started = deferred();
  const rootValue = {
    slow: async () => {
      started.resolve();
      await release.promise;
      return 'done';
    },
  };
  return { release, started, rootValue };
}

describe('serve().stop()', () => {
  it('reports draining, lets requests in flight finish, refuses new ones and closes sockets with 1001', async () => {
    const { release, started, rootValue } = slowQuery();
    const schema = buildSchema('type Query { slow: String! } type Subscription { ticks: Int! }');
    const apollo = new ApolloServer({ schema, rootValue });
    const served = await serve({
      apollo,
      service: 'test',
      port: 0,
      context: async () => ({}),
      ws: {
        schema,
        subscribe: async function* () {
          yield { data: { ticks: 1 } };
          await new Promise(() => {});
        } as never,
      },
    });
    const base = served.url.replace('/graphql', '');
    expect((await fetch(`${base}/ready`)).status).toBe(200);

    const closed = new Promise<number>((resolve) => {
      const socket = createClient({
        url: served.url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      socket.on('closed', (event) => resolve((event as { code: number }).code));
      socket.subscribe({ query: 'subscription { ticks }' }, { next() {}, error() {}, complete() {} });
    });
    const inFlight = fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slow }' }),
    });
    await started.promise;

    const stopping = served.stop({ delayMs: 300, timeoutMs: 10_000 });
    expect(served.draining).toBe(true);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'draining' });

    release.resolve();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { slow: 'done' } });
    expect(await closed).toBe(1001);
    await stopping;
    await expect(fetch(`${base}/ready`)).rejects.toThrow();
  });

  it('stops once the requests in flight are answered, without waiting for their kept-alive connections', async () => {
    const { release, started, rootValue } = slowQuery();
    const schema = buildSchema('type Query { slow: String! }');
    const served = await serve({
      apollo: new ApolloServer({ schema, rootValue }),
      service: 'test',
      port: 0,
      context: async () => ({}),
    });
    const inFlight = fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slow }' }),
    });
    await started.promise;
    // No delay and a timeout longer than this test's: stop() must end because the connection closes, not by the
    // timeout (the connection would otherwise stay open for the server's keep-alive time, 65 s).
    const stopping = served.stop({ timeoutMs: 600_000 });
    release.resolve();
    const answer = await inFlight;
    expect(await answer.json()).toEqual({ data: { slow: 'done' } });
    expect(answer.headers.get('connection')).toBe('close');
    await stopping;
  });

  it('cuts requests still running after the timeout', async () => {
    const schema = buildSchema('type Query { never: String }');
    const apollo = new ApolloServer({ schema, rootValue: { never: () => new Promise(() => {}) } });
    const served = await serve({ apollo, service: 'test', port: 0, context: async () => ({}) });
    const hanging = fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ never }' }),
    });
    const connections = () =>
      new Promise<number>((resolve, reject) => served.server.getConnections((e, n) => (e ? reject(e) : resolve(n))));
    await expect.poll(connections).toBe(1);
    await served.stop({ timeoutMs: 200 });
    await expect(hanging).rejects.toThrow();
  });
});
