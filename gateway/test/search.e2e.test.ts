// Search through the gateway: the customer's own guarantees and documents with the help centre; nobody else's.
import { AbriClient } from '@abri/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, startTestSystem } from './helpers.ts';

let system: Awaited<ReturnType<typeof startTestSystem>>;
let url: string;
beforeAll(async () => {
  system = await startTestSystem();
  url = system.gateway.url;
});
afterAll(async () => {
  await system?.stop();
});

type Hit = { kind: string; id: string; title: string; snippet: string; target: string };
const SEARCH = 'query($q: String!) { search(query: $q, first: 5) { kind id title snippet target } }';

describe('search', () => {
  it('finds the customer’s water-damage guarantee for "dégât des eaux" though the contract says "Dommages causés par l’eau"', async () => {
    const camille = await customer(url, 'camille');
    const hits = (await camille.request<{ search: Hit[] }>(SEARCH, { q: 'dégât des eaux' })).data!.search;
    const guarantee = hits.slice(0, 3).find((h) => h.kind === 'GUARANTEE');
    expect(guarantee).toMatchObject({ id: 'guarantee:WATER_DAMAGE', title: 'Dommages causés par l’eau' });
    expect(guarantee?.target).toMatch(/\/garanties\/WATER_DAMAGE$/);
    expect(guarantee?.snippet.length).toBeGreaterThan(0);
  });

  it('finds the customer’s own attestation, and never another customer’s documents', async () => {
    const camille = await customer(url, 'camille');
    const louis = await customer(url, 'louis');
    const mine = (await camille.request<{ search: Hit[] }>(SEARCH, { q: 'attestation pour mon propriétaire' })).data!
      .search;
    const doc = mine.find((h) => h.kind === 'DOCUMENT');
    expect(doc?.title).toMatch(/^Attestation/);
    const theirs = (await louis.request<{ search: Hit[] }>(SEARCH, { q: 'attestation pour mon propriétaire' })).data!
      .search;
    expect(theirs.map((h) => h.id)).not.toContain(doc?.id);
  });

  it('answers the help centre only to someone not signed in', async () => {
    const hits = (await new AbriClient(url).request<{ search: Hit[] }>(SEARCH, { q: 'cambriolage' })).data!.search;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === 'ARTICLE' && h.target.startsWith('/aide/'))).toBe(true);
  });

  it('refuses an oversized query with BAD_USER_INPUT', async () => {
    const res = await new AbriClient(url).request(SEARCH, { q: 'x'.repeat(500) });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
