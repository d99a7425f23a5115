import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SUBGRAPHS = ['users', 'policies', 'claims', 'payments'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
export const prismaDir = (name: SubgraphName) => `${ROOT}prisma/${name}`;
export const prismaProject = (name: SubgraphName) => ({
  schemaPath: `${prismaDir(name)}/schema.prisma`,
  migrationsDir: `${prismaDir(name)}/migrations`,
});
