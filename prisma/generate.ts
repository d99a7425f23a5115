// Generates each subgraph's Prisma client and Pothos types. The Prisma CLI insists on a schema-engine binary even for
// `generate`, which needs none; it cannot be downloaded here, so a stub stands in (migrations use the wasm engine).
// `npm start` and `npm test` run this first: a client already generated from the same schema and Prisma version is
// kept (a stamp beside it says from what), and the others are generated side by side.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { prismaDir, SUBGRAPHS } from './projects.ts';

const stub = fileURLToPath(new URL('./schema-engine-stub.sh', import.meta.url));
const prismaVersion = (createRequire(import.meta.url)('prisma/package.json') as { version: string }).version;
const force = process.argv.includes('--force');

const stampOf = (name: (typeof SUBGRAPHS)[number]) =>
  createHash('sha256')
    .update(prismaVersion)
    .update(readFileSync(join(prismaDir(name), 'schema.prisma')))
    .digest('hex');
const stampFile = (name: (typeof SUBGRAPHS)[number]) => join(prismaDir(name), 'generated', '.stamp');

const stale = SUBGRAPHS.filter(
  (name) => force || !existsSync(stampFile(name)) || readFileSync(stampFile(name), 'utf8') !== stampOf(name),
);
await Promise.all(
  stale.map(async (name) => {
    await promisify(execFile)('npx', ['prisma', 'generate', '--schema', `${prismaDir(name)}/schema.prisma`], {
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
    writeFileSync(stampFile(name), stampOf(name));
  }),
);
console.log(
  stale.length
    ? `prisma clients generated for ${stale.join(', ')}`
    : `prisma clients up to date for ${SUBGRAPHS.join(', ')}`,
);
