// Imports every type of the policies subgraph and builds its federated schema.
import { builder } from '../builder.ts';
import './error.ts';
import './policy.ts';
import './document.ts';
import './quote.ts';
import './search.ts';
import './help.ts';
import './erasure.ts';
import './privacy.ts';

builder.queryType({ description: 'Reads.' });
builder.mutationType({ description: 'Changes.' });

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
