// The shared `Error` interface (platform kit, declared by the builder) for this subgraph's result types.

export { ErrorInterface } from '../builder.ts';
