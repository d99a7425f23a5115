// What the payments subgraph keeps sealed at rest: the fields its Prisma extension seals (declared next to its
// personal-data register) and the IBAN its code seals itself, so that `npm run keys:rotate` re-encrypts them all.
import { outboxPayloadContext, type SealedSchema } from '@abri/platform';
import { getDatamodel } from '../../../prisma/payments/generated/pothos-types.ts';
import { paymentsSealedFields } from '../../../prisma/payments/personal-data.ts';
import { ibanContext } from './app/methods.ts';

export const paymentsSealed = {
  schema: {
    fields: paymentsSealedFields,
    appSealed: {
      OutboxEvent: { payload: { kind: 'json', context: () => outboxPayloadContext('payments') } },
      PaymentMethod: { ibanEncrypted: { kind: 'text', context: (row) => ibanContext(String(row.id)) } },
    },
  } satisfies SealedSchema,
  datamodel: getDatamodel(),
};
