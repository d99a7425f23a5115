// Scores the search engine on an evaluation set: for each query, the rank of the first acceptable hit; overall,
// recall@3 (share of queries answered in the first three hits) and MRR (mean of 1/rank, 0 when never found).
import type { EvalCase } from './eval-set.ts';
import { type SearchIndex, search } from './index.ts';

export interface CaseResult {
  query: string;
  /** 1-based rank of the first expected hit among the first `depth` hits, or null. */
  rank: number | null;
  top: readonly string[];
}

export interface EvalReport {
  cases: readonly CaseResult[];
  recallAt3: number;
  mrr: number;
}

/**
 * Runs every case against `indexes`.
 * @param depth how many hits are examined for the MRR; @default 10
 */
export function evaluate(indexes: readonly SearchIndex[], cases: readonly EvalCase[], depth = 10): EvalReport {
  const results = cases.map(({ query, expected }): CaseResult => {
    const top = search(indexes, query, depth).map((h) => h.id);
    const at = top.findIndex((id) => expected.includes(id));
    return { query, rank: at === -1 ? null : at + 1, top };
  });
  const n = Math.max(results.length, 1);
  const recallAt3 = results.filter((r) => r.rank !== null && r.rank <= 3).length / n;
  const mrr = results.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / n;
  return { cases: results, recallAt3, mrr };
}
