// Security headers on every answer of the gateway, and the client's address through a trusted proxy.
import { DEMO } from '@abri/platform';
import { startTestSystem } from '@abri/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: Awaited<ReturnType<typeof startTestSystem>>;
let base: string;

beforeAll(async () => {
  // The test process stands for the load balancer: it connects from 127.0.0.1.
  system = await startTestSystem({ gatewayOptions: { trustProxy: ['127.0.0.1'] } });
  base = system.gateway.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await system?.stop();
});

describe('security headers', () => {
  it('sends nosniff, no framing and no referrer on every answer, errors and files included', async () => {
    const answers = await Promise.all([
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ claimForm(type: FIRE) { __typename } }' }),
      }),
      fetch(`${base}/graphql?query=${encodeURIComponent('{ me { id } }')}`),
      fetch(`${base}/graphiql`),
      fetch(`${base}/health`),
      fetch(`${base}/nowhere`),
      fetch(`${base}/documents/00000000-0000-4000-8000-000000000000`),
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    ]);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), res.url).toBe('DENY');
      expect(res.headers.get('content-security-policy'), res.url).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy'), res.url).toBe('no-referrer');
      // Plain HTTP from the client: no HSTS.
      expect(res.headers.get('strict-transport-security'), res.url).toBeNull();
    }
  });

  it('sends HSTS when a trusted proxy says the client came over TLS', async () => {
    const res = await fetch(`${base}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('client address behind a trusted proxy', () => {
  it('records the address the proxy saw, not its own nor the one the client claimed', async () => {
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6, 198.51.100.23' },
      body: JSON.stringify({
        query: 'mutation($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { accessToken } } }',
        variables: { i: { contractNumber: DEMO.louis.contractNumber, password: DEMO.customerPassword } },
      }),
    });
    const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const history = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { loginHistory(first: 1) { ip outcome } } }' }),
    });
    expect(((await history.json()) as { data: unknown }).data).toEqual({
      me: { loginHistory: [{ ip: '198.51.100.23', outcome: 'SUCCESS' }] },
    });
  });
});
