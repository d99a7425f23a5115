// What `npm run build:server` compiles and how `npm start` knows the compiled services are current: plain JavaScript,
// so this check itself needs no TypeScript compilation.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILD_DIR = join(ROOT, 'dist', 'server');
/** Written last by the build: the Node version and every source file the build was made from. */
export const BUILD_RECORD = join(BUILD_DIR, 'build.json');

/**
 * The subgraphs, from their folders: plain JavaScript cannot import the registry (`@abri/platform/subgraphs`), and
 * subgraphs/test/skeleton.test.ts proves the folders and the registry name the same subgraphs.
 */
function subgraphFolders() {
  return readdirSync(join(ROOT, 'subgraphs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'subgraphs', entry.name, 'src', 'main.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** One JavaScript file per process: `node dist/server/<name>.js`. */
export const BUILD_ENTRIES = {
  start: 'dev/embedded/src/start.ts',
  gateway: 'gateway/src/main.ts',
  ...Object.fromEntries(subgraphFolders().map((name) => [name, `subgraphs/${name}/src/main.ts`])),
  migrate: 'prisma/migrate.ts',
  admin: 'ops/cli/admin.ts',
  keys: 'ops/cli/keys.ts',
  /** For `npm start --prepare`: ensureWebBuild. */
  'web-build': 'gateway/src/web/build.ts',
};

const files = (dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(ROOT.length));

/**
 * Inputs the bundle does not list but depends on: the lock file (packages), the Prisma schemas (the generated clients)
 * and the staff GraphiQL sources (bundled apart by `npm run generate`).
 */
export const watchedInputs = () => [
  'package-lock.json',
  ...subgraphFolders().map((name) => `prisma/${name}/schema.prisma`),
  ...files('gateway/src/graphiql'),
];

/** Why the compiled services must be built again, or null when they are current. */
export function staleReason() {
  if (!existsSync(BUILD_RECORD)) return 'not built yet';
  const builtAt = statSync(BUILD_RECORD).mtimeMs;
  const { node, inputs } = JSON.parse(readFileSync(BUILD_RECORD, 'utf8'));
  if (node !== process.version) return `built with Node ${node}`;
  for (const input of [...inputs, ...watchedInputs()]) {
    const path = join(ROOT, input);
    if (!existsSync(path)) return `${input} is gone`;
    if (statSync(path).mtimeMs > builtAt) return `${input} changed`;
  }
  return null;
}

/** Compiles the services when they are not current (`npm run build:server`); true when they are current after. */
export function ensureServerBuild({ quiet = false } = {}) {
  const reason = staleReason();
  if (!reason) return true;
  if (!quiet) console.log(`Compiling the services (${reason})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: quiet ? 'pipe' : 'inherit' });
  if (run.status !== 0 && quiet) process.stderr.write(`${run.stdout}${run.stderr}`);
  return run.status === 0;
}
