// `npx tsx subgraphs/policies/src/cli/search-eval.ts`: runs the search evaluation set against the help centre and a
// standard contract, prints each query's rank and the overall recall@3 and MRR, and fails below the agreed bar.
import { EVAL_SET } from '../domain/search/eval-set.ts';
import { evaluate } from '../domain/search/evaluate.ts';
import { helpIndex } from '../domain/search/help-articles.ts';
import { buildIndex } from '../domain/search/index.ts';
import { sampleCustomerDocs } from '../domain/search/sample-corpus.ts';

/** Below this recall@3 the search is not good enough to ship (issue "Contract, documents and search"). */
const RECALL_AT_3_BAR = 0.9;

const report = evaluate([helpIndex(), buildIndex(sampleCustomerDocs())], EVAL_SET);
for (const c of report.cases) {
  const rank = c.rank === null ? '—' : String(c.rank);
  const miss = c.rank === null || c.rank > 3 ? `   top: ${c.top.slice(0, 3).join(', ')}` : '';
  console.log(`${rank.padStart(2)}  ${c.query}${miss}`);
}
console.log(`\nqueries: ${report.cases.length}`);
console.log(`recall@3: ${report.recallAt3.toFixed(3)}`);
console.log(`MRR: ${report.mrr.toFixed(3)}`);
if (report.recallAt3 < RECALL_AT_3_BAR) {
  console.error(`recall@3 below ${RECALL_AT_3_BAR}`);
  process.exitCode = 1;
}
