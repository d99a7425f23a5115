// What the policies subgraph keeps sealed at rest (declared next to its personal-data register): its Prisma extension
// seals them, `npm run keys:rotate` re-encrypts them.
import { outboxPayloadContext, type SealedSchema } from '@abri/platform';
import { getDatamodel } from '../../../prisma/policies/generated/pothos-types.ts';
import { policiesSealedFields } from '../../../prisma/policies/personal-data.ts';

export const policiesSealed = {
  schema: {
    fields: policiesSealedFields,
    appSealed: { OutboxEvent: { payload: { kind: 'json', context: () => outboxPayloadContext('policies') } } },
  } satisfies SealedSchema,
  datamodel: getDatamodel(),
};
