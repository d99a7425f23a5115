// A light French stemmer, written for this search engine. It works on folded words (lower case, no accents) and only
// aims at one thing: the forms a customer and a help page use for the same idea end up as the same stem.
//
// Three steps, each a short ordered list where the first applicable rule wins:
//   1. plural: "eaux" → "eau", "journaux" → "journal", "dégâts" → "dégât"; a final -s or -x goes.
//   2. one suffix: derivations ("déclaration", "remboursement", "assureur", "sécurité", "cambriolage") lose their
//      suffix, otherwise verb and participle endings ("déclarer", "déclarée", "déclarez", "garantie") do.
//   3. a doubled final consonant is undoubled, so "casse"/"cassé" → "cas".
// So "déclarer", "déclaré", "déclarations" all give "declar"; "résilier", "résiliation" give "resil"; "sécuriser",
// "sécurité" give "secur"; "indemniser", "indemnisation", "indemnité" give "indemn"; "déménage", "déménager",
// "déménagement" give "demen"; "vitre",
// "vitrage", "vitrées" give "vitr". Stems are not words and may collide ("cas" for "casse" and "cas"); in a corpus of a
// hundred pages that costs less than missing the customer's wording. A rule applies only if the stem it leaves is long
// enough, which keeps short words intact ("vie", "feu", "site", "page").
// It is deliberately lighter than a Porter/Snowball stemmer: no vowel regions, no chains of suffix removals.

type Rule = readonly [suffix: string, replacement: string, minStem: number];

const PLURAL: readonly Rule[] = [
  ['eaux', 'eau', 1],
  ['aux', 'al', 2],
  ['x', '', 3],
  ['s', '', 3],
];

// Derivational suffixes first (longest first), then inflections. Derivations need a 4-letter stem, inflections 3.
const SUFFIXES: readonly Rule[] = [
  ['abilite', '', 4],
  ['ibilite', '', 4],
  ['ication', '', 4],
  ['isation', '', 4],
  ['isateur', '', 4],
  ['iation', '', 4],
  ['issement', '', 4],
  ['ation', '', 4],
  ['ition', '', 4],
  ['agement', '', 4],
  ['ement', '', 4],
  ['atrice', '', 4],
  ['ateur', '', 4],
  ['euse', '', 4],
  ['eur', '', 4],
  ['able', '', 4],
  ['ible', '', 4],
  ['ance', '', 4],
  ['ence', '', 4],
  ['ite', '', 4],
  ['agee', '', 4],
  ['ager', '', 4],
  ['agez', '', 4],
  ['age', '', 4],
  ['ail', 'al', 4],
  ['ive', 'if', 4],
  ['isee', '', 4],
  ['iser', '', 4],
  ['isez', '', 4],
  ['ise', '', 4],
  ['iee', '', 3],
  ['ier', '', 3],
  ['ie', '', 3],
  ['ir', '', 3],
  ['ee', '', 3],
  ['er', '', 3],
  ['ez', '', 3],
  ['e', '', 3],
];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

function applyFirst(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, minStem] of rules) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) {
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}

/** Stems one folded word. Words with digits ("24h", "380") and words under four letters are returned as they are. */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  // "ss" is not a plural ("stress"), and the plural step must not eat it.
  let w = word.endsWith('ss') ? word : applyFirst(word, PLURAL);
  w = applyFirst(w, SUFFIXES);
  const last = w.at(-1);
  if (w.length >= 4 && last !== undefined && last === w.at(-2) && !VOWELS.has(last)) w = w.slice(0, -1);
  return w;
}
