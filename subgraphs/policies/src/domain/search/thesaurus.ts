// The insurance thesaurus: groups of expressions that customers, contracts and help pages use for the same thing.
// A customer writes "dégât des eaux" where the contract says "Dommages causés par l'eau", "cambriolage" where it says
// "Vol", "vitre cassée" where it says "Bris de glace". Expansion happens at query time only, so the thesaurus can
// change without rebuilding an index, and expanded expressions weigh less than the customer's own words.
import { analyze } from './analyze.ts';
import { EXPRESSION_GROUPS } from './thesaurus-groups.ts';

/** One way of saying what the customer meant: analysed terms and how much a match counts. */
export interface Alternative {
  terms: readonly string[];
  weight: number;
}

/** One idea of the query: the customer's words first, then their synonyms. A document scores on its best match. */
export interface Concept {
  alternatives: readonly Alternative[];
}

/**
 * Weight of a synonym relative to the customer's own words.
 * @default 0.6
 */
export const EXPANSION_WEIGHT = 0.6;

interface Phrase {
  terms: readonly string[];
  key: string;
  groups: readonly number[];
}

/** A thesaurus ready for matching: phrases indexed by their first term, groups as analysed phrases. */
export interface CompiledThesaurus {
  byFirstTerm: ReadonlyMap<string, readonly Phrase[]>;
  groups: readonly (readonly Phrase[])[];
}

/** Analyses every expression once; expressions that analyse alike ("vol", "volé") collapse into one phrase. */
export function compileThesaurus(groups: readonly (readonly string[])[]): CompiledThesaurus {
  const phrases = new Map<string, { terms: string[]; key: string; groups: number[] }>();
  const compiled = groups.map((expressions, g) => {
    const members = new Map<string, Phrase>();
    for (const expression of expressions) {
      const terms = analyze(expression);
      if (!terms.length) continue;
      const key = terms.join(' ');
      let phrase = phrases.get(key);
      if (!phrase) {
        phrase = { terms, key, groups: [] };
        phrases.set(key, phrase);
      }
      if (!phrase.groups.includes(g)) phrase.groups.push(g);
      members.set(key, phrase);
    }
    return [...members.values()];
  });
  const byFirstTerm = new Map<string, Phrase[]>();
  for (const phrase of phrases.values()) {
    const first = phrase.terms[0]!;
    byFirstTerm.set(first, [...(byFirstTerm.get(first) ?? []), phrase]);
  }
  // Longest first, so "mot de passe" wins over a group that would only know "mot".
  for (const list of byFirstTerm.values()) list.sort((a, b) => b.terms.length - a.terms.length);
  return { byFirstTerm, groups: compiled };
}

let defaultThesaurus: CompiledThesaurus | undefined;

/** The built-in insurance thesaurus, compiled on first use (no work at import time). */
export function insuranceThesaurus(): CompiledThesaurus {
  defaultThesaurus ??= compileThesaurus(EXPRESSION_GROUPS);
  return defaultThesaurus;
}

function startsWith(terms: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((t, i) => terms[at + i] === t);
}

/**
 * Turns analysed query terms into concepts. Walking the query left to right, the longest thesaurus phrase starting at
 * each position becomes one concept carrying every expression of its groups; a term no phrase covers is a concept
 * of its own.
 */
export function expandQuery(
  terms: readonly string[],
  thesaurus: CompiledThesaurus = insuranceThesaurus(),
  expansionWeight = EXPANSION_WEIGHT,
): Concept[] {
  const concepts: Concept[] = [];
  for (let at = 0; at < terms.length; ) {
    const term = terms[at]!;
    const phrase = thesaurus.byFirstTerm.get(term)?.find((p) => startsWith(terms, at, p.terms));
    if (!phrase) {
      concepts.push({ alternatives: [{ terms: [term], weight: 1 }] });
      at += 1;
      continue;
    }
    const alternatives: Alternative[] = [{ terms: phrase.terms, weight: 1 }];
    const seen = new Set([phrase.key]);
    for (const g of phrase.groups) {
      for (const synonym of thesaurus.groups[g] ?? []) {
        if (seen.has(synonym.key)) continue;
        seen.add(synonym.key);
        alternatives.push({ terms: synonym.terms, weight: expansionWeight });
      }
    }
    concepts.push({ alternatives });
    at += phrase.terms.length;
  }
  return concepts;
}
