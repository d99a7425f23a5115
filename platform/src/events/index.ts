export * from './bus.ts';
export * from './catalog.ts';
export * from './live.ts';
export * from './outbox.ts';
export * from './presence.ts';
export * from './processed.ts';
export * from './redis-bus.ts';
export * from './traced-bus.ts';
