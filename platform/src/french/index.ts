// French formatting and the Paris calendar, one module for every service: `@abri/platform/french`.
export * from './format.ts';
export * from './paris-time.ts';
