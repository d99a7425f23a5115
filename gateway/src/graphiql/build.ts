// Bundles the staff GraphiQL (GraphiQL 5, its Monaco editors and their workers, the sign-in and saved-operations
// panels) into gateway/dist/graphiql, which the gateway serves as is: nothing is loaded from outside (no CDN).
// Run by `npm run generate` (so by `npm start` and `npm test`); skipped when the bundle is newer than its sources.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { GRAPHIQL_DIST } from './paths.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The newest modification time under a folder. */
const newest = (dir: string): number =>
  Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );

export async function buildGraphiql({ force = false } = {}): Promise<boolean> {
  const stamp = join(GRAPHIQL_DIST, 'app.js');
  const lockfile = join(here, '..', '..', '..', 'package-lock.json');
  if (
    !force &&
    existsSync(stamp) &&
    statSync(stamp).mtimeMs > Math.max(newest(here), existsSync(lockfile) ? statSync(lockfile).mtimeMs : 0)
  )
    return false;
  mkdirSync(GRAPHIQL_DIST, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    format: 'esm' as const,
    platform: 'browser' as const,
    target: 'es2022',
    outdir: GRAPHIQL_DIST,
    logLevel: 'warning' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.ttf': 'file' as const },
  };
  await build({ ...common, entryPoints: { app: join(here, 'app', 'main.ts') } });
  // Monaco runs its language services in workers, each its own bundle.
  await build({
    ...common,
    entryPoints: {
      'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
    },
  });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await buildGraphiql({ force: process.argv.includes('--force') });
  console.log(built ? `GraphiQL bundled in ${GRAPHIQL_DIST}` : 'GraphiQL bundle up to date');
}
