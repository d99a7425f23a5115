// Claim status changes, live on every open page: one subscription for the signed-in customer, resumed after a
// reload from the last cursor this browser received, so a device that slept catches up with nothing missed.
import { useSubscription } from 'urql';
import { graphql } from '../gql/index.ts';
import { eventCursor } from '../live/cursor.ts';

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

export function useLiveClaims() {
  const cursor = eventCursor('claims');
  useSubscription({ query: ClaimEvents, variables: { after: cursor.after } }, (_previous, event) => {
    cursor.seen(event.claimStatusChanged.cursor);
    return event;
  });
}
