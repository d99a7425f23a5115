// What the gateway's operation limits (gateway/src/limits.ts) add to a normal request: the time of one check of
// Camille's dashboard query (depth, aliases, directives, mutation fields once, cost), run in-process many times.
//   npx tsx bench/limits.ts [iterations=20000]
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { createEngine } from '../gateway/src/engine/index.ts';
import { checkLimits } from '../gateway/src/limits.ts';
import { ROOT } from '../prisma/projects.ts';
import { percentile } from './lib/load.ts';
import { DASHBOARD } from './lib/queries.ts';

const iterations = Number(process.argv[2] ?? 20_000);
const engine = createEngine({
  supergraphSdl: readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8'),
  subgraphUrls: {},
  hopKey: null as never,
  now: () => new Date(),
});
const who = { sub: 'c', sid: 's', roles: ['CUSTOMER' as const], exp: 0 };
const check = () => {
  // Parsed each time, as a request is; the parse is Apollo's work either way and is timed apart.
  const document = parse(DASHBOARD, { maxTokens: 2_000 });
  return checkLimits({ schema: engine.apiSchema, document, who, introspection: 'staff' });
};
const parseOnly = () => parse(DASHBOARD, { maxTokens: 2_000 });

const time = (run: () => unknown) => {
  for (let i = 0; i < 2_000; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b);
};
if (check().length) throw new Error('the dashboard must pass the limits');
const withLimits = time(check);
const parsing = time(parseOnly);
const row = (name: string, s: number[]) =>
  `| ${name} | ${(percentile(s, 50) * 1000).toFixed(1)} µs | ${(percentile(s, 99) * 1000).toFixed(1)} µs |`;
console.log(`${iterations} iterations\n\n| step | p50 | p99 |\n|---|---|---|`);
console.log(row('parse (Apollo does it anyway)', parsing));
console.log(row('parse + limits', withLimits));
console.log(
  `\nadded by the limits at p50: ${((percentile(withLimits, 50) - percentile(parsing, 50)) * 1000).toFixed(1)} µs`,
);
