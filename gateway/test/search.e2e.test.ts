// Search through the gateway: the customer's own file (contract, guarantees, documents, and the claims and payments
// the other subgraphs own) with the help centre; nobody else's. The help centre browsed by category, signed in or not.
import { DEMO } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';

const system = await systemForFile();
const url = system.gateway.url;

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

const FILE_SEARCH = 'query($q: String!) { me { search(query: $q, first: 10) { kind id title snippet target } } }';
const fileSearch = async (client: AbriClient, q: string) => {
  const res = await client.request<{ me: { search: Hit[] } }>(FILE_SEARCH, { q });
  expect(res.errors).toBeUndefined();
  return res.data!.me.search;
};

describe('search over the whole file (me.search)', () => {
  it('finds the customer’s claim by its reference and opens it, and never shows it to another customer', async () => {
    const camille = await customer(url, 'camille');
    const louis = await customer(url, 'louis');
    const [top] = await fileSearch(camille, 'SIN-2026-004217');
    expect(top).toMatchObject({ kind: 'CLAIM', target: `/sinistres/${DEMO.camilleClaimId}` });
    expect(top?.title).toContain('SIN-2026-004217');
    expect(top?.snippet).toMatch(/dégât des eaux|Statut/i);
    const theirs = await fileSearch(louis, 'SIN-2026-004217');
    expect(theirs.some((h) => h.target.includes(DEMO.camilleClaimId) || h.title.includes('SIN-2026-004217'))).toBe(
      false,
    );
    expect(theirs.every((h) => h.kind !== 'CLAIM' || h.target === `/sinistres/${DEMO.louisClaimId}`)).toBe(true);
  });

  it('finds the claim by its type and status in the customer’s words', async () => {
    const camille = await customer(url, 'camille');
    const hits = await fileSearch(camille, 'où en est mon dégât des eaux');
    expect(hits.slice(0, 3).map((h) => h.kind)).toContain('CLAIM');
  });

  it('finds the customer’s payments (a refused debit, a payment reference) and their coming instalments', async () => {
    const camille = await customer(url, 'camille');
    const louis = await customer(url, 'louis');
    const refused = (await fileSearch(camille, 'prélèvement refusé provision insuffisante')).filter(
      (h) => h.kind === 'PAYMENT',
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.target).toBe('/paiements');
    expect(refused[0]!.title).toMatch(/^Prélèvement refusé du /);
    expect(refused[0]!.snippet).toMatch(/refusé|AM04/);
    const coming = (await fileSearch(camille, 'prochaines échéances')).find((h) => h.kind === 'PAYMENT');
    expect(coming?.id).toBe('payments:schedule');
    // Camille's payment references carry her contract number: Louis never finds one.
    const theirs = await fileSearch(louis, `PRLV-${DEMO.camille.contractNumber}`);
    for (const h of theirs) expect(`${h.title} ${h.snippet}`).not.toContain(DEMO.camille.contractNumber);
    const mine = await fileSearch(camille, `PRLV-${DEMO.camille.contractNumber}`);
    expect(mine.some((h) => h.kind === 'PAYMENT' && h.snippet.includes(DEMO.camille.contractNumber))).toBe(true);
  });

  it('finds the contract by its number and the customer’s documents, never another customer’s', async () => {
    const camille = await customer(url, 'camille');
    const louis = await customer(url, 'louis');
    const [contract] = await fileSearch(camille, `contrat ${DEMO.camille.contractNumber}`);
    expect(contract).toMatchObject({ kind: 'CONTRACT', target: '/contrat' });
    const mine = (await fileSearch(camille, 'attestation')).filter((h) => h.kind === 'DOCUMENT');
    expect(mine.length).toBeGreaterThan(0);
    const theirs = await fileSearch(louis, 'attestation');
    for (const doc of mine) expect(theirs.map((h) => h.id)).not.toContain(doc.id);
    expect((await fileSearch(louis, DEMO.camille.contractNumber)).some((h) => h.kind === 'CONTRACT')).toBe(false);
  });

  it('refuses another customer’s file through the entity path', async () => {
    const louis = await customer(url, 'louis');
    const res = await louis.request<{ customer: unknown }>(
      'query($id: ID!) { customer(id: $id) { search(query: "attestation") { id } } }',
      { id: DEMO.camille.customerId },
    );
    expect(res.data?.customer ?? null).toBeNull();
  });
});

const CATEGORIES = 'query { helpCategories { __typename slug title description target articles { slug title } } }';
const ARTICLE = `query($slug: String!) { helpArticle(slug: $slug) {
  __typename
  ... on HelpArticle { slug title body target category { slug title } related { slug title target } }
  ... on HelpArticleNotFound { message slug }
} }`;

describe('help centre by category (public)', () => {
  type Category = { slug: string; title: string; target: string; articles: { slug: string; title: string }[] };

  it('lists the categories with their articles to someone not signed in, at least 200 in all', async () => {
    const res = await new AbriClient(url).request<{ helpCategories: Category[] }>(CATEGORIES);
    expect(res.errors).toBeUndefined();
    const categories = res.data!.helpCategories;
    expect(categories.map((c) => c.slug)).toEqual(
      expect.arrayContaining(['navigateurs', 'systemes', 'telephones-et-tablettes', 'sinistres', 'paiements-et-sepa']),
    );
    expect(categories.find((c) => c.slug === 'navigateurs')?.target).toBe('/aide/navigateurs');
    expect(categories.reduce((n, c) => n + c.articles.length, 0)).toBeGreaterThanOrEqual(200);
  });

  it('gives an article with its paragraphs, category and related articles, and a typed not-found', async () => {
    const anonymous = new AbriClient(url);
    type Article = {
      __typename: string;
      title: string;
      body: string[];
      target: string;
      category: { slug: string };
      related: { slug: string; target: string }[];
    };
    const found = (await anonymous.request<{ helpArticle: Article }>(ARTICLE, { slug: 'safari-installer' })).data!
      .helpArticle;
    expect(found).toMatchObject({ __typename: 'HelpArticle', target: '/aide/article/safari-installer' });
    expect(found.category.slug).toBe('navigateurs');
    expect(found.body.length).toBeGreaterThanOrEqual(3);
    expect(found.related.length).toBeGreaterThan(0);
    expect(found.related.every((r) => r.target === `/aide/article/${r.slug}` && r.slug !== 'safari-installer')).toBe(
      true,
    );
    const missing = (
      await anonymous.request<{ helpArticle: { __typename: string; slug: string } }>(ARTICLE, { slug: 'nexiste-pas' })
    ).data!.helpArticle;
    expect(missing).toMatchObject({ __typename: 'HelpArticleNotFound', slug: 'nexiste-pas' });
  });
});
