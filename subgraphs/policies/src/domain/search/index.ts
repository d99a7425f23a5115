// Full-text search over a customer's file (contract, guarantees, claims, payments, documents) and the help centre. Pure and in memory: a corpus is a
// few hundred pages at most, so an inverted index in a Map answers in well under a millisecond.
//
// Ranking is BM25F: each field's term frequency is normalised by the field's length, weighted (a word in the title
// says more about the page than the same word in the body), summed, then saturated once. A query is a list of
// concepts (see thesaurus.ts); a page scores on the best-matching alternative of each concept, so a page that uses
// five synonyms of "vol" does not beat the page that says "vol" once in its title.
import { analyze, type Token, tokenize } from './analyze.ts';
import { makeSnippet } from './snippet.ts';
import { type Concept, expandQuery } from './thesaurus.ts';

export type SearchKind = 'CONTRACT' | 'GUARANTEE' | 'CLAIM' | 'PAYMENT' | 'DOCUMENT' | 'ARTICLE';

/**
 * A page the customer can find: their contract, one of its guarantees, a claim, their payments, one of their
 * documents, or a help-centre article.
 */
export interface SearchDoc {
  kind: SearchKind;
  /** Unique within the searched indexes: `guarantee:WATER_DAMAGE`, `document:attestation`, `claim:<id>`, a slug. */
  id: string;
  title: string;
  /** Plain text; the snippet is one of its sentences. */
  body: string;
  /** Where the client navigates when the hit is chosen. */
  target: string;
  /** Extra words that should find the page without being shown, weighted between title and body. */
  keywords?: string[];
  /**
   * Pages that say the same thing for different devices or browsers (« vider le cache » for Chrome, Firefox…) share a
   * family: only the best-ranked page of a family is returned, so one question does not fill the results with its
   * variants, and a query that names the device brings that device's page to the top of its family.
   */
  family?: string;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  target: string;
  score: number;
}

interface FieldCounts {
  title: number;
  keywords: number;
  body: number;
}

interface Entry {
  doc: SearchDoc;
  lengths: FieldCounts;
  bodyTokens: readonly Token[];
}

interface Posting {
  entry: number;
  tf: FieldCounts;
}

/** An inverted index over a set of pages. Several indexes can be searched together with comparable scores. */
export interface SearchIndex {
  readonly entries: readonly Entry[];
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  readonly totalLengths: Readonly<FieldCounts>;
}

const FIELDS = ['title', 'keywords', 'body'] as const;
/** BM25F field weights and length normalisation: titles are short and decisive, bodies long and wordy. */
const WEIGHT: FieldCounts = { title: 3, keywords: 2, body: 1 };
const B: FieldCounts = { title: 0.3, keywords: 0.3, body: 0.75 };
const K1 = 1.2;
/** Share of a concept's other matching alternatives added to its best one: breaks ties in favour of richer pages. */
const TIE_BREAKER = 0.1;
/** Weight of vocabulary words that merely start like an unknown query word ("attes" → "attestation"). */
const PREFIX_WEIGHT = 0.5;
const PREFIX_MIN = 4;
const PREFIX_MAX_EXPANSIONS = 5;

const KIND_ORDER: Record<SearchKind, number> = {
  CLAIM: 0,
  PAYMENT: 1,
  CONTRACT: 2,
  GUARANTEE: 3,
  DOCUMENT: 4,
  ARTICLE: 5,
};

export function buildIndex(docs: readonly SearchDoc[]): SearchIndex {
  const postings = new Map<string, Posting[]>();
  const totalLengths: FieldCounts = { title: 0, keywords: 0, body: 0 };
  const entries = docs.map((doc, entry): Entry => {
    const bodyTokens = tokenize(doc.body);
    const fields: Record<keyof FieldCounts, readonly string[]> = {
      title: analyze(doc.title),
      keywords: analyze((doc.keywords ?? []).join(' . ')),
      body: bodyTokens.map((t) => t.term),
    };
    const tfs = new Map<string, FieldCounts>();
    for (const field of FIELDS) {
      for (const term of fields[field]) {
        let tf = tfs.get(term);
        if (!tf) {
          tf = { title: 0, keywords: 0, body: 0 };
          tfs.set(term, tf);
        }
        tf[field] += 1;
      }
      totalLengths[field] += fields[field].length;
    }
    for (const [term, tf] of tfs) {
      const list = postings.get(term);
      if (list) list.push({ entry, tf });
      else postings.set(term, [{ entry, tf }]);
    }
    const lengths = { title: fields.title.length, keywords: fields.keywords.length, body: fields.body.length };
    return { doc, lengths, bodyTokens };
  });
  return { entries, postings, totalLengths };
}

function isIndex(value: SearchIndex | readonly SearchIndex[]): value is SearchIndex {
  return 'postings' in value;
}

/** Corpus-wide statistics over every searched index, so a help article and a guarantee are scored on one scale. */
function statistics(indexes: readonly SearchIndex[]) {
  const count = indexes.reduce((n, index) => n + index.entries.length, 0);
  const average = (field: keyof FieldCounts) =>
    indexes.reduce((n, index) => n + index.totalLengths[field], 0) / Math.max(count, 1);
  const avg: FieldCounts = { title: average('title'), keywords: average('keywords'), body: average('body') };
  const documentFrequency = (term: string) =>
    indexes.reduce((n, index) => n + (index.postings.get(term)?.length ?? 0), 0);
  return { count, avg, documentFrequency };
}

/**
 * A query word found nowhere (after thesaurus expansion) is completed against the vocabulary: "attes" finds the stem
 * "attest", "cambrio" finds "cambriol". The stemmer would mangle a half word, so the folded word is matched too.
 */
function withPrefixes(
  concept: Concept,
  words: ReadonlyMap<string, string>,
  indexes: readonly SearchIndex[],
  known: (term: string) => boolean,
): Concept {
  const [own] = concept.alternatives;
  if (concept.alternatives.length > 1 || !own || own.terms.length !== 1) return concept;
  const term = own.terms[0]!;
  const word = words.get(term) ?? term;
  if (word.length < PREFIX_MIN || known(term)) return concept;
  const completions = new Set<string>();
  for (const index of indexes) {
    for (const candidate of index.postings.keys()) {
      if (completions.size >= PREFIX_MAX_EXPANSIONS) break;
      // Also the stem, for a word the stemmer cut differently from its relatives (a conjugated verb, say).
      if (candidate.startsWith(word) || (term.length >= PREFIX_MIN + 1 && candidate.startsWith(term))) {
        completions.add(candidate);
      }
    }
  }
  const extra = [...completions].map((t) => ({ terms: [t], weight: PREFIX_WEIGHT }));
  return { alternatives: [own, ...extra] };
}

/**
 * Searches one index or several together (typically the shared help-centre index and the customer's own, built per
 * request). Returns at most `first` hits, best first; an empty list when no word of the query is known.
 */
export function search(index: SearchIndex | readonly SearchIndex[], query: string, first = 10): SearchHit[] {
  const indexes = isIndex(index) ? [index] : index;
  if (first <= 0) return [];
  const stats = statistics(indexes);
  if (stats.count === 0) return [];
  const tokens = tokenize(query);
  const words = new Map(tokens.map((t) => [t.term, t.word] as const));
  const known = (term: string) => stats.documentFrequency(term) > 0;
  const concepts = expandQuery(tokens.map((t) => t.term)).map((c) => withPrefixes(c, words, indexes, known));
  if (!concepts.length) return [];

  // One term's BM25F contribution, for every page of every index that contains it.
  const termScores = new Map<string, Map<string, number>>();
  const scoreTerm = (term: string) => {
    let scores = termScores.get(term);
    if (scores) return scores;
    scores = new Map();
    termScores.set(term, scores);
    const df = stats.documentFrequency(term);
    if (df === 0) return scores;
    const idf = Math.log(1 + (stats.count - df + 0.5) / (df + 0.5));
    indexes.forEach((idx, i) => {
      for (const { entry, tf } of idx.postings.get(term) ?? []) {
        const { lengths } = idx.entries[entry]!;
        let weighted = 0;
        for (const f of FIELDS) {
          if (tf[f] === 0) continue;
          const norm = 1 - B[f] + (B[f] * lengths[f]) / (stats.avg[f] || 1);
          weighted += (WEIGHT[f] * tf[f]) / norm;
        }
        scores.set(`${i}:${entry}`, (idf * weighted * (K1 + 1)) / (K1 + weighted));
      }
    });
    return scores;
  };

  const totals = new Map<string, number>();
  const weights = new Map<string, number>();
  for (const concept of concepts) {
    const perPage = new Map<string, number[]>();
    for (const { terms, weight } of concept.alternatives) {
      const sums = new Map<string, number>();
      for (const term of terms) {
        // For the snippet, a phrase's words share its weight: the customer's own word outweighs half of a synonym.
        weights.set(term, Math.max(weights.get(term) ?? 0, weight / terms.length));
        for (const [page, s] of scoreTerm(term)) sums.set(page, (sums.get(page) ?? 0) + s);
      }
      for (const [page, s] of sums) perPage.set(page, [...(perPage.get(page) ?? []), s * weight]);
    }
    for (const [page, scores] of perPage) {
      const best = Math.max(...scores);
      const rest = scores.reduce((a, b) => a + b, 0) - best;
      totals.set(page, (totals.get(page) ?? 0) + best + TIE_BREAKER * rest);
    }
  }

  const ranked = [...totals]
    .map(([page, score]) => {
      const [i, entry] = page.split(':').map(Number) as [number, number];
      return { entry: indexes[i]!.entries[entry]!, score };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        KIND_ORDER[a.entry.doc.kind] - KIND_ORDER[b.entry.doc.kind] ||
        a.entry.doc.title.localeCompare(b.entry.doc.title, 'fr'),
    );
  const families = new Set<string>();
  const kept = ranked
    .filter(({ entry: { doc } }) => !doc.family || (!families.has(doc.family) && !!families.add(doc.family)))
    .slice(0, first);

  return kept.map(({ entry: { doc, bodyTokens }, score }) => ({
    kind: doc.kind,
    id: doc.id,
    title: doc.title,
    snippet: makeSnippet(doc.body, bodyTokens, weights),
    target: doc.target,
    score: Math.round(score * 1000) / 1000,
  }));
}
