// Imports every type of the payments subgraph and builds its federated schema.
import { builder } from '../builder.ts';
import './money.ts';
import './payment.ts';

builder.queryType({ description: 'Reads.' });

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
