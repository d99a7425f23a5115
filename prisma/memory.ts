// A subgraph's database in memory (PGlite, migrated: a copy of the process's migrated image) and the deps every
// service takes, for tests that run one subgraph's application services without servers: written once here instead of
// in each harness.
import {
  applyMigrations,
  createLogger,
  createMemoryBus,
  embeddedSecrets,
  manualClock,
  memoryPglite,
} from '@abri/platform';
import { migratedImage } from './image.ts';
import { prismaProject, type SubgraphName } from './projects.ts';

export async function memoryService(name: SubgraphName, now: Date) {
  const pglite = await memoryPglite(await migratedImage([name]));
  const db = { kind: 'pglite' as const, pglite, schema: name };
  await applyMigrations(db, prismaProject(name));
  const secrets = await embeddedSecrets(null);
  const clock = manualClock(now);
  return {
    pglite,
    secrets,
    clock,
    deps: {
      db,
      bus: createMemoryBus(),
      hopKeys: secrets.hopSecrets.keysFor(name),
      log: createLogger(name, { silent: true }),
      clock,
      keyring: secrets.keyring,
      blindIndexKey: secrets.blindIndexKey,
    },
  };
}
