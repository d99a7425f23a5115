// Ownership and session rules on every path, including the ones only the gateway can reach (_entities).
import { createHmac } from 'node:crypto';
import { DEMO, HOP_HEADER, type Identity, manualClock, sha256, signHop } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { adjuster, customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';

// TOTP codes are single use per 30-second step: each staff sign-in moves this clock to a fresh step.
const clock = manualClock(new Date());
const staffSignIn = () => {
  clock.advance(30_000);
  return adjuster(url, clock.now());
};

const system = await systemForFile({ clock });
const url = system.gateway.url;

/** A request signed with the gateway's key, as the gateway would send it on behalf of `who`. */
async function signedCall(subgraph: string, who: Identity | null, body: unknown) {
  const raw = JSON.stringify(body);
  // Dated by the system's clock, which subgraphs check signatures against.
  const hop = signHop(
    system.secrets.hopSecrets,
    subgraph,
    { use: 'http', bh: sha256(raw), who, client: { ip: null, userAgent: null } },
    clock.now(),
  );
  const res = await fetch(system.subgraphs[subgraph]!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HOP_HEADER]: hop },
    body: raw,
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}

const louis: Identity = {
  sub: DEMO.louis.customerId,
  sid: 'test-session',
  roles: ['CUSTOMER'],
  exp: Math.floor(Date.now() / 1000) + 600,
};
const entities = (typename: string, id: string, selection: string) => ({
  query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
  variables: { r: [{ __typename: typename, id }] },
});

describe('_entities serve only the owner', () => {
  it('resolves another customer’s policy, claim and profile to nothing', async () => {
    expect((await signedCall('policies', louis, entities('Policy', DEMO.camille.policyId, 'number'))).data).toEqual({
      _entities: [null],
    });
    expect((await signedCall('claims', louis, entities('Claim', DEMO.camilleClaimId, 'reference'))).data).toEqual({
      _entities: [null],
    });
    expect((await signedCall('users', louis, entities('Customer', DEMO.camille.customerId, 'email'))).data).toEqual({
      _entities: [null],
    });
    // The owner gets them.
    expect(
      (
        await signedCall(
          'policies',
          { ...louis, sub: DEMO.camille.customerId },
          entities('Policy', DEMO.camille.policyId, 'number'),
        )
      ).data,
    ).toEqual({
      _entities: [{ number: DEMO.camille.contractNumber }],
    });
  });

  it('refuses fields another subgraph adds to someone else’s Customer', async () => {
    for (const [subgraph, field] of [
      ['policies', 'policies { number }'],
      ['policies', 'documents { id }'],
      ['payments', 'paymentHistory { edges { node { id } } }'],
      ['claims', 'claims { reference }'],
      ['payments', 'paymentMethods { label }'],
    ] as const) {
      const result = await signedCall(subgraph, louis, entities('Customer', DEMO.camille.customerId, field));
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data)).not.toContain('HAB0012345');
    }
  });

  it('refuses a signature made for another subgraph', async () => {
    const raw = JSON.stringify({ query: '{ __typename }' });
    const hop = signHop(system.secrets.hopSecrets, 'users', { use: 'http', bh: sha256(raw) });
    const res = await fetch(system.subgraphs.payments!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HOP_HEADER]: hop },
      body: raw,
    });
    expect(res.status).toBe(401);
  });

  it("refuses at payments a request signed with users' own key, naming payments as its audience", async () => {
    const raw = JSON.stringify({ query: '{ __typename }' });
    // What a leak of the users subgraph's HOP_KEYS gives: its key, with which anything can be signed by hand.
    const [kid, key] = system.secrets.hopSecrets.keysSetting('users').split(',')[0]!.split(':') as [string, string];
    const forge = (audience: string) => {
      const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const iat = Math.floor(clock.now().getTime() / 1000);
      const input = `${b64({ alg: 'HS256', kid })}.${b64({ use: 'http', bh: sha256(raw), iss: 'abri-gateway', aud: audience, iat, exp: iat + 60 })}`;
      return `${input}.${createHmac('sha256', Buffer.from(key, 'base64')).update(input).digest('base64url')}`;
    };
    const call = (subgraph: string) =>
      fetch(system.subgraphs[subgraph]!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HOP_HEADER]: forge(subgraph) },
        body: raw,
      });
    expect((await call('payments')).status).toBe(401);
    // The forgery is well made: users, whose key it is, takes it.
    expect((await call('users')).status).toBe(200);
  });
});

describe('staff paths', () => {
  it('refuses advanceClaim and the claim queue to a customer', async () => {
    const camille = await customer(url, 'camille');
    const move = await camille.request(
      'mutation { advanceClaim(input: { claimId: "x", to: ACKNOWLEDGED }) { __typename } }',
    );
    expect(move.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const queue = await camille.request('{ claimQueue(status: DECLARED) { reference } }');
    expect(queue.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives the adjuster the queue and a typed refusal for a move the lifecycle forbids', async () => {
    const staff = await staffSignIn();
    const queue = await staff.request<{ claimQueue: { reference: string }[] }>(
      '{ claimQueue(status: DECLARED) { reference } }',
    );
    expect(queue.data?.claimQueue.map((c) => c.reference)).toContain('SIN-2026-004305');
    const refused = await staff.request(
      `mutation { advanceClaim(input: { claimId: "${DEMO.louisClaimId}", to: PAID }) { __typename ... on TransitionNotAllowed { from to reason } } }`,
    );
    expect(refused.data).toEqual({
      advanceClaim: { __typename: 'TransitionNotAllowed', from: 'DECLARED', to: 'PAID', reason: 'NOT_ALLOWED' },
    });
    const missing = await staff.request(
      'mutation { advanceClaim(input: { claimId: "no-such-claim", to: ACKNOWLEDGED }) { __typename } }',
    );
    expect(missing.data).toEqual({ advanceClaim: { __typename: 'ClaimNotFound' } });
  });

  it('refuses a TOTP code already used', async () => {
    await staffSignIn();
    await expect(adjuster(url, clock.now())).rejects.toThrow(/second factor failed/);
    clock.advance(30_000);
    await expect(adjuster(url, clock.now())).resolves.toBeDefined();
  });
});

describe('refresh tokens', () => {
  it('rotates on each use, and replaying a used one ends the session', async () => {
    const camille = await customer(url, 'camille');
    const login = await camille.login(DEMO.camille.contractNumber, DEMO.customerPassword);
    // Sign-in and refresh calls go without the Authorization header: a stale token there is refused with 401.
    const anonymous = new AbriClient(url);
    const refresh = (token: string) =>
      anonymous.request<{ refreshSession: { __typename: string; accessToken?: string; refreshToken?: string } }>(
        'mutation($t: String!) { refreshSession(refreshToken: $t) { __typename ... on LoginSuccess { accessToken refreshToken } } }',
        { t: token },
      );
    const first = await refresh(login!.refreshToken!);
    expect(first.data?.refreshSession.__typename).toBe('LoginSuccess');
    const second = await refresh(first.data!.refreshSession.refreshToken!);
    expect(second.data?.refreshSession.__typename).toBe('LoginSuccess');
    // Replay of the first refresh token: refused, and the whole family dies with it.
    expect((await refresh(first.data!.refreshSession.refreshToken!)).data?.refreshSession.__typename).toBe(
      'InvalidCredentials',
    );
    expect((await refresh(second.data!.refreshSession.refreshToken!)).data?.refreshSession.__typename).toBe(
      'InvalidCredentials',
    );
    // And the access token of that session stops working as soon as the gateway hears of it.
    camille.accessToken = second.data!.refreshSession.accessToken!;
    await expect
      .poll(async () => (await camille.request('{ me { id } }')).status, { timeout: 10_000, interval: 20 })
      .toBe(401);
  });
});
