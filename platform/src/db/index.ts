export * from './adapter.ts';
export * from './migrate.ts';
