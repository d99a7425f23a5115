import type { GraphQLSchema } from 'graphql';
/** The subgraph's SDL for composition: `extend schema @link(...)`, its types as declared, no federation plumbing. */
export declare function printSubgraphSchema(schema: GraphQLSchema): string;
