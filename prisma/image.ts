// A migrated, empty database image, made once per process for each set of subgraphs: a database in memory (a system
// for a test file, a subgraph's harness for a test) starts from a copy of it (`loadDataDir`), where initdb and the
// migrations took seconds of CPU each time. The migrations still run after, and find nothing to do.
import { applyMigrations, closePglite, openPglite } from '@abri/platform';
import { prismaProject, type SubgraphName } from './projects.ts';

const images = new Map<string, Promise<Blob>>();

export function migratedImage(names: readonly SubgraphName[]): Promise<Blob> {
  const key = names.join(',');
  let image = images.get(key);
  if (!image) {
    image = (async () => {
      const dir = `memory://image-${key}-${Math.random()}`;
      const pglite = await openPglite(dir);
      try {
        for (const name of names) await applyMigrations({ kind: 'pglite', pglite, schema: name }, prismaProject(name));
        return await pglite.dumpDataDir('none');
      } finally {
        await closePglite(dir);
      }
    })();
    images.set(key, image);
    image.catch(() => images.delete(key));
  }
  return image;
}
