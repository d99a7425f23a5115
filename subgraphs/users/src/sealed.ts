// What the users subgraph keeps sealed at rest: the fields its Prisma extension seals (declared next to the
// personal-data register) and those its code seals itself, with the context each is bound to, so that
// `npm run keys:rotate` can re-encrypt them all.
import { outboxPayloadContext, type SealedSchema } from '@abri/platform';
import { getDatamodel } from '../../../prisma/users/generated/pothos-types.ts';
import { usersSealedFields } from '../../../prisma/users/personal-data.ts';
import { pendingEmailContext, pendingPhoneContext } from './app/contact-change.ts';
import { partContext, zipContext } from './app/data-export.ts';
import { phoneContext } from './app/profile.ts';
import { secretContext as pushSecretContext } from './app/push-devices.ts';
import { reasonContext } from './app/staff-access.ts';
import { totpContext } from './domain/totp.ts';
import { messageContext } from './messaging/dispatcher.ts';

const id = (row: Record<string, unknown>) => String(row.id);

export const usersSealed = {
  schema: {
    fields: usersSealedFields,
    appSealed: {
      OutboxEvent: { payload: { kind: 'json', context: () => outboxPayloadContext('users') } },
      Customer: {
        phoneEncrypted: { kind: 'text', context: (row) => phoneContext(id(row)) },
        recoveryPhoneEncrypted: { kind: 'text', context: (row) => phoneContext(id(row)) },
        totpSecretEncrypted: { kind: 'text', context: (row) => totpContext('customer', id(row)) },
        totpPendingSecretEncrypted: { kind: 'text', context: (row) => totpContext('customer', id(row)) },
      },
      StaffMember: { totpSecretEncrypted: { kind: 'text', context: (row) => totpContext('staff', id(row)) } },
      MessageOutbox: {
        recipientEncrypted: { kind: 'text', context: (row) => `${messageContext(id(row))}:to` },
        bodyEncrypted: { kind: 'text', context: (row) => `${messageContext(id(row))}:body` },
      },
      OneTimeToken: {
        // What an e-mail change or a phone confirmation confirms, bound to its customer and purpose.
        valueEncrypted: {
          kind: 'text',
          context: (row) =>
            row.purpose === 'EMAIL_CHANGE'
              ? pendingEmailContext(String(row.customerId))
              : pendingPhoneContext(String(row.customerId)),
        },
      },
      DataExport: { zipEncrypted: { kind: 'text', context: (row) => zipContext(id(row)) } },
      DataExportPart: {
        contentEncrypted: {
          kind: 'text',
          context: (row) => partContext(String(row.exportId), String(row.service)),
        },
      },
      PushDevice: { secret: { kind: 'text', context: (row) => pushSecretContext(id(row)) } },
      StaffAccess: { reasonEncrypted: { kind: 'text', context: (row) => reasonContext(String(row.customerId)) } },
    },
  } satisfies SealedSchema,
  datamodel: getDatamodel(),
};
