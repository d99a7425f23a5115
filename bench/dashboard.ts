// Camille's dashboard through three targets, side by side on the same subgraph processes (production shape:
// PostgreSQL + Redis, each service its own process):
//   abri   Abri's gateway (gateway/src/main.ts)
//   hive   Hive Gateway's runtime with a plugin that verifies the access token and signs every hop like Abri's
//   floor  no gateway: the client sends the plan's signed subgraph calls itself (bench/lib/floor.ts)
// The answers are checked first (Abri's and Hive's byte-identical; the floor's calls answered exactly as when the
// gateway made them), then each target is measured in turn, alternating, at each load, for `rounds` rounds:
// req/s, p50, p99, errors and CPU milliseconds per request of every process (gateway, each subgraph, PostgreSQL's
// backends for this run's database, and this client). Before round 1, every target runs unmeasured for `warmup`
// seconds at each load: the first target measured would otherwise pay alone for the JIT and for the
// subgraphs' database pools growing (about +60 % CPU per request on a fresh shape).
//   npx tsx bench/dashboard.ts [--seconds=10] [--rounds=2] [--warmup=5] [--concurrency=10,50] [--rates=60]
//                              [--targets=abri,hive,floor] [--cpu-prof] [--database=postgresql://…] [--redis=redis://…]
// --cpu-prof writes a CPU profile per process (Abri's gateway and the subgraphs) into a directory it prints.
// --concurrency is a closed loop (each worker sends its next request when the last is answered): at 10 the machine
// is saturated, so p50 ≈ concurrency ÷ req/s and a gateway's p50 overhead is its CPU cost. --rates adds open loops
// (requests started at a fixed rate, whatever the answers' pace): the latency a gateway adds at a load the machine
// carries.
import { mkdtempSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHopSecrets, SUBGRAPH_NAMES, SUBGRAPHS } from '@abri/platform';
import { groupCpu, spentMs } from './lib/cpu.ts';
import { inWaves, recordingProxies, replay } from './lib/floor.ts';
import { camilleAuth, closedLoop, type LoadResult, openLoop, percentile, post } from './lib/load.ts';
import { option } from './lib/options.ts';
import { DASHBOARD } from './lib/queries.ts';
import { type Proc, startShape } from './lib/shape.ts';

const seconds = Number(option('seconds', '10'));
const rounds = Number(option('rounds', '2'));
const warmup = Number(option('warmup', '5'));
const concurrencies = option('concurrency', '10,50').split(',').filter(Boolean).map(Number);
const rates = option('rates', '').split(',').filter(Boolean).map(Number);
/** Each load measured: a closed loop of `concurrency` workers, or an open loop at `rate` requests a second. */
const loads = [
  ...concurrencies.map((c) => ({
    label: `c=${c}`,
    run: (once: () => Promise<string | null>, s: number) => closedLoop(once, c, s),
  })),
  ...rates.map((r) => ({
    label: `${r}/s`,
    run: (once: () => Promise<string | null>, s: number) => openLoop(once, r, s),
  })),
];
const targets = option('targets', 'abri,hive,floor').split(',') as ('abri' | 'hive' | 'floor')[];
const profile = process.argv.includes('--cpu-prof');
const databaseUrl = option('database', 'postgresql://postgres@127.0.0.1:5432/postgres');
const redisUrl = option('redis', 'redis://127.0.0.1:6379');

const profileDir = profile ? mkdtempSync(join(tmpdir(), 'abri-dashboard-prof-')) : undefined;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `dashboard bench: ${cpus().length} cores, load average ${load()}; ${seconds} s per measure, ${rounds} rounds after ${warmup} s of warm-up per target and load`,
);

const shape = await startShape({
  databaseUrl,
  redisUrl,
  ...(profile ? { nodeFlags: ['--cpu-prof'], profileDir: profileDir! } : {}),
});
const subgraphUrls = Object.fromEntries(Object.entries(shape.subgraphs).map(([name, p]) => [name, p.url]));
try {
  const gateways: Partial<Record<'abri' | 'hive', Proc>> = {};
  if (targets.includes('abri') || targets.includes('floor'))
    gateways.abri = await shape.start('gateway', 'gateway/src/main.ts', shape.gatewayEnv);
  if (targets.includes('hive'))
    gateways.hive = await shape.start('hive-gateway', 'bench/hive-gateway.ts', shape.gatewayEnv);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const any = (gateways.abri ?? gateways.hive)!;

  const auth = await camilleAuth(agent, new URL(any.url));
  const request = JSON.stringify({ query: DASHBOARD, operationName: 'Dashboard' });

  // The expected answer, and the same through every gateway, byte for byte.
  const answers: Record<string, string> = {};
  for (const [name, proc] of Object.entries(gateways)) {
    const { status, body } = await post(agent, new URL(proc.url), request, auth);
    if (status !== 200 || body.includes('"errors"')) throw new Error(`${name} answered ${status}: ${body}`);
    // Byte for byte but for a final newline (Apollo Server ends its bodies with one, Yoga does not).
    answers[name] = body.trimEnd();
  }
  const expected = Object.values(answers)[0]!;
  for (const [name, body] of Object.entries(answers))
    if (body !== expected) throw new Error(`${name}'s answer differs:\n${body}\n---\n${expected}`);
  console.log(`answers identical (${Object.keys(answers).join(', ')}): ${expected.length} bytes`);

  // The floor's calls: recorded once through Abri's gateway pointed at pass-through proxies.
  const proxies = await recordingProxies(subgraphUrls);
  const recorder = await shape.start('gateway-recorder', 'gateway/src/main.ts', {
    ...shape.gatewayEnv,
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [SUBGRAPHS[name].urlSetting, proxies.urls[name]!])),
  });
  const recorded = await post(agent, new URL(recorder.url), request, auth);
  if (recorded.body.trimEnd() !== expected) throw new Error('the recorder answered differently');
  recorder.child.kill('SIGTERM');
  await proxies.close();
  const waves = inWaves(proxies.hops);
  console.log(
    `floor: ${proxies.hops.length} subgraph calls in ${waves.length} waves: ${waves.map((w) => w.map((h) => h.subgraph).join('+')).join(' → ')}`,
  );
  const hopSecrets = parseHopSecrets(shape.hopSecrets);
  const floorOnce = () => replay(waves, hopSecrets, (url, body, headers) => post(agent, new URL(url), body, headers));
  const check = await floorOnce();
  if (check) throw new Error(`floor: ${check}`);

  const once: Record<string, () => Promise<string | null>> = {
    floor: floorOnce,
    ...Object.fromEntries(
      Object.entries(gateways).map(([name, proc]) => {
        const url = new URL(proc.url);
        return [
          name,
          async () => {
            const { status, body } = await post(agent, url, request, auth);
            return status === 200 && body.trimEnd() === expected ? null : `${status}: ${body.slice(0, 200)}`;
          },
        ];
      }),
    ),
  };

  if (warmup > 0) {
    for (const pattern of loads)
      for (const target of targets) {
        const result = await pattern.run(once[target]!, warmup);
        console.log(`warm-up ${pattern.label} ${target}: ${result.requests} requests, errors ${result.errors}`);
      }
  }

  type Row = { target: string; load: string; result: LoadResult; cpu: Record<string, number> };
  const rows: Row[] = [];
  const subgraphNames = Object.keys(shape.subgraphs);
  for (let round = 0; round < rounds; round++) {
    for (const pattern of loads) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      for (const target of order) {
        const pg = await shape.postgresPids();
        const pids: Record<string, number[]> = {
          gateway: target === 'floor' ? [] : [gateways[target]!.child.pid!],
          ...Object.fromEntries(subgraphNames.map((n) => [n, [shape.subgraphs[n]!.child.pid!]])),
          postgres: pg,
        };
        const before = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, groupCpu(p)]));
        const clientBefore = process.cpuUsage();
        const result = await pattern.run(once[target]!, seconds);
        const clientCpu = process.cpuUsage(clientBefore);
        const cpu = Object.fromEntries(
          Object.entries(pids).map(([k, p]) => [k, spentMs(before[k]!, groupCpu(p)) / result.requests]),
        );
        cpu.client = (clientCpu.user + clientCpu.system) / 1000 / result.requests;
        rows.push({ target, load: pattern.label, result, cpu });
        const sorted = [...result.latencies].sort((a, b) => a - b);
        console.log(
          `round ${round + 1} ${pattern.label} ${target}: ${(result.requests / seconds).toFixed(1)} req/s, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}; load ${load()}`,
        );
      }
    }
  }

  // Over all rounds: each target's requests and latencies pooled, CPU summed.
  console.log(`\nload average at the end: ${load()}`);
  const columns = ['gateway', ...subgraphNames, 'postgres', 'client'];
  console.log(
    `\n| target | load | req/s | p50 ms | p99 ms | errors | CPU ms/request: ${columns.join(' / ')} | subgraphs total |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|`);
  for (const pattern of loads) {
    for (const target of targets) {
      const mine = rows.filter((r) => r.target === target && r.load === pattern.label);
      const requests = mine.reduce((s, r) => s + r.result.requests, 0);
      const errors = mine.reduce((s, r) => s + r.result.errors, 0);
      const sorted = mine.flatMap((r) => r.result.latencies).sort((a, b) => a - b);
      const cpu = (k: string) => mine.reduce((s, r) => s + r.cpu[k]! * r.result.requests, 0) / requests;
      const subgraphTotal = subgraphNames.reduce((s, n) => s + cpu(n), 0);
      console.log(
        `| ${target} | ${pattern.label} | ${(requests / (seconds * mine.length)).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${errors} | ${columns.map((k) => cpu(k).toFixed(2)).join(' / ')} | ${subgraphTotal.toFixed(2)} |`,
      );
    }
  }
  agent.destroy();
} finally {
  await shape.stop();
  if (profileDir) console.log(`\nCPU profiles: ${profileDir}`);
}
