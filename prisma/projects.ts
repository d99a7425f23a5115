import { fileURLToPath } from 'node:url';
import { SUBGRAPH_NAMES, type SubgraphName } from '@abri/platform/subgraphs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Every subgraph owns a Prisma project here, `prisma/<name>/`: the registry's names (`@abri/platform/subgraphs`). */
export const SUBGRAPHS = SUBGRAPH_NAMES;
export type { SubgraphName };
export const prismaDir = (name: SubgraphName) => `${ROOT}prisma/${name}`;
export const prismaProject = (name: SubgraphName) => ({
  schemaPath: `${prismaDir(name)}/schema.prisma`,
  migrationsDir: `${prismaDir(name)}/migrations`,
});
