// What the gateway's checks before planning add to a normal request: Camille's dashboard query through the operation
// limits (gateway/src/limits.ts: depth, aliases, directives, mutation fields once, cost), the input checks
// (gateway/src/inputs.ts: NUL bytes, lone surrogates, lengths, dates) and the entry rate limits
// (gateway/src/rate-limits.ts, in-memory counter), in-process, many times; the parse is timed apart.
//   npx tsx bench/limits.ts [iterations=20000]
import { readFileSync } from 'node:fs';
import { createMemoryRateLimiter } from '@abri/platform';
import { parse } from 'graphql';
import { createEngine } from '../gateway/src/engine/index.ts';
import { checkInputs } from '../gateway/src/inputs.ts';
import { checkLimits } from '../gateway/src/limits.ts';
import { checkRates } from '../gateway/src/rate-limits.ts';
import { ROOT } from '../prisma/projects.ts';
import { percentile } from './lib/load.ts';
import { DASHBOARD } from './lib/queries.ts';

const iterations = Number(process.argv[2] ?? 20_000);
const engine = createEngine({
  supergraphSdl: readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8'),
  subgraphUrls: {},
  hopSecrets: null as never,
  now: () => new Date(),
});
const who = { sub: 'c', sid: 's', roles: ['CUSTOMER' as const], exp: 0 };
const check = () => {
  // Parsed each time, as a request is; the parse is Apollo's work either way and is timed apart.
  const document = parse(DASHBOARD, { maxTokens: 2_000 });
  return checkLimits({ schema: engine.apiSchema, document, who, introspection: 'staff' });
};
const parseOnly = () => parse(DASHBOARD, { maxTokens: 2_000 });
const limiter = createMemoryRateLimiter();
const variables = {};
/** Everything the gateway runs before planning, in the order it runs it. */
const checkAll = async () => {
  const document = parse(DASHBOARD, { maxTokens: 2_000 });
  if (checkLimits({ schema: engine.apiSchema, document, variables, who, introspection: 'staff' }).length)
    throw new Error('limits');
  if (checkInputs(document, variables)) throw new Error('inputs');
  if (await checkRates(limiter, { document, variables, who, ip: '203.0.113.7' })) throw new Error('rates');
};

const time = async (run: () => unknown) => {
  for (let i = 0; i < 2_000; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b);
};
if (check().length) throw new Error('the dashboard must pass the limits');
const withLimits = await time(check);
const withAll = await time(checkAll);
const parsing = await time(parseOnly);
const row = (name: string, s: number[]) =>
  `| ${name} | ${(percentile(s, 50) * 1000).toFixed(1)} µs | ${(percentile(s, 99) * 1000).toFixed(1)} µs |`;
console.log(`${iterations} iterations\n\n| step | p50 | p99 |\n|---|---|---|`);
console.log(row('parse (Apollo does it anyway)', parsing));
console.log(row('parse + limits', withLimits));
console.log(row('parse + limits + inputs + rates', withAll));
const added = (s: number[]) => ((percentile(s, 50) - percentile(parsing, 50)) * 1000).toFixed(1);
console.log(`\nadded at p50: limits ${added(withLimits)} µs, all checks ${added(withAll)} µs (target ≤ 500 µs)`);
