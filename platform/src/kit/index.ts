// The subgraph kit: what every subgraph's schema layer shares. Imported as `@abri/platform/kit` by subgraphs only
// (the gateway has no Pothos).
export * from './builder.ts';
export * from './erasure-types.ts';
export * from './privacy-types.ts';
export * from './schema-types.ts';
export * from './scopes.ts';
export * from './search-types.ts';
