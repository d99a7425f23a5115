// The subgraphs, each named once. Everything that has to go through all of them (migrations, Prisma clients, the
// gateway's URL settings, the embedded supervisor, the process tests, the benches, `npm run keys`) walks this
// registry instead of writing the four names again; adding a subgraph starts with a line here
// (subgraphs/README.md, « Adding a subgraph »).

/** One subgraph: where it listens by default and where its code lives. */
export interface SubgraphEntry {
  /** Its port in embedded mode and when started alone (production sets PORT). */
  readonly port: number;
  /** Its workspace package: `createXService` from `.`, `xIsEmpty`/`seedX` from `./seed`. */
  readonly package: `@abri/${string}`;
  /** Its workspace folder, where `src/main.ts` is its process entry. */
  readonly dir: `subgraphs/${string}`;
  /** The gateway's setting holding its GraphQL URL. */
  readonly urlSetting: `${Uppercase<string>}_URL`;
}

/** The gateway's port; the subgraphs take the next ones. */
export const GATEWAY_PORT = 4000;

/** In start order (users first: the others' seeds refer to its demo customers). */
export const SUBGRAPHS = {
  users: { port: 4001, package: '@abri/users', dir: 'subgraphs/users', urlSetting: 'USERS_URL' },
  policies: { port: 4002, package: '@abri/policies', dir: 'subgraphs/policies', urlSetting: 'POLICIES_URL' },
  claims: { port: 4003, package: '@abri/claims', dir: 'subgraphs/claims', urlSetting: 'CLAIMS_URL' },
  payments: { port: 4004, package: '@abri/payments', dir: 'subgraphs/payments', urlSetting: 'PAYMENTS_URL' },
} as const satisfies Record<string, SubgraphEntry>;

export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

/** A value for each subgraph, computed from its name (the registry's order). */
export const perSubgraph = <T>(value: (name: SubgraphName) => T): Record<SubgraphName, T> =>
  Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, value(name)])) as Record<SubgraphName, T>;
