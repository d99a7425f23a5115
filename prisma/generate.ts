// Generates each subgraph's Prisma client and Pothos types. The Prisma CLI insists on a schema-engine binary even for
// `generate`, which needs none; it cannot be downloaded here, so a stub stands in (migrations use the wasm engine).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { prismaDir, SUBGRAPHS } from './projects.ts';

const stub = fileURLToPath(new URL('./schema-engine-stub.sh', import.meta.url));
for (const name of SUBGRAPHS) {
  execFileSync('npx', ['prisma', 'generate', '--schema', `${prismaDir(name)}/schema.prisma`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
console.log(`prisma clients generated for ${SUBGRAPHS.join(', ')}`);
