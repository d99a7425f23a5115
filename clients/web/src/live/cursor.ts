// The last event cursor a browser received, per stream and per customer (a shared computer keeps one per person),
// in localStorage: a reload or a device that slept resumes its subscriptions from it, so nothing is missed, and an
// event already seen (a reconnect replays from the cursor it was given) is not counted twice.
import { session } from '../auth/session.ts';

/** The customer's id from the access token. */
function customerId(): string | null {
  const payload = session.accessToken?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return (JSON.parse(json) as { sub?: string }).sub ?? null;
  } catch {
    return null;
  }
}

/** Cursors are `<stream>.<sequence>`: their sequence orders them. */
const sequence = (cursor: string | null) => (cursor ? BigInt(cursor.split('.').at(-1) ?? '0') : -1n);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The stored cursor of `stream` (e.g. "claims") for the signed-in customer, and a way to move it forward. */
export function eventCursor(stream: string) {
  const key = `abri:${stream}-cursor:${customerId() ?? 'anonymous'}`;
  return {
    after: storage()?.getItem(key) ?? null,
    /** Keeps `cursor` if it is later than the one stored. */
    seen(cursor: string) {
      const last = storage()?.getItem(key) ?? null;
      if (/^[\w-]+\.\d+$/.test(cursor) && sequence(cursor) > sequence(last)) storage()?.setItem(key, cursor);
    },
  };
}
