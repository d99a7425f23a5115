// The shared `SearchPage` value type (platform kit) on this subgraph's builder: the claims and payments subgraphs'
// pages that `Customer.search` requires.
import { searchPageType } from '@abri/platform/kit';
import { builder } from '../builder.ts';

export const SearchPageRef = searchPageType(builder);
