// Entry points held to a rate through the gateway: per client address, per signed-in caller and per contract number
// an anonymous request names, counted atomically before any subgraph works; refused with RATE_LIMITED, HTTP 429 and
// Retry-After; the refusal the same whether or not the account exists.
import { DEMO, manualClock } from '@abri/platform';
import { customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import { ENTRY_LIMITS } from '../src/rate-limits.ts';

const clock = manualClock(new Date());
const HOUR = 3_600_000;

const system = await systemForFile({
  clock,
  // One rule tightened, so the per-caller count shows without issuing ten PDFs.
  gatewayOptions: { rateLimits: { generateAttestation: [{ key: { by: 'caller' }, max: 2, windowMs: HOUR }] } },
});
const url = system.gateway.url;

type Answer = {
  status: number;
  retryAfter: string | null;
  body: {
    data?: Record<string, { __typename?: string } | boolean> | null;
    errors?: { extensions?: Record<string, unknown> }[];
  };
};
async function post(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}
const codeOf = (a: Answer) => a.body.errors?.[0]?.extensions?.['code'];

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { __typename } }';
const SMS = 'mutation($c: String!) { requestSmsCode(contractNumber: $c) }';

describe('rate limits at the gateway', () => {
  it('checks at most 30 sign-ins from one address in ten minutes, even sent all at once', async () => {
    const max = ENTRY_LIMITS.login![0]!.max;
    // Password spraying: one guess each on 45 numbers, at the same time.
    const answers = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        post(LOGIN, { i: { contractNumber: `HAB99${String(i).padStart(5, '0')}`, password: 'Soleil-2026!' } }),
      ),
    );
    const checked = answers.filter((a) => (a.body.data?.['login'] as { __typename?: string })?.__typename);
    const refused = answers.filter((a) => codeOf(a) === 'RATE_LIMITED');
    // Exactly `max` went on to the users subgraph (counted before it was asked, so concurrency cannot slip past);
    // on a loaded machine one of those may still time out there, which is not this limit's business.
    expect(refused).toHaveLength(45 - max);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(max);
    for (const a of refused) {
      expect(a.status).toBe(429);
      const retryAfter = a.body.errors?.[0]?.extensions?.['retryAfter'];
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect(a.retryAfter).toBe(String(retryAfter));
      expect(a.body.data ?? null).toBeNull();
    }
    // Even the right password waits: the address is over its limit, whoever it tries.
    const right = await post(LOGIN, {
      i: { contractNumber: DEMO.camille.contractNumber, password: DEMO.customerPassword },
    });
    expect(codeOf(right)).toBe('RATE_LIMITED');
    // The window ends: sign-in opens again.
    clock.advance(10 * 60_000);
    const later = await post(LOGIN, {
      i: { contractNumber: DEMO.camille.contractNumber, password: DEMO.customerPassword },
    });
    expect((later.body.data?.['login'] as { __typename?: string } | undefined)?.__typename).toBe('LoginSuccess');
  });

  it('sends a contract number at most three SMS codes an hour, and answers an unknown number the same way', async () => {
    clock.advance(HOUR);
    const flood = async (contractNumber: string) => {
      const answers: Answer[] = [];
      for (let i = 0; i < 5; i++) answers.push(await post(SMS, { c: contractNumber }));
      return answers;
    };
    const known = await flood(DEMO.louis.contractNumber);
    const unknown = await flood('HAB0000001');
    expect(known.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    // The same bodies, word for word: the limit says nothing about whether the account exists.
    expect(unknown.map((a) => a.body)).toEqual(known.map((a) => a.body));
    expect(known[3]?.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Trop de demandes\u00a0: réessayez dans \d+\u00a0minutes?\.$/),
      extensions: { code: 'RATE_LIMITED' },
    });
    // Written differently (case, spaces), a number is still the same number.
    expect(codeOf(await post(SMS, { c: ` ${DEMO.louis.contractNumber.toLowerCase()} ` }))).toBe('RATE_LIMITED');
  });

  it('counts a signed-in caller’s document issuing per customer, not per address', async () => {
    clock.advance(HOUR);
    const camille = await customer(url, 'camille');
    const louis = await customer(url, 'louis');
    const ATTEST = 'mutation($p: ID!) { generateAttestation(policyId: $p) { __typename } }';
    const camilleIssues = async () => post(ATTEST, { p: DEMO.camille.policyId }, camille.accessToken!);
    expect((await camilleIssues()).status).toBe(200);
    expect((await camilleIssues()).status).toBe(200);
    const third = await camilleIssues();
    expect(codeOf(third)).toBe('RATE_LIMITED');
    // Another customer on the same address is not held by Camille's count.
    const other = await post(ATTEST, { p: DEMO.louis.policyId }, louis.accessToken!);
    expect(other.status).toBe(200);
    expect(codeOf(other)).toBeUndefined();
  });
});
