// Search in French over the customer's guarantees and documents and the help centre.
import { abriError, ErrorCode } from '@abri/platform';
import { searchFor } from '../app/search.ts';
import { builder } from '../builder.ts';
import type { SearchHit } from '../domain/search/index.ts';

const SearchHitKind = builder.enumType('SearchHitKind', {
  description: 'What a hit is.',
  values: {
    GUARANTEE: { description: 'A guarantee of the customer’s contract.' },
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

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Searches in French (accents, plurals and insurance synonyms understood): the customer’s guarantees and documents when signed in, and the help centre.',
    args: { query: t.arg.string({ required: true }), first: t.arg.int({ defaultValue: 10 }) },
    resolve: (_r, { query, first }, ctx) => {
      const size = first ?? 10;
      if (size < 1 || size > 50) throw abriError(ErrorCode.BAD_USER_INPUT, 'first must be between 1 and 50.');
      if (query.length > 200) throw abriError(ErrorCode.BAD_USER_INPUT, 'La recherche est limitée à 200 caractères.');
      return searchFor(ctx.app, ctx.who, query, size);
    },
  }),
);
