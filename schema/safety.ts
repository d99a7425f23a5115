// Schema safety: what the clients (the web app, the SDK in mobile apps already installed) and the gateway rely on may
// not break without saying so. The public API (from the composed supergraph) and each subgraph's SDL are compared with
// the previous commit; a breaking change fails unless `schema/CHANGES.md` names it (its path in backticks, e.g.
// `Query.claimQueue`), with why and what clients must do.
//   npm run schema:safety                 working tree against HEAD, or HEAD against its parent when nothing changed
//   SCHEMA_BASE=<rev> npm run schema:safety   against any commit (e.g. the last release)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QueryPlanner } from '@graphql-hive/router-query-planner';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildASTSchema, type GraphQLSchema, parse } from 'graphql';
import { apiSchemaOf } from '../gateway/src/engine/index.ts';
import { SUBGRAPHS } from '../prisma/projects.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SUBGRAPH_FILES = SUBGRAPHS.map((n) => `schema/${n}.graphql`);

export interface Breaking {
  /** `api` (what clients see) or the subgraph file. */
  where: string;
  /** The schema coordinate the change is about (`Type.field`, `Type.field.argument`, `Type`). */
  path: string;
  message: string;
}

export const apiSchema = (supergraphSdl: string): GraphQLSchema =>
  apiSchemaOf(new QueryPlanner(supergraphSdl).consumerSchema);

/** A subgraph's SDL as a schema: its federation directives are applied ones, not definitions, so not validated. */
export const subgraphSchema = (sdl: string): GraphQLSchema =>
  buildASTSchema(parse(sdl), { assumeValid: true, assumeValidSDL: true });

export async function breakingChanges(where: string, before: GraphQLSchema, after: GraphQLSchema) {
  const changes: Change[] = await diff(before, after);
  return changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .map((c): Breaking => ({ where, path: c.path ?? '', message: c.message }));
}

/** The breaking changes `CHANGES.md` does not name. */
export function undeclared(changes: Breaking[], changelog: string): Breaking[] {
  return changes.filter((c) => !c.path || !changelog.includes(`\`${c.path}\``));
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

async function main() {
  const dirty = (git(['status', '--porcelain', '--', 'schema/']) ?? '').trim() !== '';
  const base = process.env.SCHEMA_BASE ?? (dirty ? 'HEAD' : 'HEAD~1');
  const atBase = (path: string) => git(['show', `${base}:${path}`]);
  const now = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

  const beforeSupergraph = atBase('schema/supergraph.graphql');
  if (beforeSupergraph === null) {
    console.log(`schema safety: no supergraph at ${base} (first commit or shallow clone): nothing to compare`);
    return;
  }
  const found = await breakingChanges('api', apiSchema(beforeSupergraph), apiSchema(now('schema/supergraph.graphql')));
  for (const file of SUBGRAPH_FILES) {
    const before = atBase(file);
    if (before !== null)
      found.push(...(await breakingChanges(file, subgraphSchema(before), subgraphSchema(now(file)))));
  }
  const missing = undeclared(found, now('schema/CHANGES.md'));
  if (missing.length) {
    console.error(`schema safety: breaking changes since ${base} that schema/CHANGES.md does not declare:`);
    for (const c of missing) console.error(`- [${c.where}] \`${c.path}\`: ${c.message}`);
    process.exit(1);
  }
  console.log(`schema safety: no undeclared breaking change since ${base} (${found.length} declared)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
