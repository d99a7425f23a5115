import { describe, expect, it } from 'vitest';
import { analyze, fold, stem, tokenize } from '../src/domain/search/analyze.ts';
import { guaranteeDoc } from '../src/domain/search/customer-docs.ts';
import { EVAL_SET } from '../src/domain/search/eval-set.ts';
import { evaluate } from '../src/domain/search/evaluate.ts';
import { HELP_ARTICLES, helpIndex } from '../src/domain/search/help-articles.ts';
import { buildIndex, type SearchDoc, search } from '../src/domain/search/index.ts';
import { sampleCustomerDocs } from '../src/domain/search/sample-corpus.ts';
import { makeSnippet } from '../src/domain/search/snippet.ts';
import { compileThesaurus, expandQuery } from '../src/domain/search/thesaurus.ts';

const corpus = () => [helpIndex(), buildIndex(sampleCustomerDocs())];
const ids = (query: string, first = 3) => search(corpus(), query, first).map((h) => h.id);

describe('French analysis', () => {
  it('folds case, accents and ligatures', () => {
    expect(fold('Dégâts ŒUVRE Noël')).toBe('degats oeuvre noel');
    expect(analyze('Sécurité')).toEqual(analyze('securite'));
    expect(analyze('ÉCHÉANCE')).toEqual(analyze('echeance'));
  });

  it('drops elided articles and pronouns, whatever the apostrophe', () => {
    expect(analyze("l'eau")).toEqual(['eau']);
    expect(analyze('l’eau')).toEqual(['eau']);
    expect(analyze('qu’il déclare')).toEqual(analyze('déclare'));
    expect(analyze('jusqu’à l’échéance')).toEqual(analyze('échéance'));
  });

  it('drops stop words, including the filler of questions', () => {
    expect(analyze('comment est-ce que je peux le faire')).toEqual([]);
    expect(analyze('le la les de des du')).toEqual([]);
  });

  it('folds plurals', () => {
    expect(analyze('dégâts des eaux')).toEqual(analyze('dégât eau'));
    expect(analyze('vitres')).toEqual(analyze('vitre'));
    expect(analyze('journaux')).toEqual(analyze('journal'));
    expect(analyze('travaux')).toEqual(analyze('travail'));
  });

  it('stems derivations and verb forms to one stem', () => {
    const same = (...words: string[]) => expect(new Set(words.map((w) => analyze(w)[0])).size).toBe(1);
    same('déclarer', 'déclaré', 'déclarée', 'déclarez', 'déclaration', 'déclarations');
    same('résilier', 'résiliation', 'résilié');
    same('cambriolage', 'cambriolé', 'cambrioleur');
    same('vitre', 'vitrage', 'vitrée');
    same('casse', 'cassé', 'cassée', 'casser');
    same('sécuriser', 'sécurité');
    same('indemniser', 'indemnisation', 'indemnité');
    same('déménage', 'déménager', 'déménagement');
    same('assurance', 'assureur', 'assuré');
  });

  it('leaves short words and words with digits alone', () => {
    expect(stem('vie')).toBe('vie');
    expect(stem('24h')).toBe('24h');
    expect(analyze('avenant n°1')).toEqual(['avenant', '1']);
  });

  it('keeps "mot de passe" as one term, so the verb "passer" does not match it', () => {
    expect(analyze('mots de passe')).toHaveLength(1);
    expect(analyze('mot de passe')).toEqual(analyze('mots de passe'));
    expect(analyze('que se passe-t-il')).not.toEqual(analyze('mot de passe'));
  });

  it('reports where each word sits in the original text', () => {
    const text = 'Dégâts d’eau';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Dégâts', 'eau']);
  });
});

describe('thesaurus', () => {
  const thesaurus = compileThesaurus([
    ['dégât des eaux', 'dommages causés par l’eau', 'fuite'],
    ['vol', 'volé'],
  ]);

  it('matches a multi-word expression as one concept carrying its synonyms at a lower weight', () => {
    const [concept, ...rest] = expandQuery(analyze('dégâts des eaux'), thesaurus);
    expect(rest).toEqual([]);
    expect(concept!.alternatives[0]).toEqual({ terms: analyze('dégât eau'), weight: 1 });
    expect(concept!.alternatives.slice(1).map((a) => a.terms)).toEqual([
      analyze('dommages causés par l’eau'),
      analyze('fuite'),
    ]);
    expect(concept!.alternatives.slice(1).every((a) => a.weight < 1)).toBe(true);
  });

  it('leaves words outside the thesaurus as concepts of their own', () => {
    expect(expandQuery(analyze('voisin'), thesaurus)).toEqual([{ alternatives: [{ terms: ['voisin'], weight: 1 }] }]);
  });

  it('collapses expressions that analyse alike', () => {
    expect(expandQuery(analyze('volé'), thesaurus)[0]!.alternatives).toHaveLength(1);
  });

  it.each([
    ['dégât des eaux', 'guarantee:WATER_DAMAGE'],
    ['cambriolage', 'guarantee:THEFT'],
    ['vitre cassée', 'guarantee:GLASS_BREAKAGE'],
  ])('finds the guarantee for "%s" although the contract words it differently', (query, id) => {
    expect(ids(query)).toContain(id);
  });
});

describe('search', () => {
  it('returns typed hits with a target the client can open', () => {
    const hits = search(corpus(), 'attestation pour mon propriétaire', 10);
    const document = hits.find((h) => h.id === 'document:attestation');
    const article = hits.find((h) => h.id === 'attestation-assurance-habitation');
    expect(document).toMatchObject({ kind: 'DOCUMENT', target: '/documents/attestation' });
    expect(article).toMatchObject({ kind: 'ARTICLE', target: '/aide/article/attestation-assurance-habitation' });
    const guarantee = search(corpus(), 'dégât des eaux', 10).find((h) => h.kind === 'GUARANTEE');
    expect(guarantee).toMatchObject({ id: 'guarantee:WATER_DAMAGE', target: '/contrat/garanties/WATER_DAMAGE' });
  });

  it('ranks hits by decreasing score and honours `first`', () => {
    const hits = search(corpus(), 'prélèvement', 5);
    expect(hits).toHaveLength(5);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('shows a snippet from the original text that contains the matched words', () => {
    const [hit] = search(corpus(), 'iban');
    expect(hit!.id).toBe('changer-iban');
    expect(hit!.snippet).toContain('IBAN');
    const [water] = search(corpus(), 'fuite chez le voisin');
    expect(water!.snippet).toMatch(/fuite/i);
    expect(water!.snippet).toMatch(/voisin/i);
  });

  it('shortens a long sentence around the matched words, within 160 characters', () => {
    const body = `${'Une phrase de remplissage sans rapport avec la question. '.repeat(2)}${'mot '.repeat(40)}la franchise de 150 € s’applique à chaque sinistre ${'puis encore '.repeat(20)}fin.`;
    const snippet = makeSnippet(body, tokenize(body), new Map([[analyze('franchise')[0]!, 1]]));
    expect(snippet.length).toBeLessThanOrEqual(160);
    expect(snippet).toContain('franchise de 150 €');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('returns nothing for an empty, stop-word-only or unknown query', () => {
    expect(search(corpus(), '')).toEqual([]);
    expect(search(corpus(), '   ?! ')).toEqual([]);
    expect(search(corpus(), 'le la de')).toEqual([]);
    expect(search(corpus(), 'xqzwv')).toEqual([]);
    expect(search([], 'vol')).toEqual([]);
  });

  it('completes a half-typed word', () => {
    expect(ids('cambrio')).toContain('declarer-vol-cambriolage');
    expect(ids('attes').some((id) => id.includes('attestation'))).toBe(true);
  });

  it('scores several indexes on one scale, as if they were one', () => {
    const docs = sampleCustomerDocs();
    const together = search(buildIndex(docs), 'franchise vol', 10);
    const apart = search([buildIndex(docs.slice(0, 4)), buildIndex(docs.slice(4))], 'franchise vol', 10);
    expect(apart).toEqual(together);
  });

  it('builds a guarantee page from the contract facts', () => {
    const doc: SearchDoc = guaranteeDoc(
      {
        code: 'THEFT',
        label: 'Vol et vandalisme',
        description: 'Vol avec effraction',
        ceilingCents: 2_000_000,
        deductibleCents: 0,
        exclusions: ['Vol sans effraction'],
      },
      '/contrat/garanties/THEFT',
    );
    expect(doc).toMatchObject({ kind: 'GUARANTEE', id: 'guarantee:THEFT', title: 'Vol et vandalisme' });
    expect(doc.body).toBe(
      'Vol avec effraction. Plafond : 20\u00a0000\u00a0€ par sinistre. Sans franchise. Exclusions : Vol sans effraction.',
    );
  });
});

describe('help centre', () => {
  it('has at least 200 articles with unique slugs and 3 to 8 sentences each', () => {
    expect(HELP_ARTICLES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(HELP_ARTICLES.map((a) => a.slug)).size).toBe(HELP_ARTICLES.length);
    for (const a of HELP_ARTICLES) {
      expect(a.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(a.body.length, a.slug).toBeGreaterThanOrEqual(3);
      expect(a.body.length, a.slug).toBeLessThanOrEqual(8);
    }
  });
});

describe('evaluation set', () => {
  it('has at least 40 queries whose expected pages all exist', () => {
    expect(EVAL_SET.length).toBeGreaterThanOrEqual(40);
    const known = new Set([...HELP_ARTICLES.map((a) => a.slug), ...sampleCustomerDocs().map((d) => d.id)]);
    for (const c of EVAL_SET) for (const id of c.expected) expect(known.has(id), `${c.query} → ${id}`).toBe(true);
  });

  it('finds an expected page in the first three hits for at least 90% of the queries', () => {
    const report = evaluate(corpus(), EVAL_SET);
    expect(report.recallAt3).toBeGreaterThanOrEqual(0.9);
  });
});
