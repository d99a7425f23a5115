// Imports every type of the users subgraph and builds its federated schema.
import { builder } from '../builder.ts';
import './error.ts';
import './customer.ts';
import './contact.ts';
import './auth.ts';
import './account.ts';
import './two-factor.ts';
import './security.ts';
import './erasure.ts';
import './privacy.ts';
import './consents.ts';
import './staff-access.ts';
import './customer-events.ts';
import './push.ts';
import './notification-preferences.ts';
import './assistance.ts';
import './data-export.ts';

builder.queryType({ description: 'Reads.' });
builder.mutationType({ description: 'Changes.' });
builder.subscriptionType({ description: 'Live events, over graphql-ws.' });

export const schema = builder.toSubGraphSchema({
  linkUrl: 'https://specs.apollo.dev/federation/v2.6',
});
