// Operations typed by the Abri API itself: `graphql()` checks a document against the schema (generated from the
// supergraph by schema/compose.ts) and gives its result and variables types, which `request()` and `follow()` use.
import { print } from '@0no-co/graphql.web';
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './generated/introspection.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Date: string; JSONObject: Record<string, unknown> };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';

/** A document that carries its result and variables types: what `graphql()` returns (and any TypedDocumentNode). */
export interface TypedDocument<R, V> {
  readonly definitions: readonly unknown[];
  readonly __apiType?: (variables: V) => R;
}

/** A query as text, or a document from `graphql()` that carries its types. */
export type Operation<R, V> = string | TypedDocument<R, V>;

/** The text of an operation, to send. */
export const operationText = <R, V>(query: Operation<R, V>): string =>
  typeof query === 'string' ? query : print(query as never);
