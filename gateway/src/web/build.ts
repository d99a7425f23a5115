// Builds the web customer space when its build is missing or older than its sources: `npm start` and the browser
// tests call this once, so a fresh checkout serves the app at / without a separate step. The typed documents are
// generated first (the build embeds them).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT } from '../../../prisma/projects.ts';

export const WEB_ROOT = join(ROOT, 'clients', 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'codegen.ts', 'package.json'];
const SCHEMA = join(ROOT, 'schema', 'supergraph.graphql');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** True when dist/index.html exists and is newer than every source file and the supergraph. */
export function webBuildIsCurrent(): boolean {
  const built = join(WEB_DIST, 'index.html');
  if (!existsSync(built)) return false;
  const sources = Math.max(newest(SCHEMA), ...SOURCES.map((s) => newest(join(WEB_ROOT, s))));
  return statSync(built).mtimeMs >= sources;
}

function run(bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // A production build whatever runs it (vitest sets NODE_ENV=test, which would give React's development build).
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: WEB_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

/** A package's executable, resolved from the web workspace (its dev dependencies). */
function binOf(pkg: string, file: string): string {
  const require = createRequire(join(WEB_ROOT, 'package.json'));
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Builds clients/web into dist/ unless the build is current; returns the directory to serve. */
export async function ensureWebBuild(): Promise<{ dir: string; built: boolean }> {
  if (webBuildIsCurrent()) return { dir: WEB_DIST, built: false };
  await run(binOf('@graphql-codegen/cli', 'esm/bin.js'), ['--config', 'codegen.ts']);
  await run(binOf('vite', 'bin/vite.js'), ['build', '--logLevel', 'warn']);
  return { dir: WEB_DIST, built: true };
}
