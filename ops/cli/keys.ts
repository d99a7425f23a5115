// `npm run keys`: fresh production keys for every service at once (each subgraph's hop keys are derived from the
// gateway's hop secrets), and the settings each service needs that are not keys.
// `npm run keys -- --env-dir <dir>`: the keys only, one env file per service (`<dir>/<service>.env`, mode 600), for
// Compose (compose.yaml reads ops/compose/secrets) or Kubernetes Secrets; existing files are kept, never overwritten.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateKeys, renderEnvFile, renderKeys } from '../keys.ts';
import type { ProductionService } from '../services.ts';

const { values } = parseArgs({ options: { 'env-dir': { type: 'string' } } });
const set = await generateKeys();
const dir = values['env-dir'];
if (!dir) {
  process.stdout.write(renderKeys(set));
} else {
  const files = Object.keys(set).map((service) => join(dir, `${service}.env`));
  const existing = files.filter((file) => existsSync(file));
  if (existing.length) {
    // Keys of one deployment belong together (subgraphs' hop keys come from the gateway's secrets): all new or none.
    console.error(`Kept as they are (delete them all to make new keys): ${existing.join(', ')}`);
    process.exit(existing.length === files.length ? 0 : 1);
  }
  mkdirSync(dir, { recursive: true });
  for (const [service, lines] of Object.entries(set)) {
    const file = join(dir, `${service}.env`);
    writeFileSync(file, renderEnvFile(service as ProductionService, lines), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  console.log(`Keys written: ${files.join(', ')}`);
}
