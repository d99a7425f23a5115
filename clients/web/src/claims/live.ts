// Claim status changes, live on every open page: one subscription for the signed-in customer, resumed after a
// reload from the last cursor this browser received (kept per customer in localStorage), so a device that slept
// catches up with nothing missed; an event already seen (a reconnect replays from the first cursor) is skipped.
import { useSubscription } from 'urql';
import { session } from '../auth/session.ts';
import { graphql } from '../gql/index.ts';

const ClaimEvents = graphql(`
  subscription ClaimEvents($after: String) {
    claimStatusChanged(after: $after) {
      cursor
      status
      at
      claim {
        id
        status
        indemnity { amountCents currency }
        history { from to at note }
      }
    }
  }
`);

/** The customer's id from the access token, to keep one cursor per customer on a shared computer. */
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

export function useLiveClaims() {
  const key = `abri:claims-cursor:${customerId() ?? 'anonymous'}`;
  const after = storage()?.getItem(key) ?? null;
  useSubscription({ query: ClaimEvents, variables: { after } }, (_previous, event) => {
    const cursor = event.claimStatusChanged.cursor;
    const last = storage()?.getItem(key) ?? null;
    if (/^[\w-]+\.\d+$/.test(cursor) && sequence(cursor) > sequence(last)) storage()?.setItem(key, cursor);
    return event;
  });
}
