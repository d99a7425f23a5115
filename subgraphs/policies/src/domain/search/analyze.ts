// French text analysis for the search engine. The same pipeline runs over documents at index time and over the query,
// so that "Dégâts des eaux", "degat des eau" and "dégât d'eau" all reduce to the same terms. Customers type without
// accents on phones and mix singular and plural; matching must not depend on either.
import { stem } from './stem.ts';

export { stem } from './stem.ts';

/** One analysed word and where it sits in the original text (the snippet is cut from the original, not the terms). */
export interface Token {
  term: string;
  /** The word before stemming (folded): lets a half-typed query word be completed against the vocabulary. */
  word: string;
  start: number;
  end: number;
}

// A word is a run of letters and digits, possibly glued by apostrophes ("l'eau", "aujourd'hui"). Hyphens, slashes and
// the degree sign of "n°1" split words: "porte-fenêtre" is searched as "porte" and "fenêtre".
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
const APOSTROPHE = /['’ʼ]/;

// Elided articles, pronouns and conjunctions: "l'", "d'", "qu'", "jusqu'"… carry no meaning of their own.
const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);

// Function words, auxiliaries and the filler of customer questions ("comment est-ce que je peux…"). Written in folded
// form (no accents) because the check runs after folding. "sans", "plus" and "pas" are here too: they rarely decide
// which page answers a question, and keeping them would let every "sans frais" outrank the topic.
const STOP_WORDS = new Set(
  `a au aux avec ce ces cet cette ceci cela ca celle celles celui ceux ci dans de des du elle elles en et eux il ils je
  la le les leur leurs lui ma mais me meme mes moi mon ne ni nos notre nous on ou par pas plus pour qu que quel quelle
  quels quelles qui quoi sa se ses si son sur ta te tes toi ton tu un une vos votre vous y dont donc or car sans sous
  chez vers entre apres avant depuis pendant lors tres trop bien deja encore aussi tout tous toute toutes autre autres
  alors ici comme comment pourquoi quand combien ai as avons avez ont avais avait avoir eu suis es est sommes etes sont
  etais etait etre ete fait faire fais faut peux peut pouvez pouvons peuvent puis pourrais pourriez dois doit devez
  dois veux veut voudrais voulez vais va allez aller cest non oui svp merci bonjour aujourd hui`.split(/\s+/),
);

// Expressions whose words mean something else alone: "passe" is also the verb of "que se passe-t-il" and "l'expert
// passe", so "mot de passe" is indexed as one term and a lone "passe" does not pull in every password page.
const COMPOUNDS = ['mot de passe'].map((expression) => {
  const words = expression.split(' ').filter((w) => !STOP_WORDS.has(w));
  return { parts: words.map(stem), term: stem(expression.replace(/ /g, '')) };
});

/** Lower-cases and folds accents and ligatures: "Œuvre Dégâts" → "oeuvre degats". */
export function fold(text: string): string {
  return text.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Splits `text` into analysed tokens: folded, elided articles and stop words removed, plurals folded and suffixes
 * stemmed. Offsets point into `text` itself.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let offset = match.index;
    const parts = match[0].split(APOSTROPHE);
    parts.forEach((part, i) => {
      const start = offset;
      offset += part.length + 1;
      const folded = fold(part);
      // Only the first part can be an elided word: "l'eau" drops "l", "aujourd'hui" keeps both halves.
      if (i === 0 && parts.length > 1 && ELIDED.has(folded)) return;
      if (STOP_WORDS.has(folded)) return;
      // Single letters are noise ("n°1" leaves an "n"), single digits are not (the "1" of "avenant n°1").
      if (folded.length < 2 && !/\d/.test(folded)) return;
      tokens.push({ term: stem(folded), word: folded, start, end: start + part.length });
    });
  }
  return joinCompounds(tokens);
}

function joinCompounds(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const compound = COMPOUNDS.find(({ parts }) => parts.every((p, k) => tokens[i + k]?.term === p));
    if (!compound) {
      joined.push(tokens[i]!);
      continue;
    }
    const last = tokens[i + compound.parts.length - 1]!;
    joined.push({
      term: compound.term,
      word: tokens
        .slice(i, i + compound.parts.length)
        .map((t) => t.word)
        .join(' '),
      start: tokens[i]!.start,
      end: last.end,
    });
    i += compound.parts.length - 1;
  }
  return joined;
}

/** The analysed terms of `text`, in order, repeats kept (term frequency matters to ranking). */
export function analyze(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
