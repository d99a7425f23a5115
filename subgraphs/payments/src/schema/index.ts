// Imports every type of the payments subgraph and builds its federated schema.
import { builder } from '../builder.ts';
import './payment.ts';
import './methods.ts';
import './arrears.ts';
import './erasure.ts';
import './sepa.ts';
import './privacy.ts';
import './search-pages.ts';

builder.queryType({ description: 'Reads.' });
builder.mutationType({ description: 'Changes.' });
builder.subscriptionType({ description: 'Live events, over graphql-ws.' });

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
