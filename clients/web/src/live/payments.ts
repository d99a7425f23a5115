// Payment events (a debit refused by the bank, an arrear settled, a method added on another device), live: each one
// makes the open payments screen read its data again, so a refused debit appears without a reload. Resumed from its
// cursor, so a device that was asleep catches up.
import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql/index.ts';
import { eventCursor } from './cursor.ts';

const PaymentLiveEvents = graphql(`
  subscription PaymentLiveEvents($after: String) {
    paymentEvents(after: $after) {
      cursor
      kind
    }
  }
`);

export function useLivePayments(onEvent: () => void) {
  const after = useRef(eventCursor('payments').after).current;
  const [{ data }] = useSubscription({ query: PaymentLiveEvents, variables: { after } });
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const cursor = data?.paymentEvents.cursor;
  useEffect(() => {
    if (!cursor) return;
    eventCursor('payments').seen(cursor);
    handler.current();
  }, [cursor]);
}
