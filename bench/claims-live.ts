// Live claim events under load: N devices subscribed to claimStatusChanged, `changes` claim moves, and for every
// device the delay from sending advanceClaim to the event's delivery; then the server's memory per open connection.
//   npx tsx bench/claims-live.ts [devices=1000] [changes=10] [devicesPerSession=50] [--selection=federated|claim|event]
//                                [--cpu-prof]
// The system (gateway + four subgraphs, embedded PGlite, demo data) runs in a child process (claims-live-server.ts)
// so that the clients' work and heap are not counted as the server's. Every device is Camille's (the only demo
// customer with a claim in progress), each on its own WebSocket: one change fans out to all N, the worst case.
// Sign-in costs an argon2id hash, so `devicesPerSession` devices share one session's access token (1: one sign-in
// per device). --selection picks what each device asks for: `federated` (the default, `@abri/testkit`'s
// CLAIM_EVENTS: claim.policy.number costs an _entities fetch to policies per device and event), `claim` (claims
// fields only) or `event` (cursor and status only), to attribute the delay. --cpu-prof writes the server's CPU profile
// of the measured changes (open it in Chrome DevTools or speedscope).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEMO } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { adjuster, advance, CLAIM_EVENTS, customer } from '@abri/testkit';
import type { Client } from 'graphql-ws';
import { ROOT } from '../prisma/projects.ts';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name: string) => process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const devices = Number(positional[0] ?? 1000);
const changes = Number(positional[1] ?? 10);
const perSession = Number(positional[2] ?? 50);
const selection = (flag('selection')?.split('=')[1] ?? 'federated') as keyof typeof SELECTIONS;
const SELECTIONS = {
  federated: CLAIM_EVENTS,
  claim: 'subscription($after: String) { claimStatusChanged(after: $after) { cursor status claim { id reference } } }',
  event: 'subscription($after: String) { claimStatusChanged(after: $after) { cursor status } }',
} as const;
if (!(devices >= 1 && changes >= 1 && perSession >= 1 && SELECTIONS[selection]))
  throw new Error('usage: claims-live.ts [devices>=1] [changes>=1] [devicesPerSession>=1] [--selection=…]');

/** The whole run, sign-ins included; also below the access tokens' 600 s lifetime, after which sockets close. */
const OVERALL_MS = 540_000;
const ROUND_MS = 60_000;
const OPEN_BATCH = 100;
const claimId = DEMO.camilleClaimId;
// The demo claim starts at EXPERT_ASSIGNED; DOCUMENTS_REQUESTED ↔ ACKNOWLEDGED may repeat for ever (lifecycle.ts).
const statusOf = (event: number) => (event % 2 === 0 ? 'DOCUMENTS_REQUESTED' : 'ACKNOWLEDGED');

// Each device costs the server about three descriptors at the peak of a change (its socket, and the gateway's hop to
// policies at both ends: one connection per entity fetch in flight); Node cannot raise its own limit.
const limits = existsSync('/proc/self/limits') ? readFileSync('/proc/self/limits', 'utf8') : '';
const openFiles = /^Max open files\s+(\d+)/m.exec(limits)?.[1];
if (openFiles && Number(openFiles) < 3 * devices + 300)
  throw new Error(
    `${devices} devices need about ${3 * devices + 300} open files in the server, the limit is ${openFiles}: ` +
      `run \`ulimit -n ${3 * devices + 300}\` in this shell first`,
  );

setFlagsFromString('--expose-gc');
const clientGc = runInNewContext('gc') as () => void;

// ---------------------------------------------------------------------------------------------------------------
// The server process.

interface ServerStats {
  type: 'stats';
  gc: boolean;
  memory: NodeJS.MemoryUsage;
  cpuMs: number;
  elu: { idle: number; active: number };
  hops: Record<string, { count: number; ms: number; inFlight: number; maxInFlight: number }>;
  gatewaySockets: number;
}
type ServerMessage =
  | ServerStats
  | { type: 'ready'; url: string; pid: number }
  | { type: 'stopped' | 'error' | 'profile' };

const profileFile = flag('cpu-prof')
  ? join(mkdtempSync(join(tmpdir(), 'abri-claims-live-')), 'server.cpuprofile')
  : null;
const server: ChildProcess = spawn(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/claims-live-server.ts')],
  { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
);
process.on('exit', () => server.kill('SIGKILL'));
const inbox: ServerMessage[] = [];
const readers: ((m: ServerMessage) => void)[] = [];
createInterface({ input: server.stdout! }).on('line', (line) => {
  let message: ServerMessage;
  try {
    message = JSON.parse(line) as ServerMessage;
  } catch {
    process.stderr.write(`[server] ${line}\n`);
    return;
  }
  const reader = readers.shift();
  if (reader) reader(message);
  else inbox.push(message);
});
const nextMessage = () =>
  inbox.length ? Promise.resolve(inbox.shift()!) : new Promise<ServerMessage>((r) => readers.push(r));
async function ask(command: 'stats' | 'counters' | 'stop' | 'profile-start' | `profile-stop ${string}`) {
  const reply = nextMessage();
  server.stdin!.write(`${command}\n`);
  return within(reply, 30_000, `server ${command}`);
}
/** The server's figures; memory after a forced gc unless `counters` (then cheap enough to take around a change). */
async function serverStats(command: 'stats' | 'counters' = 'stats'): Promise<ServerStats> {
  const reply = await ask(command);
  if (reply.type !== 'stats') throw new Error(`unexpected server reply ${JSON.stringify(reply)}`);
  return reply;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const overall = setTimeout(() => {
  console.error(`\nclaims-live: over the ${OVERALL_MS / 1000} s limit, giving up`);
  process.exit(2);
}, OVERALL_MS);
server.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`claims-live: the server process ended early (${code ?? signal})`);
    process.exit(2);
  }
});
let stopping = false;

// ---------------------------------------------------------------------------------------------------------------
// Devices.

interface Arrival {
  at: number;
  cursor?: string;
  status?: string;
  errors?: unknown;
}
interface Device {
  socket: Client;
  arrivals: Arrival[];
  failure?: string;
  closeCode?: number;
}

let target = 0;
let reached = 0;
let onAllReached: (() => void) | undefined;
function arrived(device: Device, arrival: Arrival) {
  device.arrivals.push(arrival);
  if (device.arrivals.length === target && ++reached === devices) onAllReached?.();
}
/** Resolves when every device has received `count` events in all. */
function allReach(list: Device[], count: number, ms: number): Promise<void> {
  target = count;
  reached = list.filter((d) => d.arrivals.length >= count).length;
  const done =
    reached === devices ? Promise.resolve() : new Promise<void>((resolve) => (onAllReached = resolve)).then(() => {});
  return within(done, ms, `waiting for ${devices - reached} devices to receive event ${count}`).finally(() => {
    onAllReached = undefined;
  });
}

function openDevice(session: AbriClient): Promise<Device> {
  const socket = session.socket();
  const device: Device = { socket, arrivals: [] };
  socket.on('closed', (event) => {
    device.closeCode ??= (event as { code?: number }).code;
  });
  const connected = new Promise<void>((resolve, reject) => {
    socket.on('connected', () => resolve());
    socket.on('closed', (event) => reject(new Error(`socket closed ${(event as { code?: number }).code}`)));
  });
  socket.subscribe<{ claimStatusChanged: { cursor: string; status: string } }>(
    { query: SELECTIONS[selection], variables: { after: 'claims.0' } },
    {
      next: (result) => {
        const at = performance.now();
        const event = result.data?.claimStatusChanged;
        arrived(device, {
          at,
          ...(event ? { cursor: event.cursor, status: event.status } : {}),
          ...(result.errors ? { errors: result.errors } : {}),
        });
      },
      error: (error) => {
        device.failure ??= error instanceof Error ? error.message : JSON.stringify(error);
      },
      complete: () => {
        device.failure ??= 'completed by the server';
      },
    },
  );
  return connected.then(() => device);
}

// ---------------------------------------------------------------------------------------------------------------
// Figures.

const sorted = (values: number[]) => Float64Array.from(values).sort();
const pct = (s: Float64Array, q: number) => (s.length ? s[Math.max(0, Math.ceil(q * s.length) - 1)]! : NaN);
const ms = (v: number) => `${v.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows)
    console.log(`  ${row.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`);
};

// ---------------------------------------------------------------------------------------------------------------
// The run.

const started = performance.now();
const loadAtStart = loadavg()[0]!;
const ready = await within(nextMessage(), 180_000, 'server start');
if (ready.type !== 'ready') throw new Error(`server did not start: ${JSON.stringify(ready)}`);
const { url } = ready;
console.log(`server pid ${ready.pid} at ${url} (started in ${ms(performance.now() - started)})`);

const staff = await adjuster(url); // once: a TOTP code is accepted once per 30 s step
const sessionCount = Math.ceil(devices / perSession);
const signInStart = performance.now();
const sessions: AbriClient[] = [];
for (let i = 0; i < sessionCount; i += 4)
  sessions.push(
    ...(await Promise.all(Array.from({ length: Math.min(4, sessionCount - i) }, () => customer(url, 'camille')))),
  );
const signInMs = performance.now() - signInStart;
console.log(`${sessionCount} customer sessions signed in in ${ms(signInMs)}; opening ${devices} devices…`);

const before = await serverStats();
clientGc();
const clientBefore = process.memoryUsage();

const openStart = performance.now();
const list: Device[] = [];
for (let i = 0; i < devices; i += OPEN_BATCH) {
  const batch = Array.from({ length: Math.min(OPEN_BATCH, devices - i) }, (_, j) =>
    openDevice(sessions[Math.floor((i + j) / perSession)]!),
  );
  list.push(...(await within(Promise.all(batch), 60_000, `opening devices ${i}…${i + batch.length}`)));
}
const openMs = performance.now() - openStart;

// Subscriptions start with after = the stream's beginning (the fresh system's outbox holds no event of Camille's),
// so one established after the warm-up still gets it, from the outbox: once every device has it, all are live.
const warmStart = performance.now();
await advance(staff, claimId, statusOf(0));
await allReach(list, 1, ROUND_MS);
const warmMs = performance.now() - warmStart;
console.log(`${devices} devices connected in ${ms(openMs)}, all subscribed and warm after ${ms(warmMs)}`);
const subscribed = await serverStats();
clientGc();
const clientSubscribed = process.memoryUsage();

interface Round {
  mutationMs: number;
  delays: number[];
  missing: number;
  serverCpuMs: number;
  serverElu: number;
  clientCpuMs: number;
  hops: Record<string, number>;
}
const rounds: Round[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
if (profileFile) await ask('profile-start');
for (let r = 1; r <= changes; r++) {
  const s0 = await serverStats('counters');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await advance(staff, claimId, statusOf(r));
  const mutationMs = performance.now() - t0;
  let missing = 0;
  await allReach(list, r + 1, ROUND_MS).catch((error: Error) => {
    console.error(`round ${r}: ${error.message}`);
    missing = list.filter((d) => d.arrivals.length <= r).length;
  });
  const c1 = process.cpuUsage(c0);
  const s1 = await serverStats('counters');
  const delays = list.flatMap((d) => (d.arrivals[r] ? [d.arrivals[r]!.at - t0] : []));
  const hops: Record<string, number> = {};
  for (const [name, h] of Object.entries(s1.hops)) hops[name] = h.count - (s0.hops[name]?.count ?? 0);
  rounds.push({
    mutationMs,
    delays,
    missing,
    serverCpuMs: s1.cpuMs - s0.cpuMs,
    serverElu: (s1.elu.active - s0.elu.active) / (s1.elu.active - s0.elu.active + s1.elu.idle - s0.elu.idle),
    clientCpuMs: (c1.user + c1.system) / 1000,
    hops,
  });
}
loopDelay.disable();
if (profileFile) await ask(`profile-stop ${profileFile}`);

// A duplicate would arrive after the last round: give it a second.
await new Promise((r) => setTimeout(r, 1000));
const after = await serverStats();
clientGc();
const clientAfter = process.memoryUsage();

// Exactly once, in order: every device has warm-up + `changes` events, no errors, strictly increasing cursors, the
// expected statuses, and for each event the same cursor as every other device.
const expected = changes + 1;
const reference = list[0]!.arrivals.map((a) => a.cursor);
const problems = { wrongCount: 0, errors: 0, outOfOrder: 0, wrongStatus: 0, otherCursor: 0, failed: 0, closed: 0 };
for (const d of list) {
  if (d.arrivals.length !== expected) problems.wrongCount++;
  if (d.arrivals.some((a) => a.errors || !a.cursor)) problems.errors++;
  const ids = d.arrivals.map((a) => BigInt(a.cursor?.split('.')[1] ?? '-1'));
  if (ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) problems.outOfOrder++;
  if (d.arrivals.some((a, i) => a.status !== statusOf(i))) problems.wrongStatus++;
  if (d.arrivals.some((a, i) => a.cursor !== reference[i])) problems.otherCursor++;
  if (d.failure) problems.failed++;
  if (d.closeCode !== undefined) problems.closed++;
}
const exactlyOnce = Object.values(problems).every((n) => n === 0);

const closeStart = performance.now();
await Promise.all(list.map((d) => d.socket.dispose()));
const closeMs = performance.now() - closeStart;
await new Promise((r) => setTimeout(r, 500));
const closed = await serverStats();

// Is a closed device's server state released at once, or only at its customer's next events? Two more changes with
// no device connected: any work they cause (hops to policies, CPU) is done for devices that are gone.
interface Ghost {
  policiesHops: number;
  cpuMs: number;
  stats: ServerStats;
}
const ghosts: Ghost[] = [];
for (let g = 1; g <= 2; g++) {
  const k0 = await serverStats('counters');
  await advance(staff, claimId, statusOf(changes + g));
  // Done when the server's CPU time and hops stop moving (no device is left to tell us).
  let k1 = k0;
  for (let quiet = 0, waited = 0; quiet < 4 && waited < 30_000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    const k = await serverStats('counters');
    const busy = Object.values(k.hops).some((h) => h.inFlight > 0) || k.cpuMs - k1.cpuMs > 50;
    quiet = busy ? 0 : quiet + 1;
    k1 = k;
  }
  ghosts.push({
    policiesHops: (k1.hops.policies?.count ?? 0) - (k0.hops.policies?.count ?? 0),
    cpuMs: k1.cpuMs - k0.cpuMs,
    stats: await serverStats(),
  });
}
stopping = true;
const exited = new Promise((r) => server.once('exit', r));
await ask('stop');
await within(exited, 30_000, 'server exit');
clearTimeout(overall);

// ---------------------------------------------------------------------------------------------------------------
// Report.

const all = sorted(rounds.flatMap((r) => r.delays));
const perConnection = (a: NodeJS.MemoryUsage, b: NodeJS.MemoryUsage, key: keyof NodeJS.MemoryUsage) =>
  (b[key] - a[key]) / devices;
const argv = process.argv.slice(2).join(' ');
console.log(`\n== claims-live: ${devices} devices × ${changes} changes (selection: ${selection}) ==`);
console.log(`command: npx tsx bench/claims-live.ts${argv ? ` ${argv}` : ''}`);
console.log(
  `machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), ${mb(totalmem())} RAM, Node ${process.version}; ` +
    'server (gateway + 4 subgraphs + PGlite, one process) and clients (one process) share these cores; 127.0.0.1 only',
);
console.log(
  `1-minute load average: ${loadAtStart.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at the end (other work on the machine skews the figures)`,
);
console.log(
  `devices: ${devices} WebSockets, ${sessionCount} sessions (${perSession} devices per access token), ` +
    `subscription: ${SELECTIONS[selection].replace(/\s+/g, ' ')}`,
);
console.log('\nPer change (delay = arrival at the device − just before sending advanceClaim):');
const rows = [['change', 'mutation', 'first', 'p50', 'p99', 'last', 'missing', 'hops', 'server CPU', 'client CPU']];
rounds.forEach((r, i) => {
  const s = sorted(r.delays);
  rows.push([
    `${i + 1} → ${statusOf(i + 1)}`,
    ms(r.mutationMs),
    ms(pct(s, 0)),
    ms(pct(s, 0.5)),
    ms(pct(s, 0.99)),
    ms(pct(s, 1)),
    String(r.missing),
    Object.entries(r.hops)
      .map(([n, c]) => `${n} ${c}`)
      .join(', ') || '0',
    `${ms(r.serverCpuMs)} (${(r.serverElu * 100).toFixed(0)}% busy)`,
    ms(r.clientCpuMs),
  ]);
});
table(rows);

const n = rounds.length;
const avg = (f: (r: Round) => number) => rounds.reduce((s, r) => s + f(r), 0) / n;
const policiesPerChange = avg((r) => r.hops.policies ?? 0);
console.log('\nSummary:');
table([
  ['figure', 'value'],
  ['deliveries measured', `${all.length} of ${devices * changes}`],
  ['delay p50', ms(pct(all, 0.5))],
  ['delay p95', ms(pct(all, 0.95))],
  ['delay p99', ms(pct(all, 0.99))],
  ['delay max', ms(pct(all, 1))],
  ['every device got every event once, in order', exactlyOnce ? 'yes' : `NO ${JSON.stringify(problems)}`],
  ['advanceClaim round trip (mean)', ms(avg((r) => r.mutationMs))],
  [
    'HTTP hops to policies per change (mean)',
    `${policiesPerChange.toFixed(0)} (${(policiesPerChange / devices).toFixed(2)} per device, up to ` +
      `${after.hops.policies?.maxInFlight ?? 0} in flight at once)`,
  ],
  [
    'server CPU per change (mean)',
    `${ms(avg((r) => r.serverCpuMs))} = ${((avg((r) => r.serverCpuMs) / devices) * 1000).toFixed(0)} µs per delivery`,
  ],
  [
    'client CPU per change (mean)',
    `${ms(avg((r) => r.clientCpuMs))} = ${((avg((r) => r.clientCpuMs) / devices) * 1000).toFixed(0)} µs per delivery`,
  ],
  ['client event-loop delay p99 / max', `${ms(loopDelay.percentile(99) / 1e6)} / ${ms(loopDelay.max / 1e6)}`],
  ['sign-in / open devices / warm-up', `${ms(signInMs)} / ${ms(openMs)} / ${ms(warmMs)}`],
]);

console.log(`\nServer memory (after gc${before.gc ? '' : ' — NOT exposed, figures unreliable'}):`);
const memRows = [['when', 'rss', 'heapUsed', 'external', 'gateway sockets']];
for (const [label, s] of [
  ['before devices', before],
  [`${devices} subscribed, idle`, subscribed],
  [`after ${changes} changes`, after],
  ['all closed', closed],
  ['closed, then 1 more change', ghosts[0]!.stats],
  ['closed, then 2 more changes', ghosts[1]!.stats],
] as const)
  memRows.push([label, mb(s.memory.rss), mb(s.memory.heapUsed), mb(s.memory.external), String(s.gatewaySockets)]);
table(memRows);
table([
  ['per connection', 'rss', 'heapUsed', 'external'],
  ...(
    [
      ['subscribed, idle', subscribed],
      [`after ${changes} changes`, after],
    ] as const
  ).map(([label, s]) => [
    label,
    kb(perConnection(before.memory, s.memory, 'rss')),
    kb(perConnection(before.memory, s.memory, 'heapUsed')),
    kb(perConnection(before.memory, s.memory, 'external')),
  ]),
]);
console.log(
  `client process, per connection: heapUsed ${kb(perConnection(clientBefore, clientSubscribed, 'heapUsed'))} ` +
    `subscribed, ${kb(perConnection(clientBefore, clientAfter, 'heapUsed'))} after the changes (its rss: ` +
    `${mb(clientAfter.rss)}); closing all took ${ms(closeMs)}`,
);
console.log('\nAfter every device closed, two more changes with no device connected (work and memory still spent on');
console.log('closed devices: their server-side subscriptions end only at the next events of their customer):');
table([
  ['', 'hops to policies', 'server CPU', 'heapUsed above start, per closed connection'],
  ['all closed', '', '', kb(perConnection(before.memory, closed.memory, 'heapUsed'))],
  ...ghosts.map((g, i) => [
    `${i + 1} more change${i ? 's' : ''}, no device`,
    String(g.policiesHops),
    ms(g.cpuMs),
    kb(perConnection(before.memory, g.stats.memory, 'heapUsed')),
  ]),
]);

console.log(`
Caveats:
- Arrival is stamped in the clients' process when graphql-ws hands the event over: a burst of ${devices} events is
  parsed one after another on one event loop, so the later devices' delay includes the client's own work on the
  earlier ones (client CPU per change above, event-loop delay p99/max above). Real devices each have their own CPU.
- Clients and server share the machine's ${availableParallelism()} cores; the server is the embedded shape (gateway and
  four subgraphs on one event loop, PGlite in WebAssembly with one connection), not production (separate processes,
  PostgreSQL, Redis).
- All devices follow one customer: one change goes to all ${devices} (the worst fan-out); ${perSession} devices share
  each access token.
- Server memory per connection = (after − before) / ${devices}, gc forced in the server. heapUsed is the steady
  figure; rss follows the allocator and PGlite's WebAssembly memory and rarely shrinks.`);
if (profileFile) console.log(`server CPU profile of the ${changes} changes: ${profileFile}`);
process.exit(exactlyOnce && all.length === devices * changes ? 0 : 1);
