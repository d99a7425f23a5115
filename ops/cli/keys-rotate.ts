// `npm run keys:rotate -- <users|policies|claims|payments>`: re-encrypts under the current key (the first of
// ENCRYPTION_KEYS) every sealed value of one subgraph still under an older key or in clear, in batches, while the
// service keeps serving. Run it with the service's own environment, after the service runs with the new keys (see
// README, "Key rotation"). It keeps nothing between runs: stopped, it starts again where values are still stale.
// Exit status: 0 done (every value under the current key), 1 failed, 2 wrong usage, 3 values left under an old key
// (an instance still writes with the old keys: run again once every instance has the new ones).
import { parseArgs } from 'node:util';
import { EnvError, parseEnv, parseKeyring } from '@abri/platform';
import { z } from 'zod';
import { SUBGRAPHS, type SubgraphName } from '../../prisma/projects.ts';
import { openResealer } from '../rotation/open.ts';
import { SERVICE_ENVS } from '../services.ts';

const USAGE = `usage: npm run keys:rotate -- ${SUBGRAPHS.join('|')} [--batch <rows>]
  with that service's environment (DATABASE_URL, ENCRYPTION_KEYS, and BLIND_INDEX_KEY or ATTACHMENTS_DIR where it has them)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { batch: { type: 'string', default: '200' } },
});
const name = positionals[0] as SubgraphName | undefined;
const batch = Number(values.batch);
if (!name || !SUBGRAPHS.includes(name) || !Number.isInteger(batch) || batch < 1) {
  console.error(USAGE);
  process.exit(2);
}

const shape = SERVICE_ENVS[name].shape as Record<string, z.ZodType>;
const wanted = ['DATABASE_URL', 'ENCRYPTION_KEYS', 'BLIND_INDEX_KEY', 'ATTACHMENTS_DIR'].filter((key) => key in shape);
let env: Record<string, string | undefined>;
try {
  env = parseEnv(z.object(Object.fromEntries(wanted.map((key) => [key, shape[key]!])))) as typeof env;
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const keyring = parseKeyring(env.ENCRYPTION_KEYS!);
const resealer = await openResealer(name, {
  db: { kind: 'postgres', url: env.DATABASE_URL!, schema: name, maxConnections: 2 },
  keyring,
  ...(env.BLIND_INDEX_KEY ? { blindIndexKey: Buffer.from(env.BLIND_INDEX_KEY, 'base64') } : {}),
  ...(env.ATTACHMENTS_DIR ? { attachmentsDir: env.ATTACHMENTS_DIR } : {}),
});
const started = performance.now();
try {
  console.error(`${name}: re-encrypting under key ${keyring.current}`);
  const report = await resealer.reseal({
    batch,
    onProgress: (p) => console.error(`  ${p.model}.${p.field}: ${p.resealed} re-encrypted, ${p.skipped} skipped`),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${name}: ${report.resealed} values re-encrypted in ${seconds.toFixed(1)} s (${Math.round(report.resealed / Math.max(seconds, 0.001))}/s), ${report.skipped} changed meanwhile, ${report.remaining} still under an old key`,
  );
  process.exitCode = report.remaining ? 3 : 0;
} catch (error) {
  console.error(`${name}: re-encryption failed: ${String(error)}`);
  process.exitCode = 1;
} finally {
  await resealer.stop();
}
