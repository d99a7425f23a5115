// follow() through the real gateway, as a phone lives it: the network cut mid-stream (a TCP proxy between the SDK
// and the gateway drops every connection), then the gateway restarted while events keep coming. Every event reaches
// the device exactly once, in order, and the device never gives up (issue 14.4; issue 12, the SDK finding).
import { connect, createServer, type Server, type Socket } from 'node:net';
import { DEMO } from '@abri/platform';
import { adjuster, advance, CLAIM_EVENTS, customer, startTestSystem } from '@abri/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbriClient } from '../src/node.ts';
import { memoryStorage } from '../src/storage.ts';

type ClaimEvent = { claimStatusChanged: { cursor: string; status: string } };

/** A TCP pass-through to the gateway that the test can cut, like a phone losing its network. */
function tcpProxy(target: () => number) {
  const pairs = new Set<[Socket, Socket]>();
  const server: Server = createServer((device) => {
    const upstream = connect(target(), '127.0.0.1');
    const pair: [Socket, Socket] = [device, upstream];
    pairs.add(pair);
    const close = () => {
      pairs.delete(pair);
      device.destroy();
      upstream.destroy();
    };
    device.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    device.pipe(upstream).pipe(device);
  });
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
      ),
    /** Every open connection dropped at once, mid-stream. */
    cut: () => {
      for (const [device, upstream] of pairs) {
        device.destroy();
        upstream.destroy();
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let system: Awaited<ReturnType<typeof startTestSystem>>;
let proxy: ReturnType<typeof tcpProxy>;
let proxied: string;

beforeAll(async () => {
  system = await startTestSystem();
  proxy = tcpProxy(() => Number(new URL(system.gateway.url).port));
  proxied = `http://127.0.0.1:${await proxy.listen()}/graphql`;
});
afterAll(async () => {
  proxy?.cut();
  await proxy?.close();
  await system?.stop();
});

describe('follow() through the gateway', () => {
  it('gets every event once and in order across a network cut and a gateway restart', async () => {
    const url = system.gateway.url;
    const staff = await adjuster(url);
    const signedIn = await customer(url, 'camille');
    const phone = new AbriClient(proxied, {
      session: { accessToken: signedIn.accessToken!, refreshToken: signedIn.refreshToken },
    });
    // The phone has followed this stream before: it starts from its stored cursor (here, the stream's start).
    const storage = memoryStorage({ claims: 'claims.0' });
    const received: ClaimEvent['claimStatusChanged'][] = [];
    const states: string[] = [];
    const following = phone.follow<ClaimEvent>(CLAIM_EVENTS, {
      storage,
      key: 'claims',
      backoff: { initialMs: 50, maxMs: 1000 },
      onEvent: (data) => {
        received.push(data.claimStatusChanged);
      },
      onState: (state) => states.push(state),
    });
    const sent: string[] = [];
    const move = async () => {
      const status = sent.length % 2 === 0 ? 'DOCUMENTS_REQUESTED' : 'ACKNOWLEDGED';
      await advance(staff, DEMO.camilleClaimId, status);
      sent.push(status);
    };
    for (let i = 0; i < 3; i++) await move();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(3);

    // The network drops mid-stream; events go on while the phone is away.
    proxy.cut();
    for (let i = 0; i < 3; i++) await move();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(6);

    // The gateway is restarted (a deploy): the phone keeps trying until it is back, then catches up.
    await system.restartGateway();
    for (let i = 0; i < 3; i++) await move();
    await expect.poll(() => received.length, { timeout: 60_000 }).toBe(9);
    await expect.poll(() => system.gateway.live().devices, { timeout: 30_000 }).toBe(1);
    await move();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(10);

    expect(received.map((e) => e.status)).toEqual(sent);
    const positions = received.map((e) => BigInt(e.cursor.split('.')[1]!));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(positions).size).toBe(positions.length);
    expect(storage.entries()).toEqual([['claims', received.at(-1)!.cursor]]);
    expect(states.filter((s) => s === 'connecting').length).toBeGreaterThanOrEqual(3);
    expect(states).not.toContain('ended');
    await following.stop();
    expect(await following.ended).toEqual({ kind: 'stopped' });
  });

  it('renews an expired access token when the gateway closes with 4401, and goes on', async () => {
    const signedIn = await customer(system.gateway.url, 'camille');
    const phone = new AbriClient(proxied, {
      session: { accessToken: 'expired.or.forged', refreshToken: signedIn.refreshToken },
    });
    const following = phone.follow<ClaimEvent>(CLAIM_EVENTS, { onEvent: () => {} });
    await expect.poll(() => following.state, { timeout: 30_000 }).toBe('live');
    expect(phone.accessToken).not.toBe('expired.or.forged');
    expect(phone.refreshToken).not.toBe(signedIn.refreshToken);
    await following.stop();
  });

  it('ends signed out when the session is revoked', async () => {
    const phone = await customer(proxied, 'camille');
    const following = phone.follow<ClaimEvent>(CLAIM_EVENTS, { onEvent: () => {} });
    await expect.poll(() => following.state, { timeout: 30_000 }).toBe('live');
    await phone.request('mutation { logout }');
    expect(await following.ended).toEqual({ kind: 'signed-out' });
  });
});
