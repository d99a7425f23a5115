// Imports every type of the policies subgraph and builds its federated schema.
import { builder } from '../builder.ts';
import './money.ts';
import './policy.ts';

builder.queryType({ description: 'Reads.' });

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
