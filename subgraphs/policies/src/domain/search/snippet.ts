// The excerpt shown under a hit: the sentence of the body that best matches the query, cut from the original text (so
// accents and capitals survive) and shortened around the matched words when it is too long.
import type { Token } from './analyze.ts';

/**
 * Longest snippet, ellipses included.
 * @default 160
 */
export const SNIPPET_MAX = 160;

// Characters kept before the first matched word when a long sentence is cut, so the excerpt does not start on it.
const LEAD = 24;

interface Range {
  start: number;
  end: number;
}

function sentences(body: string): Range[] {
  const ranges: Range[] = [];
  for (const m of body.matchAll(/[^.!?…]+(?:[.!?…]+|$)/g)) {
    const text = m[0];
    const start = m.index + (text.length - text.trimStart().length);
    const end = m.index + text.trimEnd().length;
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}

/** Sum of the weights of the distinct query terms among `tokens`. */
function coverage(tokens: readonly Token[], weights: ReadonlyMap<string, number>): number {
  const seen = new Set<string>();
  let total = 0;
  for (const t of tokens) {
    const w = weights.get(t.term);
    if (w === undefined || seen.has(t.term)) continue;
    seen.add(t.term);
    total += w;
  }
  return total;
}

function cut(body: string, range: Range, tokens: readonly Token[], weights: ReadonlyMap<string, number>, max: number) {
  if (range.end - range.start <= max) return body.slice(range.start, range.end);
  const budget = max - 2; // room for an ellipsis at each end
  const matched = tokens.filter((t) => weights.has(t.term));
  // Try a window starting just before each matched word; keep the one covering the most query weight.
  let best = { start: range.start, score: -1 };
  for (const m of matched.length ? matched : tokens.slice(0, 1)) {
    const start = Math.max(range.start, m.start - LEAD);
    const inside = matched.filter((t) => t.start >= start && t.end <= start + budget);
    const score = coverage(inside, weights);
    if (score > best.score) best = { start, score };
  }
  let start = best.start;
  // Do not open on half a word.
  if (start > range.start && /\S/.test(body[start - 1] ?? '')) {
    const space = body.indexOf(' ', start);
    if (space !== -1 && space < start + LEAD) start = space + 1;
  }
  let end = Math.min(range.end, start + budget);
  if (end < range.end) {
    const space = body.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const text = body.slice(start, end).trim();
  return `${start > range.start ? '…' : ''}${text}${end < range.end ? '…' : ''}`;
}

/**
 * The best sentence of `body` for a query whose terms weigh `weights`: the one whose distinct matched terms weigh
 * most, the earliest on ties, the first sentence when nothing in the body matches (the hit came from its title).
 */
export function makeSnippet(
  body: string,
  tokens: readonly Token[],
  weights: ReadonlyMap<string, number>,
  max = SNIPPET_MAX,
): string {
  const ranges = sentences(body);
  if (!ranges.length) return '';
  let best = { range: ranges[0]!, score: 0, tokens: [] as Token[] };
  for (const range of ranges) {
    const inside = tokens.filter((t) => t.start >= range.start && t.end <= range.end);
    const score = coverage(inside, weights);
    if (score > best.score) best = { range, score, tokens: inside };
  }
  if (best.score === 0) best.tokens = tokens.filter((t) => t.start >= best.range.start && t.end <= best.range.end);
  return cut(body, best.range, best.tokens, weights, max);
}
