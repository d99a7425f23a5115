// The write side of claims alone (issue 10): advanceClaim sent to an in-process claims subgraph as the gateway sends
// it (signed hops over HTTP), on PostgreSQL with the production pool (10 connections) and the Redis bus, without the
// gateway, devices or other subgraphs. For each run: calls that succeeded and failed (by code), time per call, and
// what each call cost the database: statements sent, and for each transaction (advanceClaim's, the outbox relay's)
// how many statements it held its connection for and for how long.
//   npx tsx bench/claims-writes.ts [--calls=1000] [--concurrency=50 | --rate=100] [--claims=2000] [--pool=10]
//                                  [--bus=redis|memory] [--database=postgresql://…] [--redis=redis://…]
//                                  [--cpu-prof=file.cpuprofile]
// --concurrency keeps that many calls in flight (the throughput the write side sustains); --rate sends that many a
// second whatever the answers (the fan-out bench's load, without its sockets). Claims are copies of the demo's
// water damage, one per customer, moved DOCUMENTS_REQUESTED ↔ ACKNOWLEDGED (lifecycle.ts lets that repeat).
// --cpu-prof writes the CPU profile of the measured calls (the subgraph and its callers share the process).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  applyMigrations,
  createLogger,
  createMemoryBus,
  createRedisBus,
  DEMO,
  embeddedSecrets,
  HOP_HEADER,
  type Identity,
  sha256,
  signHop,
} from '@abri/platform';
import pg from 'pg';
import { prismaProject } from '../prisma/projects.ts';
import { seedClaims } from '../subgraphs/claims/src/seed.ts';
import { createClaimsService } from '../subgraphs/claims/src/server.ts';
import { option } from './lib/options.ts';

const calls = Number(option('calls') ?? 1000);
const rate = option('rate') === undefined ? null : Number(option('rate'));
const concurrency = Number(option('concurrency') ?? 50);
const claims = Number(option('claims') ?? 2000);
const pool = Number(option('pool') ?? 10);
const busKind = option('bus') ?? 'redis';
const databaseUrl = option('database') ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = option('redis') ?? 'redis://127.0.0.1:6379';
const profileFile = option('cpu-prof');
if (![calls, concurrency, claims, pool, rate ?? 1].every((n) => Number.isInteger(n) && n >= 1))
  throw new Error('--calls, --concurrency, --rate, --claims and --pool are positive integers');
if (busKind !== 'redis' && busKind !== 'memory') throw new Error('--bus is redis or memory');

// ---------------------------------------------------------------------------------------------------------------
// Every statement the process sends, and every transaction with the statements and time it held its connection for.
type Kind = 'advance' | 'relay' | 'other';
interface Open {
  kind: Kind;
  started: number;
  statements: number;
}
const counters = { statements: 0, inTransactions: 0 };
const closed: { kind: Kind; statements: number; ms: number }[] = [];
const open = new WeakMap<object, Open>();
let measuring = false;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: object, ...args: unknown[]) {
  if (!measuring) return query.apply(this, args);
  const first = args[0];
  const sql = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
  counters.statements++;
  let tx = open.get(this);
  if (sql === 'BEGIN') {
    tx = { kind: 'other', started: performance.now(), statements: 0 };
    open.set(this, tx);
  }
  if (tx) {
    tx.statements++;
    counters.inTransactions++;
    if (sql.includes('pg_try_advisory_xact_lock')) tx.kind = 'relay';
    else if (tx.kind === 'other' && /"Claim"|"ClaimStatusChange"/.test(sql)) tx.kind = 'advance';
    if (sql === 'COMMIT' || sql === 'ROLLBACK') {
      closed.push({ kind: tx.kind, statements: tx.statements, ms: performance.now() - tx.started });
      open.delete(this);
    }
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

// ---------------------------------------------------------------------------------------------------------------
const run = randomUUID().slice(0, 8);
const database = `abri_bench_${run}`;
const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const url = new URL(databaseUrl);
url.pathname = `/${database}`;
const bus = busKind === 'redis' ? createRedisBus(redisUrl, { prefix: `abri:bench:${run}:` }) : createMemoryBus();
const secrets = await embeddedSecrets(null);
const db = { kind: 'postgres' as const, url: url.toString(), schema: 'claims', maxConnections: pool };
const service = createClaimsService({
  db,
  bus,
  hopKeys: secrets.hopSecrets.keysFor('claims'),
  log: createLogger('claims', { silent: true }),
  keyring: secrets.keyring,
});
try {
  await applyMigrations(db, prismaProject('claims'));
  await seedClaims(service.app, new Date());
  // Copies of Camille's claim (its sealed fields copied as they are), one per customer, ACKNOWLEDGED.
  const seedDb = new pg.Client({ connectionString: url.toString() });
  await seedDb.connect();
  const columns = (
    await seedDb.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'claims' AND table_name = 'Claim'
       ORDER BY ordinal_position`,
    )
  ).rows.map((r) => r.column_name);
  const set: Record<string, string> = {
    id: 'gen_random_uuid()::text',
    reference: `'BENCH-' || lpad(n::text, 6, '0')`,
    customerId: 'gen_random_uuid()::text',
    status: `'ACKNOWLEDGED'`,
  };
  await seedDb.query(
    `INSERT INTO "claims"."Claim" (${columns.map((c) => `"${c}"`).join(', ')})
     SELECT ${columns.map((c) => set[c] ?? `t."${c}"`).join(', ')}
     FROM "claims"."Claim" t, generate_series(1, $1::int) AS n WHERE t.id = $2`,
    [claims, DEMO.camilleClaimId],
  );
  const ids = (
    await seedDb.query<{ id: string }>(`SELECT id FROM "claims"."Claim" WHERE reference LIKE 'BENCH-%' ORDER BY id`)
  ).rows.map((r) => r.id);
  await seedDb.end();

  const served = await service.start(0, '127.0.0.1');
  const adjuster: Identity = {
    sub: DEMO.adjuster.staffId,
    sid: randomUUID(),
    roles: ['ADJUSTER'],
    exp: Math.floor(Date.now() / 1000) + 3600,
  };
  const MUTATION =
    'mutation($i: AdvanceClaimInput!) { advanceClaim(input: $i) { __typename ... on AdvanceClaimSuccess { claim { id status } } } }';
  const moves = new Map<string, number>();
  async function advance(claimId: string): Promise<string> {
    const n = moves.get(claimId) ?? 0;
    moves.set(claimId, n + 1);
    const to = n % 2 === 0 ? 'DOCUMENTS_REQUESTED' : 'ACKNOWLEDGED';
    const body = JSON.stringify({ query: MUTATION, variables: { i: { claimId, to } } });
    const signature = signHop(secrets.hopSecrets, 'claims', {
      use: 'http',
      bh: sha256(body),
      who: adjuster,
      client: { ip: '127.0.0.1', userAgent: 'claims-writes-bench' },
    });
    const response = await fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HOP_HEADER]: signature },
      body,
    });
    const answer = (await response.json()) as {
      data?: { advanceClaim?: { __typename: string } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    return answer.errors?.[0]?.extensions?.code ?? answer.data?.advanceClaim?.__typename ?? `HTTP ${response.status}`;
  }

  // A few calls first, so the measured ones do not pay for compiling queries.
  for (const id of ids.slice(0, 20)) await advance(id);
  const load = loadavg()[0]!.toFixed(2);
  const outcomes = new Map<string, number>();
  const durations: number[] = [];
  const one = async (i: number) => {
    const started = performance.now();
    const outcome = await advance(ids[(20 + i) % ids.length]!).catch((error: Error) => error.message);
    durations.push(performance.now() - started);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  };
  const inspector = new Session();
  if (profileFile) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  measuring = true;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  if (rate) {
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < calls; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(one(i));
    }
    await Promise.all(inFlight);
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < calls) await one(next++);
      }),
    );
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (profileFile) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    inspector.disconnect();
  }
  // The relay publishes what the last calls wrote.
  await new Promise((r) => setTimeout(r, 1500));
  measuring = false;

  const sorted = (values: number[]) => Float64Array.from(values).sort();
  const pct = (s: Float64Array, q: number) => (s.length ? s[Math.max(0, Math.ceil(q * s.length) - 1)]! : Number.NaN);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const calls_ = sorted(durations);
  console.log(
    `claims-writes: ${calls} advanceClaim, ${rate ? `${rate}/s` : `${concurrency} in flight`}, pool ${pool}, ` +
      `${busKind} bus, ${ids.length} claims; load average ${load} → ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log(`  outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `  per call: p50 ${ms(pct(calls_, 0.5))}, p90 ${ms(pct(calls_, 0.9))}, p99 ${ms(pct(calls_, 0.99))}; ` +
      `${((calls * 1000) / elapsed).toFixed(1)} calls/s over ${(elapsed / 1000).toFixed(1)} s; ` +
      `${((cpu.user + cpu.system) / 1000 / calls).toFixed(2)} ms of CPU a call (this process: claims and its callers)`,
  );
  console.log(
    `  statements: ${(counters.statements / calls).toFixed(2)} per call, of which ` +
      `${(counters.inTransactions / calls).toFixed(2)} in transactions`,
  );
  for (const kind of ['advance', 'relay', 'other'] as const) {
    const txs = closed.filter((t) => t.kind === kind);
    if (!txs.length) continue;
    const held = sorted(txs.map((t) => t.ms));
    const statements = sorted(txs.map((t) => t.statements));
    console.log(
      `  ${kind} transactions: ${txs.length}, statements p50 ${pct(statements, 0.5)} (max ${pct(statements, 1)}), ` +
        `connection held p50 ${ms(pct(held, 0.5))}, p99 ${ms(pct(held, 0.99))}, ` +
        `total ${(held.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`,
    );
  }
} finally {
  measuring = false;
  await service.stop();
  await bus.close();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  await admin.end();
}
