// The Node policy (package.json `engines`) holds for what runs in production: every package the services load
// (the services' workspaces and their dependencies, resolved in the lock file as Node resolves them) accepts every
// Node version the policy allows, or is listed below with why it runs there anyway and the version that was checked.
// A dependency upgrade that narrows its engines fails here; so does an exception that is no longer needed.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface Locked {
  version?: string;
  engines?: { node?: string } | string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  link?: boolean;
  resolved?: string;
}
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, Locked>;
};
const policy = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string };
  }
).engines.node;

/** The services' workspaces: what the image installs (Dockerfile, runtime-deps) and the compiled services import. */
const SERVICE_WORKSPACES = [
  'platform',
  'gateway',
  'subgraphs/users',
  'subgraphs/policies',
  'subgraphs/claims',
  'subgraphs/payments',
];

/**
 * Declared engines that exclude part of the policy, for code that runs on all of it: each checked at this version.
 * geoip-lite 2 raised its engines to Node 24 for its own tooling (node --test, its data updater); the library is
 * plain CommonJS (fs, net) and its lookups run under Node 20 in the users tests. Its 1.4 line accepts Node 20 but
 * ships 2024 data. @whatwg-node/promise-helpers 2 (via @apollo/server's @graphql-tools/schema) uses
 * Promise.withResolvers only when it exists and falls back otherwise (Node 20 lacks it).
 */
const CHECKED_EXCEPTIONS: Record<string, string> = {
  'node_modules/geoip-lite': '2.0.3',
  'node_modules/@whatwg-node/promise-helpers': '2.0.2',
};

/** A dependency as Node finds it from a package's folder: its own node_modules, then each parent's. */
function resolve(from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return null;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

function productionClosure(): Set<string> {
  const seen = new Set<string>();
  const queue = [...SERVICE_WORKSPACES];
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const entry = lock.packages[path]!;
    if (entry.link && entry.resolved) queue.push(entry.resolved);
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const found = resolve(path, name);
      if (found) queue.push(found);
    }
  }
  return seen;
}

const nodeRange = (entry: Locked) => (Array.isArray(entry.engines) ? undefined : entry.engines?.node);

describe('Node version policy', () => {
  const closure = productionClosure();

  it('states a range that includes the Node running here and CI', () => {
    expect(semver.validRange(policy)).not.toBeNull();
    expect(semver.satisfies(process.versions.node, policy), `${process.versions.node} in ${policy}`).toBe(true);
  });

  it('finds the production packages of the services', () => {
    expect(closure.size).toBeGreaterThan(200);
    for (const name of ['graphql', '@prisma/client', '@apollo/server', 'geoip-lite'])
      expect(closure.has(`node_modules/${name}`), name).toBe(true);
    expect(closure.has('node_modules/vitest')).toBe(false);
  });

  it('has no production dependency whose engines exclude part of the policy, apart from the checked exceptions', () => {
    const excluding = [...closure]
      .filter((path) => {
        const range = nodeRange(lock.packages[path]!);
        return range && !semver.subset(policy, range);
      })
      .map((path) => `${path}@${lock.packages[path]!.version}: ${nodeRange(lock.packages[path]!)}`);
    const expected = Object.entries(CHECKED_EXCEPTIONS).map(
      ([path, version]) => `${path}@${version}: ${nodeRange(lock.packages[path]!)}`,
    );
    expect(excluding.sort()).toEqual(expected.sort());
  });

  it('tells a range that excludes part of the policy from one that covers it', () => {
    expect(semver.subset(policy, '>=18')).toBe(true);
    expect(semver.subset(policy, '^20.19 || ^22.12 || >=24.0')).toBe(true);
    expect(semver.subset(policy, '>=22.12')).toBe(false);
    expect(semver.subset(policy, '>=24.0.0')).toBe(false);
  });
});
