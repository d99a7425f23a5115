// Faults with devices connected, the longer variant of gateway/test/faults.chaos.test.ts: separate processes on
// PostgreSQL and a Redis of its own, N devices of one customer spread over two gateway replicas (half of them the
// test's own resumable client, half apps on the SDK's follow() behind a balancer), an adjuster moving
// a claim without pause, and one fault after another. For each fault: the moves made across it, deliveries, lost,
// doubled and reordered events (over all devices), and the recovery time: from the fault to the moment every device
// has the first move made after it.
//   ABRI_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npx tsx bench/chaos.ts [devices=40] [moves=12]
import { DEMO } from '@abri/platform';
import { adjuster, customer } from '@abri/testkit';
import { type Balancer, startBalancer } from '@abri/testkit/balancer';
import { moveClaim } from '@abri/testkit/claim-mover';
import { audit, type Device, followDevice, followWithSdk } from '@abri/testkit/device';
import { startProcessSystem } from '@abri/testkit/processes';
import { testServices } from '@abri/testkit/services';
import { startRedisServer } from '../platform/test/redis-server.ts';

const devicesCount = Number(process.argv[2] ?? 40);
const movesPerFault = Number(process.argv[3] ?? 12);
const services = await testServices();
if (!services.databaseUrl) throw new Error('set ABRI_TEST_DATABASE_URL (PostgreSQL) to run the fault benchmark');
const redis = await startRedisServer();
const system = await startProcessSystem({ databaseUrl: services.databaseUrl, redisUrl: redis.url, busPrefix: 'abri:' });
const [a, b] = system.gateways;
const staff = await adjuster(b);
const camille = await customer(b, 'camille');
const mover = moveClaim({ urls: [a, b], staffToken: staff.accessToken!, claimId: DEMO.camilleClaimId });
const QUERY = `subscription($after: String) {
  claimStatusChanged(after: $after) { cursor status claim { id policy { number } } }
}`;
const pick = (data: Record<string, unknown>) => {
  const e = data.claimStatusChanged as { cursor: string; status: string };
  return { cursor: e.cursor, value: e.status };
};
const balancers: Balancer[] = [await startBalancer([a, b]), await startBalancer([b, a])];
const devices: Device[] = [];
for (let i = 0; i < devicesCount; i++) {
  if (i % 4 < 2) {
    devices.push(
      followDevice({
        urls: i % 2 ? [b, a] : [a, b],
        token: () => camille.accessToken!,
        query: QUERY,
        after: 'claims.0',
        pick,
      }),
    );
  } else {
    const app = await customer(balancers[i % 2]!.url, 'camille');
    devices.push(followWithSdk({ client: app, query: QUERY, after: 'claims.0', pick }));
  }
}

const everyDeviceHas = async (count: number) => {
  const deadline = Date.now() + 300_000;
  while (Math.min(...devices.map((d) => new Set(d.received.map((r) => r.cursor)).size)) < count) {
    if (Date.now() > deadline) throw new Error(`devices never got ${count} events`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const faults: { name: string; inject: () => Promise<void>; heal: () => Promise<void> }[] = [
  { name: 'none (baseline)', inject: async () => {}, heal: async () => {} },
  { name: 'Redis killed, back empty', inject: () => redis.restart(), heal: async () => {} },
  { name: 'claims subgraph killed', inject: () => system.kill('claims'), heal: () => system.start('claims') },
  { name: 'policies subgraph killed', inject: () => system.kill('policies'), heal: () => system.start('policies') },
  { name: 'users subgraph killed', inject: () => system.kill('users'), heal: () => system.start('users') },
  { name: 'gateway replica A killed', inject: () => system.kill('gatewayA'), heal: () => system.start('gatewayA') },
];

const rows: string[] = [];
// Lost, doubled and reordered so far over all devices: each row shows what its fault added.
let previous = { lost: 0, doubled: 0, reordered: 0 };
await mover.moves(2);
await everyDeviceHas(2);
for (const fault of faults) {
  const before = mover.done.length;
  const deliveredBefore = devices.reduce((n, d) => n + d.received.length, 0);
  const half = Math.floor(movesPerFault / 2);
  await mover.moves(half);
  const t0 = performance.now();
  await fault.inject();
  const firstAfter = mover.done.length + 1;
  const moving = mover.moves(movesPerFault - half);
  await fault.heal();
  await moving;
  await everyDeviceHas(firstAfter);
  const recoveryMs = performance.now() - t0;
  await everyDeviceHas(mover.done.length);
  const expected = mover.done;
  const totals = devices.map((d) => audit(expected, d.received));
  const now = {
    lost: totals.reduce((n, t) => n + t.lost, 0),
    doubled: totals.reduce((n, t) => n + t.doubled, 0),
    reordered: totals.reduce((n, t) => n + t.reordered, 0),
  };
  const added = (k: keyof typeof now) => now[k] - previous[k];
  previous = now;
  const delivered = devices.reduce((n, d) => n + d.received.length, 0) - deliveredBefore;
  rows.push(
    `| ${fault.name} | ${mover.done.length - before} | ${delivered} | ${added('lost')} | ${added('doubled')} | ${added('reordered')} | ${(recoveryMs / 1000).toFixed(2)} s |`,
  );
  console.error(rows.at(-1));
}

console.log(`\n${devicesCount} devices over two gateway replicas, ${movesPerFault} moves per fault\n`);
console.log('| fault | moves | deliveries | lost | doubled | reordered | recovery |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
for (const device of devices) await device.stop();
for (const balancer of balancers) await balancer.stop();
await system.stop();
await redis.stop();
await services.dispose();
