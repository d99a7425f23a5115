// The gateway's calls to a subgraph, against a real HTTP server: the body is signed as sent, a query whose
// connection closes under it is sent once more while a mutation is not, and every way of giving no GraphQL answer
// becomes a HopFailed the engine can report.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateHopSecret, HOP_HEADER, parseHopSecrets, sha256, verifyHop } from '@abri/platform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../src/context.ts';
import { createHops, HopFailed, type Hops } from '../src/engine/hops.ts';

const context: GatewayContext = {
  who: { sub: 'c1', sid: 's1', roles: ['CUSTOMER'], exp: 2_000_000_000 },
  client: { ip: '203.0.113.7', userAgent: 'test' },
  requestId: 'r1',
};
const secrets = parseHopSecrets(generateHopSecret());
const QUERY = JSON.stringify('{ me { id } }');
const MUTATION = JSON.stringify('mutation { signOut }');

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler;
let received: { body: string; signature: string | undefined }[];
let server: Server;
let hops: Hops;
let impatient: Hops;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ body, signature: req.headers[HOP_HEADER] as string | undefined });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const subgraphUrls = { users: `http://127.0.0.1:${port}/graphql`, nowhere: 'http://127.0.0.1:1/graphql' };
  hops = createHops({ subgraphUrls, hopSecrets: secrets });
  // Only the silent subgraph's case waits for the timeout: every answer of the others may be slow on a loaded machine.
  impatient = createHops({ subgraphUrls, hopSecrets: secrets, timeoutMs: 300 });
});
afterEach(() => {
  received = [];
});
afterAll(async () => {
  hops.close();
  impatient.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
received = [];

const answer = (res: ServerResponse, status: number, text: string) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
};

describe('hops', () => {
  it('sends the operation and variables signed for this subgraph, this body and this caller', async () => {
    handler = (_req, _body, res) => answer(res, 200, '{"data":{"me":{"id":"c1"}}}');
    await expect(hops.send('users', QUERY, { a: 1 }, context, true)).resolves.toEqual({ data: { me: { id: 'c1' } } });
    expect(received).toHaveLength(1);
    const [{ body, signature }] = received as [(typeof received)[0]];
    expect(JSON.parse(body)).toEqual({ query: '{ me { id } }', variables: { a: 1 } });
    const claims = verifyHop(secrets.keysFor('users'), 'users', signature, { use: 'http', bodyHash: sha256(body) });
    expect(claims.who?.sub).toBe('c1');
    expect(claims.client.ip).toBe('203.0.113.7');
    // Another subgraph's key refuses it.
    expect(() =>
      verifyHop(secrets.keysFor('payments'), 'payments', signature, { use: 'http', bodyHash: sha256(body) }),
    ).toThrow();
  });

  it('sends a query once more when its connection closes under it, and a mutation never', async () => {
    // The next call is cut without an answer, as by a subgraph closing a kept-alive connection.
    let cut = 1;
    handler = (req, _body, res) => {
      if (cut > 0) {
        cut--;
        req.socket.destroy();
        return;
      }
      answer(res, 200, '{"data":{"ok":true}}');
    };
    await expect(hops.send('users', QUERY, undefined, context, true)).resolves.toEqual({ data: { ok: true } });
    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(received[0]!.body);

    received = [];
    cut = 1;
    const failure = await hops.send('users', MUTATION, undefined, context, false).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HopFailed);
    expect(failure).toMatchObject({ subgraph: 'users', reason: 'unreachable' });
    expect(received).toHaveLength(1);

    // A query the subgraph had begun to answer is not sent again either: it ran there.
    received = [];
    handler = (req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"data":');
      setImmediate(() => req.socket.destroy());
    };
    const cutShort = await hops.send('users', QUERY, undefined, context, true).catch((error: unknown) => error);
    expect(cutShort).toMatchObject({ subgraph: 'users', reason: 'unreachable' });
    expect(received).toHaveLength(1);
  });

  it('turns every missing answer into a HopFailed: refused, not JSON, not GraphQL, silent, unreachable', async () => {
    const failureOf = (subgraph: string, through = hops) =>
      through.send(subgraph, QUERY, undefined, context, true).then(
        () => null,
        (error: unknown) => error as HopFailed,
      );
    handler = (_req, _body, res) => answer(res, 401, '{"error":"signature"}');
    expect(await failureOf('users')).toMatchObject({ reason: 'refused' });
    handler = (_req, _body, res) => answer(res, 502, '<html>Bad gateway</html>');
    expect(await failureOf('users')).toMatchObject({ reason: 'malformed', message: expect.stringContaining('502') });
    handler = (_req, _body, res) => answer(res, 200, '{"hello":"world"}');
    expect(await failureOf('users')).toMatchObject({ reason: 'malformed' });
    handler = () => {}; // never answers
    const silent = await failureOf('users', impatient);
    expect(silent).toMatchObject({
      reason: 'unreachable',
      message: expect.stringContaining('no answer within 300 ms'),
    });
    expect(await failureOf('nowhere')).toMatchObject({ reason: 'unreachable' });
    expect(await failureOf('unknown')).toMatchObject({
      reason: 'unreachable',
      message: expect.stringContaining('no URL'),
    });
  });
});
