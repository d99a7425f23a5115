// The `SearchPage` value type: what a subgraph hands the customer's search about data it owns (the claims
// subgraph its claims, the payments subgraph its instalments and refused debits). The policies subgraph, which
// ranks the whole file, requires these pages on the `Customer` entity; each owner reads only its own tables.
import type { ObjectRef, SchemaTypes } from '@pothos/core';

// biome-ignore lint/suspicious/noExplicitAny: the fields are the same for every builder (see schema-types.ts)
type AnyBuilder = PothosSchemaTypes.SchemaBuilder<any>;

/** One searchable page of the customer's file, in plain French. */
export interface SearchPage {
  /** Unique within the customer's file: `claim:<id>`, `payments:2025`, `arrear:<id>`. */
  id: string;
  title: string;
  /** Plain sentences; the snippet shown is one of them. */
  body: string;
  /** Where the web portal opens it. */
  target: string;
}

/** The `SearchPage` value type, shareable: each subgraph that feeds the search declares it the same. */
export function searchPageType<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>) {
  return (builder as unknown as AnyBuilder).objectRef<SearchPage>('SearchPage').implement({
    description: 'A page of the customer’s file that the search can find (built by the subgraph that owns the data).',
    shareable: true,
    fields: (t) => ({
      id: t.id({ description: 'Unique within the customer’s file.', resolve: (p: SearchPage) => p.id }),
      title: t.string({ description: 'The page’s title.', resolve: (p: SearchPage) => p.title }),
      body: t.string({ description: 'Plain French sentences.', resolve: (p: SearchPage) => p.body }),
      target: t.string({ description: 'Where the web portal opens it.', resolve: (p: SearchPage) => p.target }),
    }),
  }) as unknown as ObjectRef<Types, SearchPage>;
}
