// Search in French: `Query.search` over the help centre (and the signed-in customer's contract, guarantees and
// documents), `Customer.search` over the customer's whole file, claims and payments included.
import { abriError, ErrorCode } from '@abri/platform';
import type { SearchPage } from '@abri/platform/kit';
import { searchFile, searchFor } from '../app/search.ts';
import { builder } from '../builder.ts';
import type { SearchHit } from '../domain/search/index.ts';
import { CustomerRef } from './policy.ts';

const SearchHitKind = builder.enumType('SearchHitKind', {
  description: 'What a hit is.',
  values: {
    CONTRACT: { description: 'The customer’s contract: its home, premium, options, deductible.' },
    GUARANTEE: { description: 'A guarantee of the customer’s contract.' },
    CLAIM: { description: 'One of the customer’s claims (reference, type, status, amounts).' },
    PAYMENT: { description: 'The customer’s payments: coming instalments, a year of history, a refused debit.' },
    DOCUMENT: { description: 'One of the customer’s documents.' },
    ARTICLE: { description: 'A help-centre article.' },
  },
});

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'A search result the client can open.',
  fields: (t) => ({
    kind: t.field({ type: SearchHitKind, resolve: (h) => h.kind }),
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    snippet: t.exposeString('snippet', { description: 'The passage that matched, from the original text.' }),
    target: t.exposeString('target', { description: 'Where the client opens it (a route of the web portal).' }),
    score: t.exposeFloat('score', { description: 'Relevance; only its order means something.' }),
  }),
});

/** The size and length limits both searches share. */
function checked(query: string, first: number | null | undefined): number {
  const size = first ?? 10;
  if (size < 1 || size > 50) throw abriError(ErrorCode.BAD_USER_INPUT, 'first must be between 1 and 50.');
  if (query.length > 200) throw abriError(ErrorCode.BAD_USER_INPUT, 'La recherche est limitée à 200 caractères.');
  return size;
}

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Searches in French (accents, plurals and insurance synonyms understood): the help centre, and the signed-in customer’s contract, guarantees and documents. `me { search }` searches the whole file, claims and payments included.',
    args: { query: t.arg.string({ required: true }), first: t.arg.int({ defaultValue: 10 }) },
    resolve: (_r, { query, first }, ctx) => searchFor(ctx.app, ctx.who, query, checked(query, first)),
  }),
);

const PAGE = 'id title body target';
/** What the gateway brings from the claims and payments subgraphs with the customer's key. */
type Required = { claimSearchPages?: SearchPage[]; paymentSearchPages?: SearchPage[] };

builder.objectField(CustomerRef, 'search', (t) =>
  t
    .withAuth((customer) => ({ customerFile: { customerId: customer.id, what: 'Recherche dans le dossier' } }))
    .field({
      type: [SearchHitRef],
      description:
        'Searches the customer’s whole file in French (contract, guarantees, claims, payments, documents) with the help centre, best first.',
      args: { query: t.arg.string({ required: true }), first: t.arg.int({ defaultValue: 10 }) },
      // The plugin reads `requires` on any field; its types offer it only inside the entity's `implement` (policy.ts).
      ...({
        requires: builder.selection<Required>(`claimSearchPages { ${PAGE} } paymentSearchPages { ${PAGE} }`),
      } as object),
      resolve: async (customer, { query, first }, ctx) => {
        const size = checked(query, first);
        const { claimSearchPages, paymentSearchPages } = customer as Required;
        const owned = { claims: claimSearchPages ?? [], payments: paymentSearchPages ?? [] };
        return searchFile(ctx.app, customer.id, owned, query, size);
      },
    }),
);
