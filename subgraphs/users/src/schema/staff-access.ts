// « Qui a consulté mon dossier » (`me.staffAccess`): every read or action of Abri's staff on the customer's data, in
// any subgraph, with who, when, what and why; and `customer(id)`, the staff's way into a file, recorded like any read.
import { abriError, accessCustomer, ErrorCode } from '@abri/platform';
import { type StaffAccessView, staffAccessOf } from '../app/staff-access.ts';
import { builder } from '../builder.ts';
import { CustomerRef, IDENTITY } from './customer.ts';

const ROLE_LABELS = {
  AGENT: 'Conseiller du service client',
  ADJUSTER: 'Gestionnaire sinistres',
  ADMIN: 'Administrateur',
} as const;

const SERVICE_LABELS: Record<string, string> = {
  users: 'Compte',
  policies: 'Contrats',
  claims: 'Sinistres',
  payments: 'Paiements',
};

const StaffAccessKind = builder.enumType('StaffAccessKind', {
  description: 'Whether the staff member read the data or acted on it.',
  values: { READ: { description: 'Consulted.' }, ACTION: { description: 'Acted on it (a claim moved, say).' } },
});

const StaffAccess = builder.objectRef<StaffAccessView>('StaffAccess').implement({
  description: 'One read of, or action on, the customer’s data by a staff member of Abri.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (a) => a.at }),
    staffName: t.exposeString('staffName', { description: 'Who, as they were named then.' }),
    role: t.string({
      nullable: true,
      description: 'Their role, in French (« Gestionnaire sinistres »).',
      resolve: (a) => (a.role ? ROLE_LABELS[a.role] : null),
    }),
    kind: t.field({ type: StaffAccessKind, resolve: (a) => a.kind }),
    what: t.exposeString('what', { description: 'What was read or done, in French.' }),
    area: t.string({
      description: 'The part of the file, in French (« Sinistres »).',
      resolve: (a) => SERVICE_LABELS[a.source] ?? a.source,
    }),
    reason: t.string({
      nullable: true,
      description: 'Why, as the staff member gave it (always present for support reads).',
      resolve: (a) => a.reason,
    }),
  }),
});

builder.prismaObjectField(CustomerRef, 'staffAccess', (t) =>
  t.field({
    authScopes: (c) => ({ self: c.id }),
    type: [StaffAccess],
    description:
      'Who at Abri read or acted on this file, when, what and why, newest first (the customer only). A record appears within seconds of the access.',
    args: { first: t.arg.int({ defaultValue: 20 }) },
    select: { id: true },
    resolve: (c, { first }, ctx) => {
      if (first == null || first < 1 || first > 200)
        throw abriError(ErrorCode.BAD_USER_INPUT, 'first must be between 1 and 200.');
      return staffAccessOf(ctx.app, c.id, first);
    },
  }),
);

builder.queryField('customer', (t) =>
  t.withAuth({ staff: true }).prismaField({
    type: 'Customer',
    nullable: true,
    description:
      'Staff: a customer’s file by id (null when there is none). Recorded in the customer’s access log; support agents must give the reason in the `x-abri-reason` header.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const customer = await ctx.app.prisma.customer.findUnique({ ...query, where: { id: String(id) } });
      if (!customer) return null;
      return (await accessCustomer(ctx.app, ctx, customer.id, IDENTITY)) ? customer : null;
    },
  }),
);
