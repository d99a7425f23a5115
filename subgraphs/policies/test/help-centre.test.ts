// The help centre as the customer space browses it (issue 16, item 9): categories, articles that name only screens
// the web app really shows, French typography, related articles; and the whole-file search pages (item 8).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractDoc, ownedPageDoc } from '../src/domain/search/customer-docs.ts';
import { SCREEN_NAMES } from '../src/domain/search/help/screens.ts';
import {
  articlesOf,
  HELP_ARTICLES,
  HELP_CATEGORIES,
  helpArticleBySlug,
  helpIndex,
  RELATED_COUNT,
  relatedArticles,
  typeset,
} from '../src/domain/search/help-articles.ts';
import { buildIndex, search } from '../src/domain/search/index.ts';
import { STANDARD_CLAIM_PAGES, STANDARD_CONTRACT, STANDARD_PAYMENT_PAGES } from '../src/domain/search/sample-corpus.ts';

const WEB_SRC = join(import.meta.dirname, '../../../clients/web/src');

/** Every .tsx/.ts source of the web app, concatenated (the screens' headings, sections and buttons). */
function webSources(dir = WEB_SRC): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) =>
      statSync(path).isDirectory()
        ? path.endsWith('gql')
          ? ''
          : webSources(path)
        : /\.tsx?$/.test(path)
          ? readFileSync(path, 'utf8')
          : '',
    )
    .join('\n');
}

/** The text between guillemets, no-break spaces trimmed. */
const quoted = (text: string) => [...text.matchAll(/«\s*([^»]+?)\s*»/g)].map((m) => m[1]!.trim());

describe('help centre categories', () => {
  it('has the categories the customer space promises, each with articles, every article in one of them', () => {
    const slugs = HELP_CATEGORIES.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const key of [
      'SIGN_IN',
      'CONTRACT',
      'MOVING',
      'CLAIMS',
      'PAYMENTS',
      'DOCUMENTS',
      'PRIVACY',
      'NOTIFICATIONS',
    ]) {
      expect(HELP_CATEGORIES.map((c) => c.key)).toContain(key);
    }
    for (const key of ['BROWSERS', 'SYSTEMS', 'DEVICES', 'ASSISTANCE'])
      expect(HELP_CATEGORIES.map((c) => c.key)).toContain(key);
    for (const c of HELP_CATEGORIES) {
      expect(articlesOf(c.key).length, c.slug).toBeGreaterThan(0);
      expect(c.title.trim() && c.description.trim(), c.slug).toBeTruthy();
    }
    const keys = new Set(HELP_CATEGORIES.map((c) => c.key));
    for (const a of HELP_ARTICLES) expect(keys.has(a.category), a.slug).toBe(true);
  });

  it('has at least 200 articles, unique slugs distinct from the categories’, and no empty sentence', () => {
    expect(HELP_ARTICLES.length).toBeGreaterThanOrEqual(200);
    const slugs = new Set(HELP_ARTICLES.map((a) => a.slug));
    expect(slugs.size).toBe(HELP_ARTICLES.length);
    for (const c of HELP_CATEGORIES) expect(slugs.has(c.slug), c.slug).toBe(false);
    for (const a of HELP_ARTICLES) {
      expect(a.title.trim(), a.slug).not.toBe('');
      for (const sentence of a.body) expect(sentence.trim().length, a.slug).toBeGreaterThan(10);
    }
  });

  it('covers every supported browser, system and device', () => {
    for (const browser of ['chrome', 'firefox', 'safari', 'edge'])
      for (const topic of ['version', 'cache', 'cookies', 'notifications', 'installer', 'pdf'])
        expect(helpArticleBySlug(`${browser}-${topic}`), `${browser}-${topic}`).toBeDefined();
    for (const system of ['windows', 'macos', 'linux', 'chromeos', 'ios', 'ipados', 'android'])
      expect(helpArticleBySlug(`${system}-installer`), system).toBeDefined();
    for (const device of ['iphone', 'ipad', 'telephone-android', 'tablette-android'])
      expect(helpArticleBySlug(`${device}-appareil-perdu`), device).toBeDefined();
  });

  it('states the browser versions the build targets (clients/web/vite.config.ts)', () => {
    const config = readFileSync(join(WEB_SRC, '../vite.config.ts'), 'utf8');
    const target = (name: string) => config.match(new RegExp(`'${name}(\\d+)'`))![1]!;
    expect(helpArticleBySlug('chrome-version')!.body.join(' ')).toContain(`version ${target('chrome')}`);
    expect(helpArticleBySlug('edge-version')!.body.join(' ')).toContain(`version ${target('edge')}`);
    expect(helpArticleBySlug('firefox-version')!.body.join(' ')).toContain(`version ${target('firefox')}`);
    expect(helpArticleBySlug('safari-version')!.body.join(' ')).toContain(`version ${target('safari')}`);
  });
});

describe('help articles name only real screens', () => {
  it('lists screen names that the web app really shows', () => {
    const web = webSources();
    for (const name of SCREEN_NAMES) expect(web.includes(name), name).toBe(true);
  });

  it('names a screen only between guillemets, every step of its path a known screen', () => {
    const known = new Set<string>(SCREEN_NAMES);
    for (const a of HELP_ARTICLES) {
      const text = [a.title, ...a.body].join(' ');
      for (const path of quoted(text))
        for (const step of path.split('›').map((s) => s.trim()))
          expect(known.has(step), `${a.slug}: « ${step} »`).toBe(true);
      // A path written outside guillemets would escape the check.
      expect(text.replace(/«[^»]*»/g, ''), a.slug).not.toContain('›');
    }
  });

  it('refuses a screen that does not exist', () => {
    const known = new Set<string>(SCREEN_NAMES);
    expect(
      quoted('Dans « Mon compte › Préférences », cochez…')
        .flatMap((p) => p.split('›').map((s) => s.trim()))
        .every((s) => known.has(s)),
    ).toBe(false);
  });
});

describe('help articles in French typography', () => {
  it('puts a no-break space before « : ; ? ! » and inside guillemets', () => {
    expect(typeset('Plafond : 300 € ; vraiment ? « Aide »')).toBe(
      'Plafond\u00a0: 300 €\u00a0; vraiment\u00a0? «\u00a0Aide\u00a0»',
    );
    for (const a of HELP_ARTICLES)
      for (const text of [a.title, ...a.body]) expect(text, a.slug).not.toMatch(/ [:;?!»]|« /);
  });
});

describe('related articles', () => {
  it('offers the named ones first, never the article itself, at most four, all existing', () => {
    const moving = helpArticleBySlug('demenagement-attestation')!;
    const related = relatedArticles(moving);
    expect(related.length).toBeLessThanOrEqual(RELATED_COUNT);
    expect(related.map((a) => a.slug).slice(0, 2)).toEqual([
      'verifier-attestation-qr-code',
      'attestation-assurance-habitation',
    ]);
    for (const a of HELP_ARTICLES) {
      const slugs = relatedArticles(a).map((r) => r.slug);
      expect(slugs, a.slug).not.toContain(a.slug);
      for (const slug of a.related ?? []) expect(helpArticleBySlug(slug), `${a.slug} → ${slug}`).toBeDefined();
    }
  });
});

describe('search over variants and the whole file', () => {
  it('returns one page per family of variants, the one of the device the query names', () => {
    const hits = search(helpIndex(), 'vider le cache', 10).map((h) => h.id);
    expect(hits.filter((id) => /^(chrome|firefox|safari|edge)-cache$/.test(id)).length).toBe(1);
    expect(search(helpIndex(), 'vider le cache firefox', 3).map((h) => h.id)).toContain('firefox-cache');
  });

  it('finds a claim by its reference, a payment by its reference, and the contract by its home', () => {
    const own = buildIndex([
      contractDoc(STANDARD_CONTRACT, '/contrat'),
      ...STANDARD_CLAIM_PAGES.map((p) => ownedPageDoc('CLAIM', p)),
      ...STANDARD_PAYMENT_PAGES.map((p) => ownedPageDoc('PAYMENT', p)),
    ]);
    const top = (q: string) => search([helpIndex(), own], q, 1)[0];
    expect(top('SIN-2025-001883')).toMatchObject({ kind: 'CLAIM', id: 'claim:glass', target: '/sinistres/glass' });
    expect(top('PAY-2026-000212')).toMatchObject({ kind: 'PAYMENT', id: 'payments:2026' });
    expect(top('appartement rue des Tanneurs')).toMatchObject({ kind: 'CONTRACT', id: 'contract:HAB-48213' });
  });

  it('describes the contract with its number, home, premium, options and deductible', () => {
    const doc = contractDoc(STANDARD_CONTRACT, '/contrat');
    expect(doc.body).toContain('n° HAB-48213');
    expect(doc.body).toContain('appartement de 62 m², 3 pièces');
    expect(doc.body).toContain('objets de valeur, assistance habitation');
    expect(doc.body).toMatch(/Franchise générale\u00a0: 150\u00a0€/);
  });
});
