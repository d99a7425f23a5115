// Imports every type of the claims subgraph and builds its federated schema.
import { builder } from '../builder.ts';
import './error.ts';
import './claim.ts';
import './declaration.ts';
import './staff.ts';
import './erasure.ts';
import './privacy.ts';
import './statement.ts';
import './search-pages.ts';

builder.queryType({ description: 'Reads.' });
builder.mutationType({ description: 'Changes.' });
builder.subscriptionType({ description: 'Live events, over graphql-ws.' });

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
