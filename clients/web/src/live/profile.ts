// Profile edits made on another device (or tab), live: the event carries the customer as it now is, which updates
// the shared cache, so the greeting and the account page change without a reload. Resumed from its cursor.
import { useSubscription } from 'urql';
import { graphql } from '../gql/index.ts';
import { eventCursor } from './cursor.ts';

const ProfileEvents = graphql(`
  subscription ProfileEvents($after: String) {
    profileChanged(after: $after) {
      cursor
      changedFields
      customer { id firstName lastName email phone }
    }
  }
`);

export function useLiveProfile() {
  const cursor = eventCursor('profile');
  useSubscription({ query: ProfileEvents, variables: { after: cursor.after } }, (_previous, event) => {
    cursor.seen(event.profileChanged.cursor);
    return event;
  });
}
