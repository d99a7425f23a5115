// Live fan-out at scale, production shape (PostgreSQL, Redis, each service its own process): many customers, each
// with devices subscribed to claimStatusChanged, and their claims moved at a steady rate; for every delivery the
// delay from just before advanceClaim is sent to the event's arrival at the device, and the gateway's memory per
// idle socket. Two shapes of the issue's targets:
//   npx tsx bench/fanout.ts --shape=spread [--replicas=1|2]   5,000 customers × 2 devices, 100 changes/s
//   npx tsx bench/fanout.ts --shape=one [--replicas=1|2]      1,000 devices of one customer, 2 changes/s
// Options: --customers=N --devices=N (per customer) --rate=changes/s --seconds=S --warmup=S (unmeasured changes first,
//          3 s by default) --workers=N (device processes)
//          --cpu-prof (the gateways' CPU profile of the measured window) --database=postgresql://… --redis=redis://…
// Customers, their policies and claims are written straight into the subgraphs' tables (copies of the demo's, in
// bulk), and their access tokens minted with the users subgraph's key: no sign-in per device. Devices run in
// `workers` processes of their own (bench/fanout-devices.ts); each gateway replica in its own process (its production
// build, with bench/lib/stats-port.mjs preloaded for memory and CPU figures). With two replicas, a customer's
// devices alternate between them (the worst case: each replica follows every customer).
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO, importSigningKey, Role, signAccessToken } from '@abri/platform';
import pg from 'pg';
import { ROOT } from '../prisma/projects.ts';
import type { DeviceSpec, WorkerCommand, WorkerMessage, WorkerReport } from './fanout-devices.ts';
import { cpuMs, machineBusyMs, processesNamed } from './lib/cpu.ts';
import { post } from './lib/load.ts';
import { option } from './lib/options.ts';
import { type Proc, startShape } from './lib/shape.ts';

const shapeName = option('shape') ?? 'spread';
const PRESETS = {
  spread: { customers: 5000, devices: 2, rate: 100, seconds: 30 },
  one: { customers: 1, devices: 1000, rate: 2, seconds: 30 },
} as const;
const preset = PRESETS[shapeName as keyof typeof PRESETS];
if (!preset) throw new Error(`--shape must be one of ${Object.keys(PRESETS).join(', ')}`);
const customers = Number(option('customers') ?? preset.customers);
const perCustomer = Number(option('devices') ?? preset.devices);
const rate = Number(option('rate') ?? preset.rate);
const seconds = Number(option('seconds') ?? preset.seconds);
const warmup = Number(option('warmup') ?? 3);
const replicas = Number(option('replicas') ?? 1);
const workers = Number(option('workers') ?? 4);
const profile = process.argv.includes('--cpu-prof');
const databaseUrl = option('database') ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = option('redis') ?? 'redis://127.0.0.1:6379';
const sockets = customers * perCustomer;
if (![customers, perCustomer, rate, seconds, replicas, workers].every((n) => Number.isInteger(n) && n >= 1))
  throw new Error('--customers, --devices, --rate, --seconds, --replicas and --workers are positive integers');
if (!(warmup >= 0)) throw new Error('--warmup is a number of seconds, 0 or more');

/** The subscription each device holds: claims fields, and the policy's number from policies (one hop per event). */
const QUERY = `subscription($after: String) {
  claimStatusChanged(after: $after) { cursor status claim { id reference policy { number } } }
}`;
/** Seeded claims start ACKNOWLEDGED; DOCUMENTS_REQUESTED ↔ ACKNOWLEDGED may repeat for ever (lifecycle.ts). */
const statusOf = (change: number) => (change % 2 === 0 ? 'DOCUMENTS_REQUESTED' : 'ACKNOWLEDGED');
const wallMs = () => performance.timeOrigin + performance.now();

// Every socket is a descriptor in a gateway and in a device process, plus the gateway's own connections.
const limits = existsSync('/proc/self/limits') ? readFileSync('/proc/self/limits', 'utf8') : '';
const openFiles = Number(/^Max open files\s+(\d+)/m.exec(limits)?.[1] ?? Infinity);
const needed = Math.ceil(sockets / replicas) + 1000;
if (openFiles < needed) throw new Error(`${sockets} sockets need \`ulimit -n ${needed}\` (now ${openFiles})`);

const load = () => loadavg()[0]!.toFixed(2);
const loadAtStart = load();
const ms = (v: number) => `${v.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const pct = (s: Float64Array, q: number) => (s.length ? s[Math.max(0, Math.ceil(q * s.length) - 1)]! : Number.NaN);
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows)
    console.log(`  ${row.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`);
};
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
function within<T>(promise: Promise<T>, limit: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${limit} ms`)), limit);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

console.log(
  `fanout: ${customers} customers × ${perCustomer} devices = ${sockets} sockets, ${rate} changes/s for ${seconds} s, ` +
    `${replicas} gateway replica(s), ${workers} device processes; load average ${loadAtStart}`,
);
const profileDir = profile ? mkdtempSync(join(tmpdir(), 'abri-fanout-prof-')) : undefined;
const shape = await startShape({
  databaseUrl,
  redisUrl,
  // The subgraphs' whole lives (start-up included: read the profile's last seconds).
  ...(profile ? { nodeFlags: ['--cpu-prof'], profileDir: profileDir! } : {}),
});
const children: ChildProcess[] = [];
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
try {
  // ---------------------------------------------------------------------------------------------------------------
  // Customers: copies of Camille's policy and claim, one each, in bulk.
  const seedStart = performance.now();
  const database = new URL(databaseUrl);
  database.pathname = `/${shape.database}`;
  const db = new pg.Client({ connectionString: database.toString() });
  await db.connect();
  const people = Array.from({ length: customers }, () => ({
    customer: randomUUID(),
    policy: randomUUID(),
    claim: randomUUID(),
  }));
  const columnsOf = async (schema: string, table: string) =>
    (
      await db.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
        [schema, table],
      )
    ).rows.map((r) => r.column_name);
  /** Copies row `id` of `schema.table` once per customer, with `set` (SQL over u.customer, u.policy, u.claim, u.n). */
  const copy = async (schema: string, table: string, id: string, set: Record<string, string>) => {
    const columns = await columnsOf(schema, table);
    const values = columns.map((c) => set[c] ?? `t."${c}"`);
    await db.query(
      `INSERT INTO "${schema}"."${table}" (${columns.map((c) => `"${c}"`).join(', ')})
       SELECT ${values.join(', ')} FROM "${schema}"."${table}" t,
         unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(customer, policy, claim, n)
       WHERE t.id = $4`,
      [people.map((p) => p.customer), people.map((p) => p.policy), people.map((p) => p.claim), id],
    );
  };
  await copy('policies', 'Policy', DEMO.camille.policyId, {
    id: 'u.policy',
    number: `'BENCH-' || lpad(u.n::text, 7, '0')`,
    customerId: 'u.customer',
  });
  await copy('claims', 'Claim', DEMO.camilleClaimId, {
    id: 'u.claim',
    reference: `'SIN-BENCH-' || lpad(u.n::text, 7, '0')`,
    customerId: 'u.customer',
    policyId: 'u.policy',
    status: `'ACKNOWLEDGED'::"claims"."ClaimStatus"`,
  });
  // As after any bulk load: statistics and visibility now, rather than an autovacuum worker's in the measured window.
  await db.query('VACUUM ANALYZE "policies"."Policy", "claims"."Claim"');
  await db.end();

  // Access tokens minted with the users subgraph's key: one session per device, an adjuster for the moves.
  const tokenKey = await importSigningKey(shape.accessTokenJwk);
  const mint = async (sub: string, roles: Role[]) =>
    (
      await signAccessToken(
        tokenKey,
        { sub, sid: randomUUID(), roles, authTime: Math.floor(Date.now() / 1000) },
        new Date(),
        3600,
      )
    ).token;
  const staffToken = await mint(DEMO.adjuster.staffId, [Role.ADJUSTER]);
  const tokens: string[] = [];
  for (const p of people) for (let d = 0; d < perCustomer; d++) tokens.push(await mint(p.customer, [Role.CUSTOMER]));
  console.log(`${customers} customers seeded and ${sockets} tokens minted in ${ms(performance.now() - seedStart)}`);

  // ---------------------------------------------------------------------------------------------------------------
  // Gateways, each with its stats port.
  interface Gateway extends Proc {
    stats: string;
  }
  const gateways: Gateway[] = [];
  for (let r = 0; r < replicas; r++) {
    const statsPort = await freePort();
    const proc = await shape.start(
      `gateway${r}`,
      'gateway/src/main.ts',
      { ...shape.gatewayEnv, BENCH_STATS_PORT: String(statsPort) },
      'bench/lib/stats-port.mjs',
    );
    gateways.push({ ...proc, stats: `http://127.0.0.1:${statsPort}` });
  }
  interface GatewayStats {
    memory: NodeJS.MemoryUsage;
    cpuMs: number;
    elu: { idle: number; active: number };
  }
  const statsOf = async (g: Gateway, what: 'stats' | 'counters' = 'stats') =>
    (await (await fetch(`${g.stats}/${what}`)).json()) as GatewayStats;
  const allStats = (what: 'stats' | 'counters' = 'stats') => Promise.all(gateways.map((g) => statsOf(g, what)));
  /** Each replica's live channels by role, and how often one had to run alone (its /metrics). */
  const channelRoles = () =>
    Promise.all(
      gateways.map(async (g) => {
        const text = await (await fetch(g.url.replace(/\/graphql$/, '/metrics'))).text();
        const value = (pattern: string) =>
          Number(new RegExp(`^${pattern}\\S* (\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN);
        return ['leading', 'following', 'alone']
          .map((role) => `${value(`abri_live_channels\\{[^}]*role="${role}"`)} ${role}`)
          .concat(`${value('abri_live_relay_gaps_total')} gaps`)
          .join(', ');
      }),
    );

  // ---------------------------------------------------------------------------------------------------------------
  // Device processes.
  interface Worker {
    child: ChildProcess;
    received: number;
    opened: number;
    next(type: WorkerMessage['type']): Promise<WorkerMessage>;
  }
  const pool: Worker[] = [];
  for (let w = 0; w < workers; w++) {
    const child = fork(join(ROOT, 'bench/fanout-devices.ts'), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    const waiting = new Map<string, (m: WorkerMessage) => void>();
    const worker: Worker = {
      child,
      received: 0,
      opened: 0,
      next: (type) => new Promise((resolve) => waiting.set(type, resolve)),
    };
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'count') worker.received = message.received;
      if (message.type === 'progress') worker.opened = message.opened + message.failed;
      waiting.get(message.type)?.(message);
      waiting.delete(message.type);
    });
    pool.push(worker);
  }
  // Device i (customer ⌊i / perCustomer⌋) goes to replica i mod replicas and process i mod workers.
  const replicaOf = (i: number) => i % replicas;
  const workerOf = (i: number) => i % workers;
  const plans: DeviceSpec[][] = pool.map(() => []);
  const indexes: number[][] = pool.map(() => []);
  for (let i = 0; i < sockets; i++) {
    plans[workerOf(i)]!.push({ url: gateways[replicaOf(i)]!.url, token: tokens[i]! });
    indexes[workerOf(i)]!.push(i);
  }

  const before = await allStats();
  const openStart = performance.now();
  const openProgress = setInterval(() => {
    const n = pool.reduce((sum, w) => sum + w.opened, 0);
    console.log(
      `  ${n} devices connected or failed after ${ms(performance.now() - openStart)}; load average ${load()}`,
    );
  }, 10_000);
  const opened = await within(
    Promise.all(
      pool.map((w, k) => {
        const reply = w.next('opened');
        w.child.send({ type: 'open', devices: plans[k]!, query: QUERY, batch: 100 } satisfies WorkerCommand);
        return reply;
      }),
    ),
    600_000,
    'opening the devices',
  );
  clearInterval(openProgress);
  const openMs = performance.now() - openStart;
  const failedToOpen = opened.reduce((n, m) => n + (m.type === 'opened' ? m.failed : 0), 0);
  const firstOpenFailure = opened.find((m) => m.type === 'opened' && m.firstFailure);
  if (failedToOpen)
    console.error(
      `${failedToOpen} devices failed to connect: ${JSON.stringify(firstOpenFailure && 'firstFailure' in firstOpenFailure ? firstOpenFailure.firstFailure : '')}`,
    );

  // Subscribed once the gateways and claims stop working on the subscriptions (each one is an upstream subscription
  // and an outbox read in claims); events before that are still delivered, from the outbox, thanks to `after`.
  const busyPids = [...gateways.map((g) => g.child.pid!), shape.subgraphs.claims!.child.pid!];
  const settleStart = performance.now();
  for (let quiet = 0, last = busyPids.map(cpuMs); quiet < 3 && performance.now() - settleStart < 120_000; ) {
    await new Promise((r) => setTimeout(r, 500));
    const now = busyPids.map(cpuMs);
    quiet = now.every((v, i) => v - last[i]! < 50) ? quiet + 1 : 0;
    last = now;
  }
  const settleMs = performance.now() - settleStart;
  const idle = await allStats();
  console.log(
    `${sockets - failedToOpen} devices connected in ${ms(openMs)}, subscriptions settled after ${ms(settleMs)}; ` +
      `load average ${load()}`,
  );

  // ---------------------------------------------------------------------------------------------------------------
  // Changes at `rate` per second, open loop, customers in turn; a customer's changes are sent one after another
  // (each after the previous answer), so their order is the order of their events. First `warmup` seconds of them,
  // unmeasured (the services' first moves pay for compiling their code paths and opening database connections, as
  // the dashboard benchmark's warm-up does), until every device has them; then the measured window.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const sent: number[][] = people.map(() => []);
  const roundTrips: number[] = [];
  /** [sent at, round trip] of the measured changes, for the per-second view. */
  const tripsBySecond: [number, number][] = [];
  const chains: Promise<void>[] = people.map(() => Promise.resolve());
  let mutationErrors = 0;
  const uncertain = new Set<number>();
  let firstMutationError = '';
  let nextChange = 0;
  const sendChanges = async (count: number, measured: boolean) => {
    const start = performance.now();
    for (let n = 0; n < count; n++, nextChange++) {
      const k = nextChange;
      const due = start + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const c = k % customers;
      const change = Math.floor(k / customers);
      const gateway = gateways[k % replicas]!;
      chains[c] = chains[c]!.then(async () => {
        const t0 = wallMs();
        const { status, body } = await post(
          agent,
          new URL(gateway.url),
          JSON.stringify({
            query:
              'mutation($i: AdvanceClaimInput!) { advanceClaim(input: $i) { __typename ... on TransitionNotAllowed { reason } } }',
            variables: { i: { claimId: people[c]!.claim, to: statusOf(change) } },
          }),
          { authorization: `Bearer ${staffToken}` },
        );
        if (measured) {
          roundTrips.push(wallMs() - t0);
          tripsBySecond.push([t0, wallMs() - t0]);
        }
        if (status !== 200 || !body.includes('AdvanceClaimSuccess')) {
          // Whether it committed is unknown (an error may come after the commit): this customer is not checked.
          uncertain.add(c);
          if (measured) mutationErrors++;
          firstMutationError ||= `${status} ${body.slice(0, 300)}`;
          return;
        }
        // Warm-up changes count for the order checks, not for the delays (NaN: left out).
        sent[c]!.push(measured ? t0 : Number.NaN);
      });
    }
    await Promise.all(chains);
  };
  const receivedNow = () => pool.reduce((n, w) => n + w.received, 0);
  const expectedNow = () => sent.reduce((n, list, c) => n + (uncertain.has(c) ? 0 : list.length * perCustomer), 0);
  /** Until every expected event is in and nothing more comes for a second (a duplicate would come after them). */
  const drain = async () => {
    const drainStart = performance.now();
    for (let seen = -1, quietSince = performance.now(); performance.now() - drainStart < 60_000; ) {
      await new Promise((r) => setTimeout(r, 100));
      const now = receivedNow();
      if (now !== seen) [seen, quietSince] = [now, performance.now()];
      else if (now >= expectedNow() && performance.now() - quietSince >= 1000) break;
    }
  };
  if (warmup > 0) {
    await sendChanges(Math.round(rate * warmup), false);
    await drain();
    console.log(`warm-up: ${Math.round(rate * warmup)} changes in ${warmup} s, delivered; load average ${load()}`);
  }

  const pids = {
    gateways: gateways.map((g) => g.child.pid!),
    claims: [shape.subgraphs.claims!.child.pid!],
    policies: [shape.subgraphs.policies!.child.pid!],
    users: [shape.subgraphs.users!.child.pid!],
    postgres: await shape.postgresPids(),
    // The machine's Redis server (when the bench's Redis is local): the bus, the presence and the relays' publishes.
    redis: processesNamed('redis-server'),
    devices: pool.map((w) => w.child.pid!),
  };
  const cpuOf = () =>
    Object.fromEntries(Object.entries(pids).map(([k, list]) => [k, list.reduce((s, p) => s + cpuMs(p), 0)]));
  const cpu0 = cpuOf();
  const driverCpu0 = process.cpuUsage();
  const loadAtMeasure = load();
  if (profile) await Promise.all(gateways.map((g) => fetch(`${g.stats}/profile-start`)));
  const counters0 = await allStats('counters');
  const rolesBefore = await channelRoles();

  const total = rate * seconds;
  const windowStart = performance.now();
  // Each second of the window, what each process group and the whole machine spent (to tell which one held a stall).
  const cpuSeconds: { groups: Record<string, number>; machine: number }[] = [];
  let cpuMark = { groups: cpu0, machine: machineBusyMs() };
  // And what PostgreSQL's autovacuum workers (whose CPU no group counts) were doing each second.
  const watcher = new pg.Client({ connectionString: database.toString() });
  await watcher.connect();
  const vacuums: string[][] = [];
  const cpuSampler = setInterval(() => {
    const now = { groups: cpuOf(), machine: machineBusyMs() };
    const second = cpuSeconds.length;
    void watcher
      .query<{ query: string }>(`SELECT query FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`)
      .then(
        ({ rows }) => {
          vacuums[second] = rows.map((r) => r.query.replace(/^autovacuum: /, ''));
        },
        () => {},
      );
    cpuSeconds.push({
      groups: Object.fromEntries(Object.keys(now.groups).map((k) => [k, now.groups[k]! - cpuMark.groups[k]!])),
      machine: now.machine - cpuMark.machine,
    });
    cpuMark = now;
  }, 1000);
  await sendChanges(total, true);
  const sendingMs = performance.now() - windowStart;
  clearInterval(cpuSampler);
  await watcher.end();
  await drain();
  // Deliveries measured: those of the window's changes (the warm-up's are checked for order, not timed).
  const expected = sent.reduce(
    (n, list, c) => n + (uncertain.has(c) ? 0 : list.filter((t) => !Number.isNaN(t)).length * perCustomer),
    0,
  );
  const counters1 = await allStats('counters');
  const rolesAfter = await channelRoles();
  if (profile)
    await Promise.all(
      gateways.map((g, r) =>
        fetch(`${g.stats}/profile-stop?file=${join(profileDir!, `gateway${r}-window.cpuprofile`)}`),
      ),
    );
  const cpu1 = cpuOf();
  const driverCpu = process.cpuUsage(driverCpu0);
  const after = await allStats();

  const reports = await Promise.all(
    pool.map((w) => {
      const reply = w.next('report');
      w.child.send({ type: 'report' } satisfies WorkerCommand);
      return reply as Promise<WorkerReport>;
    }),
  );

  // ---------------------------------------------------------------------------------------------------------------
  // Checks and figures: the k-th event of each device is its customer's k-th change.
  const delays: number[] = [];
  /** [sent at, delay] of every measured delivery, for the per-second view. */
  const delaysAt: [number, number][] = [];
  const problems = {
    lost: 0,
    doubled: 0,
    outOfOrder: 0,
    wrongStatus: 0,
    otherCursor: 0,
    errors: 0,
    failed: 0,
    closed: 0,
  };
  const cursorsOf = new Map<number, number[]>();
  reports.forEach((report, k) => {
    report.arrivals.forEach((arrivals, j) => {
      const device = indexes[k]![j]!;
      const c = Math.floor(device / perCustomer);
      if (uncertain.has(c)) return;
      const times = sent[c]!;
      if (arrivals.length < times.length) problems.lost += times.length - arrivals.length;
      if (arrivals.length > times.length) problems.doubled += arrivals.length - times.length;
      const ids = arrivals.map((a) => a[0]);
      if (new Set(ids).size !== ids.length) problems.doubled++;
      if (ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) problems.outOfOrder++;
      if (arrivals.some((a, i) => a[1] !== statusOf(i))) problems.wrongStatus++;
      const reference = cursorsOf.get(c);
      if (!reference) cursorsOf.set(c, ids);
      else if (reference.join() !== ids.join()) problems.otherCursor++;
      arrivals.forEach((a, i) => {
        if (times[i] !== undefined && !Number.isNaN(times[i])) {
          delays.push(a[2] - times[i]!);
          delaysAt.push([times[i]!, a[2] - times[i]!]);
        }
      });
      problems.errors += report.errors[j]!;
      if (report.failures[j]) problems.failed++;
      if (report.closeCodes[j] !== null) problems.closed++;
    });
  });
  const exact = Object.values(problems).every((n) => n === 0) && delays.length === expected;
  const sorted = Float64Array.from(delays).sort();
  const trips = Float64Array.from(roundTrips).sort();

  const spent = Object.fromEntries(Object.keys(cpu0).map((k) => [k, cpu1[k]! - cpu0[k]!]));
  const measuredS = (performance.now() - windowStart) / 1000;
  const argv = process.argv.slice(2).join(' ');
  console.log(`\n== fanout: ${shapeName}, ${sockets} sockets, ${replicas} replica(s) ==`);
  console.log(`command: npx tsx bench/fanout.ts${argv ? ` ${argv}` : ''}`);
  console.log(
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), ${mb(totalmem())} RAM, Node ${process.version}; ` +
      'every process (PostgreSQL, Redis, 4 subgraphs, gateways, device processes, this driver) shares these cores',
  );
  console.log(
    `1-minute load average: ${loadAtStart} at start, ${loadAtMeasure} when the changes began, ${load()} at the end`,
  );
  table([
    ['figure', 'value'],
    ['changes sent / answered ok', `${total} / ${total - mutationErrors} in ${ms(sendingMs)} (target ${rate}/s)`],
    [
      'deliveries measured / expected',
      `${delays.length} / ${expected}${uncertain.size ? ` (${uncertain.size} customers with a failed change not counted)` : ''}`,
    ],
    ['event to device p50', ms(pct(sorted, 0.5))],
    ['event to device p90', ms(pct(sorted, 0.9))],
    ['event to device p99', ms(pct(sorted, 0.99))],
    ['event to device max', ms(pct(sorted, 1))],
    ['advanceClaim round trip p50 / p99', `${ms(pct(trips, 0.5))} / ${ms(pct(trips, 0.99))}`],
    ['every device got every event once, in order', exact ? 'yes' : `NO ${JSON.stringify(problems)}`],
    ...gateways.map((_, r) => {
      const c0 = counters0[r]!;
      const c1 = counters1[r]!;
      const active = c1.elu.active - c0.elu.active;
      const busy = active / (active + c1.elu.idle - c0.elu.idle);
      return [`gateway${r} CPU / event loop busy`, `${ms(c1.cpuMs - c0.cpuMs)} (${(busy * 100).toFixed(0)}% busy)`];
    }),
    ...gateways.map((_, r) => [
      `gateway${r} live channels, window start → end`,
      `${rolesBefore[r]} → ${rolesAfter[r]}`,
    ]),
    [
      'CPU per second measured',
      `${Object.entries(spent)
        .map(([k, v]) => `${k} ${(v / measuredS).toFixed(0)} ms`)
        .join(', ')}, driver ${((driverCpu.user + driverCpu.system) / 1000 / measuredS).toFixed(0)} ms`,
    ],
    ['open / settle', `${ms(openMs)} / ${ms(settleMs)}`],
  ]);
  if (mutationErrors) console.log(`first mutation error: ${firstMutationError}`);
  // A tail spread over the window (the path is slow) or held in one second (a stall: a collection, a checkpoint)?
  const windowWall = Math.min(...tripsBySecond.map(([t]) => t));
  const bySecond = (rows: [number, number][]) => {
    const groups: number[][] = [];
    for (const [t, v] of rows) {
      const k = Math.floor((t - windowWall) / 1000);
      const group = groups[k] ?? [];
      group.push(v);
      groups[k] = group;
    }
    return Array.from(groups, (g) => (g ? Float64Array.from(g).sort() : undefined));
  };
  const delaySeconds = bySecond(delaysAt);
  const tripSeconds = bySecond(tripsBySecond);
  console.log(
    '\nBy second of the window (changes sent in that second): event to device p50 / p99 / max, advanceClaim p99, ' +
      'CPU ms that second (the machine, then its two busiest groups):',
  );
  table([
    ['second', 'deliveries', 'p50', 'p99', 'max', 'advanceClaim p99', 'CPU', 'autovacuum'],
    ...delaySeconds.map((d, k) => {
      const cpu = cpuSeconds[k];
      const outside = cpu ? cpu.machine - Object.values(cpu.groups).reduce((a, b) => a + b, 0) : 0;
      const busiest = cpu
        ? [...Object.entries(cpu.groups), ['other processes', outside] as [string, number]]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 2)
            .map(([g, v]) => `${g} ${v.toFixed(0)}`)
            .join(', ')
        : '';
      return [
        String(k),
        String(d?.length ?? 0),
        d ? ms(pct(d, 0.5)) : '—',
        d ? ms(pct(d, 0.99)) : '—',
        d ? ms(pct(d, 1)) : '—',
        tripSeconds[k] ? ms(pct(tripSeconds[k]!, 0.99)) : '—',
        cpu ? `${cpu.machine.toFixed(0)} (${busiest})` : '—',
        vacuums[k]?.join('; ') || '—',
      ];
    }),
  ]);
  console.log('\nGateway memory (after forced gc), per socket = (idle − before) / its sockets:');
  const memRows = [
    [
      'replica',
      'sockets',
      'rss before',
      'rss idle',
      'heap before',
      'heap idle',
      'per socket rss',
      'per socket heap',
      'heap after changes',
    ],
  ];
  gateways.forEach((_, r) => {
    const n = Array.from({ length: sockets }, (_, i) => i).filter((i) => replicaOf(i) === r).length;
    const b = before[r]!.memory;
    const i = idle[r]!.memory;
    memRows.push([
      `gateway${r}`,
      String(n),
      mb(b.rss),
      mb(i.rss),
      mb(b.heapUsed),
      mb(i.heapUsed),
      kb((i.rss - b.rss) / n),
      kb((i.heapUsed + i.external - b.heapUsed - b.external) / n),
      mb(after[r]!.memory.heapUsed),
    ]);
  });
  table(memRows);
  console.log(`\n(per socket heap counts heapUsed + external; delay = arrival at the device − just before advanceClaim is sent, both
on this machine's wall clock; device processes parse their events on their own cores' share.)`);
  if (profileDir)
    console.log(
      `CPU profiles in ${profileDir}: gateway<n>-window (the measured window), and every process's whole run`,
    );

  await Promise.all(
    pool.map((w) => {
      const reply = w.next('closed');
      w.child.send({ type: 'close' } satisfies WorkerCommand);
      return within(reply, 60_000, 'closing devices').catch(() => w.child.kill('SIGKILL'));
    }),
  );
  process.exitCode = exact ? 0 : 1;
} finally {
  await shape.stop();
}
