// Push notifications to many closed devices: N Web Push registrations of one customer, `events` claim moves, and for
// each move the delay from advanceClaim to the first and to the last push received, and the pushes per second.
//   npx tsx bench/push.ts [devices=1000] [events=3]
// The system runs embedded (gateway + four subgraphs, PGlite, demo data) in this process, with a local push service
// on 127.0.0.1 that counts what it receives and decrypts the first push of each move (RFC 8291) to check it. Every
// push is really encrypted (a fresh ECDH key per message) and carries a VAPID token; the local service answers at
// once, so the figure is Abri's cost per push, not a real push service's latency.

import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startEmbedded } from '@abri/embedded';
import { DEMO, encryptField, sha256 } from '@abri/platform';
import { adjuster, advance, customer, FREE_PORTS } from '@abri/testkit';
import { secretContext } from '../subgraphs/users/src/app/push-devices.ts';
import { deviceAddress } from '../subgraphs/users/src/domain/push-device.ts';
import { generateVapidKey } from '../subgraphs/users/src/push/web-push.ts';
import { decryptWebPush } from '../subgraphs/users/test/push-receiver.ts';

const devices = Number(process.argv[2] ?? 1000);
const events = Number(process.argv[3] ?? 3);
if (!(devices >= 1 && events >= 1)) throw new Error('usage: push.ts [devices>=1] [events>=1]');

// The receiving browsers: one key pair for all (each subscription has its own endpoint), as a push service sees it.
const ua = createECDH('prime256v1');
ua.generateKeys();
const auth = randomBytes(16);
let received = 0;
let waiter: { count: number; resolve: () => void } | undefined;
const checked: string[] = [];
const firstAt: number[] = [];
const receiver = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  received++;
  if ((received - 1) % devices === 0) {
    firstAt.push(performance.now());
    checked.push(
      (JSON.parse(decryptWebPush(Buffer.concat(chunks), ua.getPrivateKey(), auth).toString()) as { body: string }).body,
    );
  }
  res.writeHead(201).end();
  if (waiter && received >= waiter.count) waiter.resolve();
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

const vapid = generateVapidKey();
const system = await startEmbedded({
  dataDir: null,
  ports: FREE_PORTS,
  silent: true,
  push: { vapid, allowHttpEndpoints: true },
});
const url = system.gateway.url;
const users = system.services.users.app;
const camille = await customer(url, 'camille');
const { data } = await camille.request<{ me: { sessions: { id: string; current: boolean }[] } }>(
  '{ me { sessions { id current } } }',
);
const sessionId = data!.me.sessions.find((s) => s.current)!.id;
const staff = await adjuster(url);

// Registered as registerPushDevice stores them, in bulk (one mutation each would measure sign-up, not push).
const started = performance.now();
for (let from = 0; from < devices; from += 1000) {
  const rows = Array.from({ length: Math.min(1000, devices - from) }, (_, i) => {
    const id = randomUUID();
    const device = {
      channel: 'WEB_PUSH' as const,
      endpoint: `${origin}/push/${from + i}`,
      p256dh: ua.getPublicKey().toString('base64url'),
      auth: auth.toString('base64url'),
    };
    return {
      id,
      customerId: DEMO.camille.customerId,
      sessionId,
      channel: device.channel,
      endpointHash: sha256(deviceAddress(device)),
      secret: encryptField(users.keyring, JSON.stringify(device), secretContext(id)),
    };
  });
  await users.prisma.pushDevice.createMany({ data: rows });
}
console.log(`${devices} devices registered in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const rounds: { first: number; last: number }[] = [];
for (let e = 0; e < events; e++) {
  const target = (e + 1) * devices;
  const done = new Promise<void>((resolve) => {
    waiter = { count: target, resolve };
  });
  const t0 = performance.now();
  const status = e % 2 === 0 ? 'DOCUMENTS_REQUESTED' : 'ACKNOWLEDGED';
  // A kept-alive connection may have been closed by the gateway while this process was busy: once more on a new one.
  await advance(staff, DEMO.camilleClaimId, status).catch(() => advance(staff, DEMO.camilleClaimId, status));
  await Promise.race([
    done,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${received} of ${target} pushes`)), 600_000)),
  ]);
  rounds.push({ first: firstAt[e]! - t0, last: performance.now() - t0 });
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
console.log(`machine: ${availableParallelism()} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()[0]!.toFixed(2)}`);
for (const [i, r] of rounds.entries())
  console.log(
    `move ${i + 1}: first push ${ms(r.first)}, last push ${ms(r.last)}, ` +
      `${((devices / r.last) * 1000).toFixed(0)} pushes/s (whole event), ` +
      `${((devices / Math.max(1, r.last - r.first)) * 1000).toFixed(0)} pushes/s (first to last)`,
  );
console.log(`checked: ${[...new Set(checked)].join(' | ')}`);
// The last pushes' bookkeeping may still be running when their bodies have arrived.
for (let i = 0; i < 100 && users.push.stats.delivered < devices * events; i++)
  await new Promise((r) => setTimeout(r, 50));
console.log(`dispatcher: ${JSON.stringify(users.push.stats)}`);
await system.stop();
receiver.closeAllConnections();
receiver.close();
process.exit(0);
