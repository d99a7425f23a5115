// A migrated, empty database image for each set of subgraphs: a database in memory (a system for a test file, a
// subgraph's harness for a test) starts from a copy of it (`loadDataDir`), where initdb and the migrations took
// seconds of CPU each time. The migrations still run after, and find nothing to do (or what the image lacks).
// Made once per process; with ABRI_IMAGE_CACHE_DIR set (the test runs set it), once per machine for as long as the
// migrations and PGlite stay the same: the processes of a run, and the next runs, read it from there.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { applyMigrations, closePglite, openPglite } from '@abri/platform';
import { prismaProject, type SubgraphName } from './projects.ts';

const images = new Map<string, Promise<Blob>>();

export function migratedImage(names: readonly SubgraphName[]): Promise<Blob> {
  const key = names.join('+');
  let image = images.get(key);
  if (!image) {
    const cacheDir = process.env['ABRI_IMAGE_CACHE_DIR'];
    image = cacheDir ? cachedImage(cacheDir, names) : buildImage(names);
    images.set(key, image);
    image.catch(() => images.delete(key));
  }
  return image;
}

async function buildImage(names: readonly SubgraphName[]): Promise<Blob> {
  const dir = `memory://image-${names.join('+')}-${Math.random()}`;
  const pglite = await openPglite(dir);
  try {
    for (const name of names) await applyMigrations({ kind: 'pglite', pglite, schema: name }, prismaProject(name));
    return await pglite.dumpDataDir('none');
  } finally {
    await closePglite(dir);
  }
}

/** The image from `cacheDir`, named by what makes it (PGlite's version, the migrations); made and stored if absent. */
async function cachedImage(cacheDir: string, names: readonly SubgraphName[]): Promise<Blob> {
  const pgliteDir = dirname(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
  const hash = createHash('sha256').update(readFileSync(join(pgliteDir, 'package.json')));
  for (const name of names) {
    const { migrationsDir } = prismaProject(name);
    for (const file of readdirSync(migrationsDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort())
      hash.update(`${name}:${file.slice(migrationsDir.length)}\n`).update(readFileSync(file));
  }
  const path = join(cacheDir, `${names.join('+')}-${hash.digest('hex').slice(0, 16)}.tar`);
  try {
    return new Blob([readFileSync(path)]);
  } catch {
    const image = await buildImage(names);
    mkdirSync(cacheDir, { recursive: true });
    // Written aside then renamed: a process reading it meanwhile sees the whole file or none.
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    renameSync(partial, path);
    // Images of earlier migrations are of no further use: 40 MB each.
    for (const old of readdirSync(cacheDir))
      if (old.startsWith(`${names.join('+')}-`) && old.endsWith('.tar') && join(cacheDir, old) !== path)
        rmSync(join(cacheDir, old), { force: true });
    return image;
  }
}
