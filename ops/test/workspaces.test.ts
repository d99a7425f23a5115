// The workspaces as npm and the bundler see them: every entry a package.json exports is a file that exists (an
// entry naming a moved or deleted file only fails when someone imports it, far from the change), and the subgraph
// registry agrees with the packages it names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, SUBGRAPHS } from '@abri/platform';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../prisma/projects.ts';

interface Manifest {
  name: string;
  exports?: string | Record<string, string | Record<string, string>>;
}
const manifest = (dir: string) => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;

/** The root's `workspaces`, globs (`subgraphs/*`) expanded to the folders holding a package.json. */
const workspaces = (manifest('.') as Manifest & { workspaces: string[] }).workspaces.flatMap((pattern) =>
  pattern.endsWith('/*')
    ? readdirSync(join(ROOT, pattern.slice(0, -2)))
        .map((child) => `${pattern.slice(0, -2)}/${child}`)
        .filter((dir) => existsSync(join(ROOT, dir, 'package.json')))
    : [pattern],
);

/** Every file path an `exports` field names, conditions (`node`, `default`) included. */
const targets = (exports: Manifest['exports']): string[] =>
  exports === undefined
    ? []
    : typeof exports === 'string'
      ? [exports]
      : Object.values(exports).flatMap((value) => (typeof value === 'string' ? [value] : targets(value)));

describe('workspace packages', () => {
  it('include the dev kits beside the services', () => {
    expect(workspaces).toEqual(expect.arrayContaining(['platform', 'gateway', 'dev/embedded', 'dev/testkit']));
  });

  it.each(workspaces)('%s exports only files that exist', (dir) => {
    const missing = targets(manifest(dir).exports).filter((target) => !existsSync(join(ROOT, dir, target)));
    expect(missing).toEqual([]);
  });
});

describe('subgraph registry', () => {
  it.each(SUBGRAPH_NAMES)('names the package, folder and gateway setting of %s', (name) => {
    const entry = SUBGRAPHS[name];
    expect(entry.dir).toBe(`subgraphs/${name}`);
    expect(manifest(entry.dir).name).toBe(entry.package);
    expect(entry.urlSetting).toBe(`${name.toUpperCase()}_URL`);
  });

  it('gives every service its own default port', () => {
    const ports = Object.values(DEFAULT_PORTS);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
