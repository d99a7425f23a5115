// Prints each subgraph's SDL and composes schema/supergraph.graphql, and the public API's introspection that types
// the SDK's operations (clients/sdk/src/generated/introspection.ts). `--check` fails when the committed files are stale or the
// subgraphs do not compose (CI runs it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { schema as claims } from '@abri/claims/schema';
import { schema as payments } from '@abri/payments/schema';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '@abri/platform';
import { schema as policies } from '@abri/policies/schema';
import { schema as users } from '@abri/users/schema';
import { printSubgraphSchema } from '@apollo/subgraph';
import { QueryPlanner } from '@graphql-hive/router-query-planner';
import { composeServices } from '@theguild/federation-composition';
import { type GraphQLSchema, introspectionFromSchema, parse } from 'graphql';
import { apiSchemaOf } from '../gateway/src/engine/index.ts';
import { ROOT } from '../prisma/projects.ts';

const check = process.argv.includes('--check');
// Each subgraph's schema module (static imports, for the bundler and the types); a missing one fails the typecheck.
const subgraphs: Record<SubgraphName, GraphQLSchema> = { users, policies, claims, payments };
const files: Record<string, string> = {};
const services = SUBGRAPH_NAMES.map((name) => {
  const sdl = printSubgraphSchema(subgraphs[name]);
  files[`schema/${name}.graphql`] = `${sdl.trim()}\n`;
  // The URLs are the embedded defaults; deployments override them per subgraph (gateway env).
  return {
    name,
    url: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
    typeDefs: parse(sdl),
  };
});
const composed = composeServices(services);
if (composed.errors) {
  console.error(`the subgraphs do not compose:\n${composed.errors.map((e) => `- ${e.message}`).join('\n')}`);
  process.exit(1);
}
files['schema/supergraph.graphql'] = `${composed.supergraphSdl.trim()}\n`;
const api = apiSchemaOf(new QueryPlanner(composed.supergraphSdl).consumerSchema);
files['clients/sdk/src/generated/introspection.ts'] = [
  '// Written by schema/compose.ts from the supergraph: the public API, as gql.tada types operations by it. Do not edit.',
  `export type introspection = ${JSON.stringify(introspectionFromSchema(api, { descriptions: false }))};`,
  '',
].join('\n');

let stale = 0;
for (const [path, content] of Object.entries(files)) {
  const full = `${ROOT}${path}`;
  const current = existsSync(full) ? readFileSync(full, 'utf8') : null;
  if (current === content) continue;
  if (check) {
    stale++;
    console.error(`${path} is stale: run npm run schema and commit it`);
  } else {
    writeFileSync(full, content);
    console.log(`wrote ${path}`);
  }
}
if (stale) process.exit(1);
if (check) console.log('schema/ is up to date and composes');
