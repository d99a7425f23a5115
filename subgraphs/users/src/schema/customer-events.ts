// `customerEvents(after:)`: every change a customer's devices must see, on one stream with one cursor (issue 14.1).
// The events are the copies app/customer-feed.ts makes of each subgraph's own; each kind is a type implementing
// `CustomerEvent`, and the entities they point at (a claim, a contract) are resolved by their own subgraph through
// the gateway's plan. The per-topic subscriptions (claimStatusChanged, profileChanged, paymentEvents) stay as they are.
import {
  CLAIM_STATUSES,
  cursorOf,
  type EventOf,
  Events,
  PAYMENT_EVENT_KIND_VALUES,
  type PaymentEventKind,
} from '@abri/platform';
import type { FeedKind } from '../app/customer-feed.ts';
import { builder, customerEventSubscription, MoneyRef } from '../builder.ts';
import { CustomerRef } from './customer.ts';
import { DataExportStatus } from './data-export.ts';

const ClaimRef = builder
  .externalRef('Claim', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ externalFields: (t) => ({ id: t.id() }) });
const DocumentRef = builder
  .externalRef('Document', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ externalFields: (t) => ({ id: t.id() }) });
const AttachmentRef = builder
  .externalRef('Attachment', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ externalFields: (t) => ({ id: t.id() }) });
const PolicyRef = builder
  .externalRef('Policy', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ externalFields: (t) => ({ id: t.id() }) });

// Declared as the claims and payments subgraphs declare them: composition refuses a ClaimStatus that differs (claims
// takes it as input too), so the two cannot drift apart unnoticed.
const ClaimStatus = builder.enumType('ClaimStatus', {
  description: 'Where a claim stands in its lifecycle.',
  values: CLAIM_STATUSES,
});
const PaymentEventKindEnum = builder.enumType('PaymentEventKind', {
  description: 'A step about the customer’s payments.',
  values: Object.values(PAYMENT_EVENT_KIND_VALUES),
});

/** The GraphQL type of each kind of event on the stream. */
const TYPE_OF: Record<FeedKind, string> = {
  claimStatus: 'ClaimStatusUpdate',
  contract: 'ContractUpdate',
  payment: 'PaymentUpdate',
  profile: 'ProfileUpdate',
  sessionRevoked: 'SessionRevokedUpdate',
  paymentMethods: 'PaymentMethodsUpdate',
  schedule: 'ScheduleUpdate',
  secondFactor: 'SecondFactorUpdate',
  document: 'DocumentIssuedUpdate',
  attachment: 'ClaimAttachmentUpdate',
  signIn: 'SignInUpdate',
  dataExport: 'DataExportUpdate',
};

type StreamEvent = EventOf<typeof Events.customerEvent>;
const data = (e: StreamEvent) => e.payload.data;

export const CustomerEvent = builder.interfaceRef<StreamEvent>('CustomerEvent').implement({
  description:
    'A change to the customer’s file, from any subgraph and any device; its type says what changed. One cursor ' +
    'covers every kind.',
  resolveType: (e) => TYPE_OF[e.payload.kind],
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` to resume from this event.', resolve: cursorOf }),
    at: t.field({
      type: 'DateTime',
      description: 'When the change was made.',
      resolve: (e) => new Date(e.payload.at),
    }),
  }),
});

builder.objectRef<StreamEvent>('ClaimStatusUpdate').implement({
  description: 'A claim of the customer changed status (declared, acknowledged, paid…).',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (e) => ({ id: String(data(e).claimId) }) }),
    from: t.field({
      type: ClaimStatus,
      nullable: true,
      description: 'The status before; null for a declaration.',
      resolve: (e) => (data(e).from ?? null) as typeof ClaimStatus.$inferType | null,
    }),
    status: t.field({
      type: ClaimStatus,
      description: 'The status reached by this change.',
      resolve: (e) => data(e).status as typeof ClaimStatus.$inferType,
    }),
  }),
});

builder.objectRef<StreamEvent>('ContractUpdate').implement({
  description: 'A contract changed (an avenant: a move, valuables, options, deductible), with its new premium.',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    policy: t.field({ type: PolicyRef, resolve: (e) => ({ id: String(data(e).policyId) }) }),
    version: t.int({ description: 'The contract version now in force.', resolve: (e) => Number(data(e).version) }),
    annualPremium: t.field({
      type: MoneyRef,
      resolve: (e) => ({ amountCents: Number(data(e).annualPremiumCents), currency: 'EUR' }),
    }),
    effectiveFrom: t.string({
      description: 'The day the change takes effect (YYYY-MM-DD, Paris).',
      resolve: (e) => String(data(e).effectiveFrom),
    }),
  }),
});

builder.objectRef<StreamEvent>('PaymentUpdate').implement({
  description: 'A step about the customer’s payments: a refused debit, the unpaid-premium timeline, a payment.',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    kind: t.field({
      type: PaymentEventKindEnum,
      resolve: (e) => PAYMENT_EVENT_KIND_VALUES[data(e).kind as PaymentEventKind],
    }),
    policy: t.field({
      type: PolicyRef,
      description: 'The contract the payment is for.',
      resolve: (e) => ({ id: String(data(e).policyId) }),
    }),
  }),
});

builder.objectRef<StreamEvent>('ProfileUpdate').implement({
  description: 'The customer’s profile was saved, from any device.',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    customer: t.prismaField({
      type: 'Customer',
      resolve: (query, e, _a, ctx) =>
        ctx.app.prisma.customer.findUniqueOrThrow({ ...query, where: { id: e.customerId! } }),
    }),
    changedFields: t.stringList({
      description: 'Names of the fields whose value changed.',
      resolve: (e) => (data(e).changedFields as string[] | undefined) ?? [],
    }),
  }),
});

builder.objectRef<StreamEvent>('SessionRevokedUpdate').implement({
  description: 'A signed-in device lost its access (signed out, blocked, password changed): it must sign in again.',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    sessionId: t.id({ description: 'The session that ended (`Session.id`).', resolve: (e) => String(data(e).sid) }),
  }),
});

const PAYMENT_METHOD_CHANGES = { added: 'ADDED', removed: 'REMOVED', defaultChanged: 'DEFAULT_CHANGED' } as const;
const PaymentMethodChange = builder.enumType('PaymentMethodChange', {
  description: 'What happened to a payment method.',
  values: Object.values(PAYMENT_METHOD_CHANGES),
});

builder.objectRef<StreamEvent>('PaymentMethodsUpdate').implement({
  description: 'A payment method (card or SEPA mandate) was added, removed or made the default.',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    change: t.field({
      type: PaymentMethodChange,
      resolve: (e) => PAYMENT_METHOD_CHANGES[data(e).change as keyof typeof PAYMENT_METHOD_CHANGES],
    }),
    methodId: t.id({
      description: 'The method concerned (`PaymentMethod.id`).',
      resolve: (e) => String(data(e).methodId),
    }),
  }),
});

builder.objectRef<StreamEvent>('ScheduleUpdate').implement({
  description: 'The payment schedule of a contract changed (its due day moved).',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    policy: t.field({ type: PolicyRef, resolve: (e) => ({ id: String(data(e).policyId) }) }),
    dueDay: t.int({
      description: 'The day of the month premiums are now debited.',
      resolve: (e) => Number(data(e).dueDay),
    }),
  }),
});

builder.objectRef<StreamEvent>('SecondFactorUpdate').implement({
  description: 'Two-step verification was turned on or off.',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    enabled: t.boolean({ resolve: (e) => data(e).enabled === true }),
  }),
});

builder.objectRef<StreamEvent>('DocumentIssuedUpdate').implement({
  description: 'A document was issued for one of the customer’s contracts (attestation, avenant, certificate…).',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    document: t.field({ type: DocumentRef, resolve: (e) => ({ id: String(data(e).documentId) }) }),
    policy: t.field({ type: PolicyRef, resolve: (e) => ({ id: String(data(e).policyId) }) }),
  }),
});

builder.objectRef<StreamEvent>('ClaimAttachmentUpdate').implement({
  description: 'A file (photo, report, invoice) was attached to one of the customer’s claims, from any device.',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (e) => ({ id: String(data(e).claimId) }) }),
    attachment: t.field({ type: AttachmentRef, resolve: (e) => ({ id: String(data(e).attachmentId) }) }),
  }),
});

builder.objectRef<StreamEvent>('SignInUpdate').implement({
  description: 'Someone signed in to the customer’s space on a new session: if it was not them, they can end it.',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    session: t.prismaField({
      type: 'Session',
      nullable: true,
      description: 'The session opened; null once it is forgotten.',
      resolve: (query, e, _a, ctx) =>
        ctx.app.prisma.session.findFirst({ ...query, where: { id: String(data(e).sid), customerId: e.customerId! } }),
    }),
  }),
});

builder.objectRef<StreamEvent>('DataExportUpdate').implement({
  description: 'A copy of the customer’s data moved on: requested, being gathered, ready to download, or deleted.',
  interfaces: [CustomerEvent],
  fields: (t) => ({
    exportId: t.id({
      description: 'The export concerned (`DataExport.id`).',
      resolve: (e) => String(data(e).exportId),
    }),
    status: t.field({
      type: DataExportStatus,
      resolve: (e) => data(e).status as typeof DataExportStatus.$inferType,
    }),
    progress: t.int({
      description: 'Share of the customer’s file gathered, 0 to 100.',
      resolve: (e) => Number(data(e).progress),
    }),
  }),
});

builder.objectField(CustomerRef, 'eventsCursor', (t) =>
  t.string({
    description:
      'Where `customerEvents` stands as this answer is read. Read it with what a screen shows, then follow ' +
      '`customerEvents(after:)` from it: every change made after the answer arrives, none made before it. (Without ' +
      '`after`, a subscription gets only what happens once it is open, and a change in between would be missed.)',
    resolve: async (customer, _a, ctx) => `users.${await ctx.app.outbox.head(Events.customerEvent, customer.id)}`,
  }),
);

customerEventSubscription('customerEvents', {
  type: CustomerEvent,
  description:
    'Every change of the signed-in customer’s file, whichever device or service made it, in one order; with ' +
    '`after`, first exactly the ones missed since that cursor.',
  event: Events.customerEvent,
});
