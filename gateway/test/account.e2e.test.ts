// Account security through the gateway: no enumeration by answer, other sessions cut off at once on a password
// change, the customer's view of their security.
import { DEMO } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const system = await systemForFile();
const url = system.gateway.url;

describe('no account enumeration', () => {
  // Same body here; same time because nothing about the account is looked up before the answer leaves (proved in
  // subgraphs/users/test/recovery.test.ts, measured by `npx tsx bench/enumeration.ts`).
  for (const mutation of ['requestPasswordReset', 'requestSmsCode'] as const) {
    it(`${mutation} answers the same body for known and unknown accounts`, async () => {
      const bodies = new Set<string>();
      for (const contract of [DEMO.louis.contractNumber, 'HAB9910001', DEMO.camille.contractNumber, 'HAB9910002']) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `mutation($c: String!) { ${mutation}(contractNumber: $c) }`,
            variables: { c: contract },
          }),
        });
        bodies.add(`${res.status} ${(await res.text()).trim()}`);
      }
      expect([...bodies]).toEqual([`200 {"data":{"${mutation}":true}}`]);
    });
  }
});

describe('password change', () => {
  it('closes the open subscriptions of every other session when the password changes (not at token expiry), and keeps this one', async () => {
    const laptop = await customer(url, 'camille');
    const phone = await customer(url, 'camille');
    const open = async (token: string | null) => {
      const socket = new WebSocket(url.replace('http', 'ws'), 'graphql-transport-ws');
      await new Promise<void>((resolve) => socket.on('open', () => resolve()));
      const acked = new Promise<void>((resolve) =>
        socket.on('message', (m) => JSON.parse(String(m)).type === 'connection_ack' && resolve()),
      );
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
      await acked;
      socket.send(
        JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: { query: 'subscription { claimStatusChanged { cursor } }' },
        }),
      );
      return socket;
    };
    const phoneSocket = await open(phone.accessToken);
    const laptopSocket = await open(laptop.accessToken);
    let laptopClosed = false;
    laptopSocket.on('close', () => {
      laptopClosed = true;
    });
    const closed = new Promise<number>((resolve) => phoneSocket.on('close', (code) => resolve(code)));

    const change = await laptop.request<{ changePassword: { __typename: string } }>(
      'mutation { changePassword(currentPassword: "Abri-demo-2026!", newPassword: "Nouveau-Chemin-2027?") { __typename } }',
    );
    expect(change.data?.changePassword.__typename).toBe('PasswordChanged');
    // The access token is valid for ten minutes: a close now can only come from the revocation.
    expect(await closed).toBe(4403);
    expect((await phone.request('{ me { id } }')).status).toBe(401);
    expect(laptopClosed).toBe(false);
    expect((await laptop.request<{ me: { id: string } }>('{ me { id } }')).data?.me.id).toBe(DEMO.camille.customerId);
    laptopSocket.close();
  });
});

describe('the customer’s view of their security', () => {
  it('shows the security score, open sessions and sign-in history', async () => {
    const louis = await customer(url, 'louis');
    await new AbriClient(url).login(DEMO.louis.contractNumber, 'pas-le-bon');
    const { data, errors } = await louis.request<{
      me: {
        twoFactorEnabled: boolean;
        securityScore: { score: number; recommendations: string[] };
        sessions: { current: boolean }[];
        loginHistory: { outcome: string }[];
      };
    }>(
      '{ me { twoFactorEnabled securityScore { score factors { key ok } recommendations } sessions { device current } loginHistory(first: 2) { outcome device } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.me.twoFactorEnabled).toBe(false);
    expect(data?.me.securityScore.score).toBeGreaterThan(0);
    expect(data?.me.securityScore.score).toBeLessThan(100);
    expect(data?.me.securityScore.recommendations[0]).toMatch(/double authentification/i);
    expect(data?.me.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(data?.me.loginHistory.map((e) => e.outcome)).toEqual(['WRONG_PASSWORD', 'SUCCESS']);
  });

  it('answers a locked account with AccountLocked and its end, even with the right password', async () => {
    const client = new AbriClient(url);
    let last: { __typename: string } | undefined;
    for (let i = 0; i < 5; i++) last = await client.login(DEMO.louis.contractNumber, `Mauvais-${i}`);
    expect(last?.__typename).toBe('AccountLocked');
    const { data } = await client.request<{ login: { __typename: string; lockedUntil: string } }>(
      'mutation { login(input: { contractNumber: "HAB0067890", password: "Abri-demo-2026!" }) { __typename ... on AccountLocked { lockedUntil } } }',
    );
    expect(data?.login.__typename).toBe('AccountLocked');
    expect(new Date(data!.login.lockedUntil).getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
  });
});

describe('lockout without oracle', () => {
  // Last: it locks Camille (the test above locked Louis).
  it('answers a known and an unknown contract number the same through the fifth failure and after', async () => {
    const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { __typename ... on Error { message } } }`;
    const attempt = async (contractNumber: string) =>
      (await new AbriClient(url).request(LOGIN, { i: { contractNumber, password: 'Pas-le-bon-2026!' } })).data;
    for (let i = 1; i <= 6; i++) {
      const known = await attempt(DEMO.camille.contractNumber);
      expect(await attempt('HAB9920001')).toEqual(known);
      expect(known).toEqual({
        login: {
          __typename: i < 5 ? 'InvalidCredentials' : 'AccountLocked',
          message: expect.any(String),
        },
      });
    }
  });
});
