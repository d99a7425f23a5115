// What the claims subgraph keeps sealed at rest (declared next to its personal-data register): its Prisma extension
// seals them, `npm run keys:rotate` re-encrypts them.
import { outboxPayloadContext, type SealedSchema } from '@abri/platform';
import { getDatamodel } from '../../../prisma/claims/generated/pothos-types.ts';
import { claimsSealedFields } from '../../../prisma/claims/personal-data.ts';

export const claimsSealed = {
  schema: {
    fields: claimsSealedFields,
    appSealed: { OutboxEvent: { payload: { kind: 'json', context: () => outboxPayloadContext('claims') } } },
  } satisfies SealedSchema,
  datamodel: getDatamodel(),
};
