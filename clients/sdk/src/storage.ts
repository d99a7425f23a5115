// Where a resumable subscription keeps its last cursor, so a device that was killed, backgrounded or offline asks
// only for what it missed. An adapter is two calls; memory for tests and servers, key-value for localStorage
// (browsers) and AsyncStorage (React Native), which share the getItem/setItem shape.

/** Keeps one cursor per subscription key. Either call may be synchronous or return a promise. */
export interface CursorStorage {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, cursor: string): void | Promise<void>;
}

/** Cursors in memory: lost when the process ends. */
export function memoryStorage(initial: Record<string, string> = {}): CursorStorage & { entries(): [string, string][] } {
  const cursors = new Map(Object.entries(initial));
  return {
    get: (key) => cursors.get(key) ?? null,
    set: (key, cursor) => {
      cursors.set(key, cursor);
    },
    entries: () => [...cursors],
  };
}

/** The shape shared by `localStorage` (synchronous) and React Native's `AsyncStorage` (promises). */
export interface KeyValueStore {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
}

/**
 * Cursors in a key-value store: `keyValueStorage(localStorage)` in a browser,
 * `keyValueStorage(AsyncStorage)` in React Native.
 * @param prefix put before each key @default 'abri.cursor.'
 */
export function keyValueStorage(store: KeyValueStore, prefix = 'abri.cursor.'): CursorStorage {
  return {
    get: (key) => store.getItem(prefix + key),
    set: (key, cursor) => store.setItem(prefix + key, cursor),
  };
}
