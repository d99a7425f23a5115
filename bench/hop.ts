// What one hop's signature costs: the gateway signs every call to a subgraph (5 a dashboard) and the subgraph
// verifies it. Now: HS256 with the subgraph's own derived key (platform/src/hop.ts). Before, for comparison: the
// Ed25519 compact JWS it replaced, built the same way (header encoded once, key object made once, node:crypto
// one-shot sign and verify, the same claim checks). Same claims for both: a dashboard hop's body hash, identity and
// client. Each figure is the median over batches of 100 calls, after a warm-up; answers are checked first.
//   npx tsx bench/hop.ts [calls=50000]
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import {
  generateHopSecret,
  type HopClaims,
  type Identity,
  parseHopKeys,
  parseHopSecrets,
  sha256,
  signHop,
  verifyHop,
} from '@abri/platform';
import { percentile } from './lib/load.ts';
import { DASHBOARD } from './lib/queries.ts';

const calls = Number(process.argv[2] ?? 50_000);
const BATCH = 100;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadBefore = load();

const who: Identity = {
  sub: 'c0ffee00-0000-4000-8000-000000000001',
  sid: 's1',
  roles: ['CUSTOMER'],
  exp: 1_900_000_000,
};
const body = JSON.stringify({ query: DASHBOARD, variables: {} });
const claims: HopClaims = {
  use: 'http',
  bh: sha256(body),
  who,
  client: { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
};
const expected = { use: 'http' as const, bodyHash: sha256(body) };

// Now: the gateway's secrets, and the key the policies subgraph is configured with.
const secrets = parseHopSecrets(generateHopSecret());
const policiesKeys = parseHopKeys(secrets.keysSetting('policies'));

// Before: the Ed25519 hop as it was (platform/src/hop.ts up to b8a9497).
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const edHeader = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'k1' })).toString('base64url');
function edSign(audience: string, hop: HopClaims, now = new Date()) {
  const iat = Math.floor(now.getTime() / 1000);
  const payload = Buffer.from(
    JSON.stringify({ ...hop, iss: 'abri-gateway', aud: audience, iat, exp: iat + 60 }),
  ).toString('base64url');
  const input = `${edHeader}.${payload}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}
function edVerify(audience: string, jws: string, want: typeof expected, now = new Date()) {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const { alg, crit } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
    alg?: unknown;
    crit?: unknown;
  };
  if (alg !== 'EdDSA' || crit !== undefined) throw new Error('header');
  if (!verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url')))
    throw new Error('signature');
  const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const seconds = Math.floor(now.getTime() / 1000);
  if (raw.iss !== 'abri-gateway' || raw.aud !== audience || typeof raw.exp !== 'number' || raw.exp <= seconds)
    throw new Error('claims');
  if (raw.use !== want.use || raw.bh !== want.bodyHash) throw new Error('use');
  return { who: raw.who, client: raw.client };
}

// The answers first: each scheme verifies what it signed, and refuses the other's token.
const hs = signHop(secrets, 'policies', claims);
const ed = edSign('policies', claims);
if (JSON.stringify(verifyHop(policiesKeys, 'policies', hs, expected).who) !== JSON.stringify(who))
  throw new Error('hs');
if (JSON.stringify(edVerify('policies', ed, expected).who) !== JSON.stringify(who)) throw new Error('ed');
let refused = false;
try {
  verifyHop(policiesKeys, 'policies', ed, expected);
} catch {
  refused = true;
}
if (!refused) throw new Error('an EdDSA token passed HS256 verification');

/** Median microseconds per call over batches of BATCH calls, after a warm-up of a tenth. */
function time(run: () => unknown): number {
  for (let i = 0; i < calls / 10; i++) run();
  const samples: number[] = [];
  for (let b = 0; b < calls / BATCH; b++) {
    const t0 = performance.now();
    for (let i = 0; i < BATCH; i++) run();
    samples.push(((performance.now() - t0) * 1000) / BATCH);
  }
  return percentile(
    samples.sort((a, b) => a - b),
    50,
  );
}

const rows = [
  ['sign', time(() => edSign('policies', claims)), time(() => signHop(secrets, 'policies', claims))],
  [
    'verify',
    time(() => edVerify('policies', ed, expected)),
    time(() => verifyHop(policiesKeys, 'policies', hs, expected)),
  ],
] as const;

const cpu = cpus();
console.log(
  `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average ${loadBefore} → ${load()}`,
);
console.log(
  `${calls} calls each, median µs per call over batches of ${BATCH}; token ${hs.length} bytes (HS256), ${ed.length} (EdDSA)\n`,
);
console.log('| step | before: Ed25519 | now: HS256 | ratio |\n|---|---|---|---|');
for (const [step, before, now] of rows)
  console.log(`| ${step} | ${before.toFixed(1)} µs | ${now.toFixed(1)} µs | ${(before / now).toFixed(1)}× |`);
const dashboard = (i: 1 | 2) => rows.reduce((sum, row) => sum + row[i], 0) * 5;
console.log(
  `\na dashboard (5 hops, sign + verify): ${dashboard(1).toFixed(0)} µs before, ${dashboard(2).toFixed(0)} µs now`,
);
