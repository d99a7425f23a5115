// Camille's dashboard through Abri's gateway, this checkout against another one (a baseline, e.g. a checkout of main),
// each on its own production shape (its own database, subgraph processes and gateway), measured in alternating short
// rounds so both see the same machine load. On a shared, loaded machine this is the figure to trust for a change:
// CPU milliseconds per request of each process, per round and as medians, side by side.
//   npx tsx bench/compare.ts --baseline=/path/to/other/checkout [--seconds=5] [--rounds=6] [--concurrency=10]
//                            [--database=postgresql://…] [--redis=redis://…]
// The baseline checkout needs its own node_modules and generated Prisma clients (`npm run generate` there).
import { Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { groupCpu, spentMs } from './lib/cpu.ts';
import { camilleAuth, closedLoop, percentile, post } from './lib/load.ts';
import { option } from './lib/options.ts';
import { DASHBOARD } from './lib/queries.ts';
import { type Proc, type Shape, startShape } from './lib/shape.ts';

const baseline = option('baseline', '');
if (!baseline) throw new Error('--baseline=<checkout> is required');
const seconds = Number(option('seconds', '5'));
const rounds = Number(option('rounds', '6'));
const concurrency = Number(option('concurrency', '10'));
const databaseUrl = option('database', 'postgresql://postgres@127.0.0.1:5432/postgres');
const redisUrl = option('redis', 'redis://127.0.0.1:6379');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `compare: ${cpus().length} cores, load average ${load()}; baseline ${baseline}; ${rounds} rounds of ${seconds} s at c=${concurrency}`,
);

interface Side {
  name: string;
  shape: Shape;
  gateway: Proc;
  once: () => Promise<string | null>;
  expected: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const request = JSON.stringify({ query: DASHBOARD, operationName: 'Dashboard' });

async function side(name: string, root: string | undefined): Promise<Side> {
  const shape = await startShape({ databaseUrl, redisUrl, ...(root ? { root } : {}) });
  try {
    const gateway = await shape.start('gateway', 'gateway/src/main.ts', shape.gatewayEnv);
    const url = new URL(gateway.url);
    const auth = await camilleAuth(agent, url);
    const first = await post(agent, url, request, auth);
    if (first.status !== 200 || first.body.includes('"errors"'))
      throw new Error(`${name} answered ${first.status}: ${first.body}`);
    const expected = first.body.trimEnd();
    const once = async () => {
      const { status, body } = await post(agent, url, request, auth);
      return status === 200 && body.trimEnd() === expected ? null : `${status}: ${body.slice(0, 200)}`;
    };
    return { name, shape, gateway, once, expected };
  } catch (error) {
    await shape.stop();
    throw error;
  }
}

const sides: Side[] = [];
try {
  sides.push(await side('baseline', baseline));
  sides.push(await side('this', undefined));
  const [a, b] = sides as [Side, Side];
  // Each database is seeded alike but for generated ids (the payment schedule's): an answer that differs otherwise
  // is a change of behaviour, not of speed.
  const uuids = (body: string) => body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '…');
  if (uuids(a.expected) !== uuids(b.expected))
    throw new Error(`the answers differ:\n${a.expected}\n---\n${b.expected}`);
  console.log(`answers identical but for generated ids: ${b.expected.length} bytes`);
  const subgraphNames = Object.keys(a.shape.subgraphs);
  const columns = ['gateway', ...subgraphNames, 'postgres'];
  type Row = { side: string; rps: number; p50: number; errors: number; cpu: Record<string, number> };
  const rows: Row[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const s of round % 2 ? [b, a] : [a, b]) {
      const pids: Record<string, number[]> = {
        gateway: [s.gateway.child.pid!],
        ...Object.fromEntries(subgraphNames.map((n) => [n, [s.shape.subgraphs[n]!.child.pid!]])),
        postgres: await s.shape.postgresPids(),
      };
      const before = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, groupCpu(p)]));
      const result = await closedLoop(s.once, concurrency, seconds);
      const cpu = Object.fromEntries(
        Object.entries(pids).map(([k, p]) => [k, spentMs(before[k]!, groupCpu(p)) / result.requests]),
      );
      const sorted = [...result.latencies].sort((x, y) => x - y);
      const row = {
        side: s.name,
        rps: result.requests / seconds,
        p50: percentile(sorted, 50),
        errors: result.errors,
        cpu,
      };
      rows.push(row);
      console.log(
        `round ${round + 1} ${s.name}: ${row.rps.toFixed(1)} req/s, p50 ${row.p50.toFixed(1)} ms, errors ${row.errors}${result.firstError ? ` (${result.firstError})` : ''}; CPU ms/request ${columns.map((k) => `${k} ${cpu[k]!.toFixed(2)}`).join(', ')}; load ${load()}`,
      );
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  console.log(`\nload average at the end: ${load()}`);
  console.log(`\nmedians over ${rounds} rounds, CPU ms/request:`);
  console.log(`| side | req/s | p50 ms | ${columns.join(' | ')} | subgraphs total |`);
  console.log(`|---|---|---|${columns.map(() => '---|').join('')}---|`);
  for (const s of sides) {
    const mine = rows.filter((r) => r.side === s.name);
    const subgraphs = median(mine.map((r) => subgraphNames.reduce((sum, n) => sum + r.cpu[n]!, 0)));
    console.log(
      `| ${s.name} | ${median(mine.map((r) => r.rps)).toFixed(1)} | ${median(mine.map((r) => r.p50)).toFixed(1)} | ${columns.map((k) => median(mine.map((r) => r.cpu[k]!)).toFixed(2)).join(' | ')} | ${subgraphs.toFixed(2)} |`,
    );
  }
} finally {
  agent.destroy();
  for (const s of sides) await s.shape.stop();
}
