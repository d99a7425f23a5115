// @abri/sdk: the Abri API from a browser, React Native or Node 22+ (the global WebSocket), or any runtime given a
// WebSocket class. Node 20 gets `ws` through the `node` entry (node.ts), chosen by the export conditions.
export {
  AbriClient,
  type AbriClientOptions,
  type GraphQLError,
  type GraphQLResponse,
  type RefreshOutcome,
  SDK_DOCUMENTS,
  type Session,
  type SocketOptions,
} from './client.ts';
export {
  backoffDelay,
  compareCursors,
  type Follow,
  type FollowEnd,
  type FollowOptions,
  type FollowState,
} from './follow.ts';
export {
  type FragmentOf,
  graphql,
  type Operation,
  type ResultOf,
  readFragment,
  type TypedDocument,
  type VariablesOf,
} from './graphql.ts';
export { type CursorStorage, type KeyValueStore, keyValueStorage, memoryStorage } from './storage.ts';
