// follow(): a resumable subscription through network loss, gateway restarts, expired tokens and app backgrounding,
// each event handed over once and in order (issue 14.4, and the SDK finding of issue 12: its retry doubled events
// after a network blip and gave up when the gateway restarted).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbriClient } from '../src/client.ts';
import { backoffDelay, type Follow, type FollowOptions, follow } from '../src/follow.ts';
import { memoryStorage } from '../src/storage.ts';
import { FakeGateway } from './fake-gateway.ts';

const QUERY = 'subscription($after: String) { claimStatusChanged(after: $after) { cursor n } }';
type Event = { claimStatusChanged: { cursor: string; n: number } };

/** A fetch that answers `refreshSession`: a new token pair, or a refusal once `refuse` is set. */
function refreshServer(gateway: FakeGateway) {
  const state = { calls: 0, refuse: false };
  const fetchImpl = (async (_url: string, init: { body: string }) => {
    const { variables } = JSON.parse(init.body) as { variables: { t: string } };
    state.calls++;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (state.refuse) return Response.json({ data: { refreshSession: { __typename: 'InvalidCredentials' } } });
    const accessToken = `access-${state.calls}`;
    gateway.token = accessToken;
    return Response.json({
      data: {
        refreshSession: { __typename: 'LoginSuccess', accessToken, refreshToken: `${variables.t}+` },
      },
    });
  }) as unknown as typeof fetch;
  return { state, fetchImpl };
}

const running: Follow[] = [];
afterEach(async () => {
  for (const f of running.splice(0)) await f.stop();
});

function start(gateway: FakeGateway, options: Partial<FollowOptions<Event>> = {}, client?: AbriClient) {
  const received: number[] = [];
  const states: string[] = [];
  const c =
    client ??
    new AbriClient('http://gateway.test/graphql', {
      webSocket: gateway.WebSocket,
      session: { accessToken: 'access-0', refreshToken: 'refresh-0' },
    });
  const f = follow<Event>(c, QUERY, {
    onEvent: (data) => {
      received.push(data.claimStatusChanged.n);
    },
    onState: (s) => states.push(s),
    backoff: { random: () => 0 },
    ...options,
  });
  running.push(f);
  return { f, received, states, client: c };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('follow', () => {
  it('resumes after a network loss from the last cursor handled, every event once and in order', async () => {
    const gateway = new FakeGateway();
    for (let i = 0; i < 3; i++) gateway.publish();
    const { received } = start(gateway);
    await vi.waitFor(() => expect(received).toEqual([1, 2, 3]));
    for (let blip = 0; blip < 5; blip++) {
      const subscribed = gateway.subscriptions.length;
      gateway.drop(1006);
      gateway.publish();
      await vi.waitFor(() => expect(gateway.subscriptions.length).toBe(subscribed + 1));
      gateway.publish();
      await vi.waitFor(() => expect(received.at(-1)).toBe(5 + 2 * blip));
    }
    await vi.waitFor(() => expect(received).toEqual(range(1, 13)));
    // Each reconnection asked from the last cursor handled, not from the first one.
    expect(gateway.subscriptions.map((s) => s.variables.after)).toEqual([
      undefined,
      'claims.30',
      'claims.50',
      'claims.70',
      'claims.90',
      'claims.110',
    ]);
  });

  it('drops events whose cursor is not after the last one handled (a replay that overlaps)', async () => {
    const gateway = new FakeGateway({ ignoreAfter: true });
    for (let i = 0; i < 4; i++) gateway.publish();
    const { f, received } = start(gateway);
    await vi.waitFor(() => expect(received).toEqual([1, 2, 3, 4]));
    gateway.drop(1006);
    gateway.publish();
    await vi.waitFor(() => expect(received).toEqual([1, 2, 3, 4, 5]));
    expect(f.cursor).toBe('claims.50');
  });

  it('keeps trying while the gateway restarts, then catches up', async () => {
    const gateway = new FakeGateway();
    gateway.publish();
    const { received, states } = start(gateway);
    await vi.waitFor(() => expect(received).toEqual([1]));
    gateway.down = true;
    gateway.drop(1001);
    await vi.waitFor(() => expect(gateway.connections).toBeGreaterThan(8));
    gateway.publish();
    gateway.publish();
    gateway.down = false;
    await vi.waitFor(() => expect(received).toEqual([1, 2, 3]));
    expect(states).not.toContain('ended');
  });

  it('starts from the cursor kept in storage, and keeps each new one there', async () => {
    const gateway = new FakeGateway();
    for (let i = 0; i < 5; i++) gateway.publish();
    const storage = memoryStorage({ phone: 'claims.30' });
    const { received } = start(gateway, { storage, key: 'phone' });
    await vi.waitFor(() => expect(received).toEqual([4, 5]));
    expect(gateway.subscriptions[0]!.variables.after).toBe('claims.30');
    await vi.waitFor(() => expect(storage.entries()).toEqual([['phone', 'claims.50']]));
  });

  it('starts from `from` (the cursor read with the screen) when storage holds none, and from storage when it does', async () => {
    const gateway = new FakeGateway();
    for (let i = 0; i < 5; i++) gateway.publish();
    const fresh = start(gateway, { storage: memoryStorage(), key: 'phone', from: 'claims.20' });
    await vi.waitFor(() => expect(fresh.received).toEqual([3, 4, 5]));
    expect(gateway.subscriptions[0]!.variables.after).toBe('claims.20');
    const stored = start(gateway, { storage: memoryStorage({ phone: 'claims.40' }), key: 'phone', from: 'claims.20' });
    await vi.waitFor(() => expect(stored.received).toEqual([5]));
    expect(gateway.subscriptions[1]!.variables.after).toBe('claims.40');
  });

  it('closes the connection while paused, and on resume gets what it missed', async () => {
    const gateway = new FakeGateway();
    gateway.publish();
    const { f, received } = start(gateway);
    await vi.waitFor(() => expect(received).toEqual([1]));
    f.pause();
    await vi.waitFor(() => expect(gateway.sockets.size).toBe(0));
    expect(f.state).toBe('paused');
    gateway.publish();
    gateway.publish();
    expect(received).toEqual([1]);
    f.resume();
    await vi.waitFor(() => expect(received).toEqual([1, 2, 3]));
    expect(gateway.subscriptions.at(-1)!.variables.after).toBe('claims.10');
  });

  it('renews an expired token once for every subscription, then reconnects (4401)', async () => {
    const gateway = new FakeGateway({ token: 'access-0' });
    const { state, fetchImpl } = refreshServer(gateway);
    const client = new AbriClient('http://gateway.test/graphql', {
      webSocket: gateway.WebSocket,
      fetch: fetchImpl,
      session: { accessToken: 'access-0', refreshToken: 'refresh-0' },
    });
    gateway.publish();
    const phone = start(gateway, {}, client);
    const widget = start(gateway, { variables: { widget: true } }, client);
    await vi.waitFor(() => expect([phone.received, widget.received]).toEqual([[1], [1]]));
    // The token expires: the gateway closes both sockets with 4401.
    gateway.token = 'access-1';
    gateway.drop(4401);
    gateway.publish();
    await vi.waitFor(() =>
      expect([phone.received, widget.received]).toEqual([
        [1, 2],
        [1, 2],
      ]),
    );
    expect(state.calls).toBe(1);
    expect(client.refreshToken).toBe('refresh-0+');
    expect(gateway.subscriptions.at(-1)!.token).toBe('access-1');
  });

  it('ends signed out when the session is revoked (4403) or its renewal is refused', async () => {
    const gateway = new FakeGateway();
    const revoked = start(gateway);
    await vi.waitFor(() => expect(revoked.f.state).toBe('live'));
    gateway.drop(4403);
    expect(await revoked.f.ended).toEqual({ kind: 'signed-out' });

    const other = new FakeGateway({ token: 'access-0' });
    const { state, fetchImpl } = refreshServer(other);
    state.refuse = true;
    const client = new AbriClient('http://gateway.test/graphql', {
      webSocket: other.WebSocket,
      fetch: fetchImpl,
      session: { accessToken: 'stale', refreshToken: 'refresh-0' },
    });
    const expired = start(other, {}, client);
    expect(await expired.f.ended).toEqual({ kind: 'signed-out' });
    expect(client.accessToken).toBeNull();
  });

  it('retries an unavailable service, and ends on an error another attempt cannot mend', async () => {
    const gateway = new FakeGateway();
    gateway.publish();
    gateway.failNext = [{ message: 'claims is unavailable', extensions: { code: 'UNAVAILABLE', retryable: true } }];
    const retried = start(gateway);
    await vi.waitFor(() => expect(retried.received).toEqual([1]));
    expect(retried.states).toContain('waiting');

    gateway.failNext = [{ message: 'Ce curseur n’appartient pas à ce flux.', extensions: { code: 'INVALID_CURSOR' } }];
    const refused = start(gateway, { key: 'other' });
    expect((await refused.f.ended).kind).toBe('failed');

    gateway.refuseNext = 4400;
    const broken = start(gateway, { key: 'third' });
    expect((await broken.f.ended).kind).toBe('failed');
  });

  it('waits a random time below an exponential bound between attempts (full jitter)', () => {
    const bounds = range(0, 6).map((attempt) => backoffDelay(attempt, 500, 8000, () => 1));
    expect(bounds).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffDelay(3, 500, 8000, () => 0.25)).toBe(1000);
    expect(backoffDelay(3, 500, 8000, () => 0)).toBe(0);
  });
});
