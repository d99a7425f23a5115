// The privacy dashboard (`me.privacy`): users owns the `PrivacyDashboard` entity and its account section; policies,
// claims and payments each add theirs (platform/src/kit/privacy-types.ts). Every section is generated from the
// personal-data register kept next to that subgraph's Prisma schema.
import { canAccessCustomer } from '@abri/platform';
import { type PrivacyDashboardShape, privacySection, privacyTypes } from '@abri/platform/kit';
import { usersRegister } from '../../../../prisma/users/personal-data.ts';
import { builder } from '../builder.ts';
import { CustomerRef } from './customer.ts';

const { Section } = privacyTypes(builder);
const accountSection = privacySection(usersRegister);

const PrivacyDashboard = builder.objectRef<PrivacyDashboardShape>('PrivacyDashboard').implement({
  description:
    'What Abri keeps about the customer, why, on which legal basis, with whom it is shared and for how long: one section per part of Abri.',
  fields: (t) => ({
    customerId: t.exposeID('customerId', { description: 'The customer the dashboard describes.' }),
    controller: t.string({
      description: 'Who is responsible for the processing, and how to reach them.',
      resolve: () => 'Abri Assurances, responsable du traitement — dpo@abri.example',
    }),
    account: t.field({
      type: Section,
      description: 'Votre compte: the personal data the users service keeps.',
      resolve: () => accountSection,
    }),
  }),
});

builder.asEntity(PrivacyDashboard, {
  key: builder.selection<PrivacyDashboardShape>('customerId'),
  resolveReference: (ref, ctx) => (canAccessCustomer(ctx.who, ref.customerId) ? ref : null),
});

builder.prismaObjectField(CustomerRef, 'privacy', (t) =>
  t.field({
    type: PrivacyDashboard,
    description: 'The privacy dashboard: every category of personal data Abri keeps about the customer.',
    select: { id: true },
    resolve: (c) => ({ customerId: c.id }),
  }),
);
