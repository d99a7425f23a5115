// Every event the services exchange, in one place: its topic (`<source>.<name>`, the Redis stream and the outbox
// `topic` column), the shape of its payload (zod), who produces it and who consumes it. Producers write through
// `outbox.add(tx, Events.x, …)`, consumers read through `bus.consume(Events.x, …)` / `bus.subscribe(Events.x, …)`,
// and both get the payload's type from here; a topic string anywhere else in src fails platform/test/catalog.test.ts.
// The platform README's table of events is generated from this file (`npx tsx platform/scripts/events-table.ts
// --write`).
//
// Schemas describe the JSON as it is on the wire and in the outboxes, which keep events for years: a field added to
// a payload is optional (events written before lack it), a field is never renamed or retyped, and schemas carry no
// transform or default (a consumer receives the payload exactly as published; fields a newer producer added pass through).
import { z } from 'zod';

/** One topic and the shape of what it carries. */
export interface EventDescriptor<P = unknown> {
  readonly topic: string;
  /** The first part of the topic: the only outbox that may write it. */
  readonly source: string;
  readonly payload: z.ZodType<P>;
  /** For the README: what happened, who announces it (and where), who follows it (and why). */
  readonly doc: { readonly producedBy: string; readonly consumedBy: readonly string[] };
}

/** The payload type of a descriptor. */
export type PayloadOf<D> = D extends EventDescriptor<infer P> ? P : never;

/** An event as the bus and the outbox hand it over once its payload has passed the descriptor's schema. */
export interface TypedEvent<P> {
  /** The outbox row id in the source subgraph: the event's position, and the base of its cursor. */
  id: string;
  source: string;
  topic: string;
  customerId: string | null;
  payload: P;
  /** ISO date of the state change. */
  at: string;
  /** W3C `traceparent` of the request that made the change (when traced). */
  trace?: string;
}

/** The event type of a descriptor: `EventOf<typeof Events.payoutRequested>`. */
export type EventOf<D> = TypedEvent<PayloadOf<D>>;

/**
 * A descriptor. Only this file declares the application's topics; tests declare their own for the transport.
 * @param topic `<source>.<name>`
 */
export function defineEvent<P>(
  topic: `${string}.${string}`,
  payload: z.ZodType<P>,
  doc: EventDescriptor['doc'] = { producedBy: '', consumedBy: [] },
): EventDescriptor<P> {
  return { topic, source: topic.slice(0, topic.indexOf('.')), payload, doc };
}

/** A payload the schema refused, with what is wrong (paths and rules only: never the values, which may name people). */
export class InvalidEventPayload extends Error {
  constructor(
    readonly topic: string,
    readonly issues: string,
  ) {
    super(`payload of ${topic} refused: ${issues}`);
    this.name = 'InvalidEventPayload';
  }
}

/** The payload checked against its descriptor: the event typed, or the reasons it was refused. */
export function checkPayload<P>(
  event: EventDescriptor<P>,
  payload: unknown,
): { ok: true; payload: P } | { ok: false; error: InvalidEventPayload } {
  const parsed = event.payload.safeParse(payload);
  if (parsed.success) return { ok: true, payload: payload as P };
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
  return { ok: false, error: new InvalidEventPayload(event.topic, issues) };
}

const id = z.string().min(1);
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const cents = z.number().int();

export const CLAIM_STATUSES = [
  'DECLARED',
  'ACKNOWLEDGED',
  'DOCUMENTS_REQUESTED',
  'EXPERT_ASSIGNED',
  'EXPERT_REPORT',
  'INDEMNITY_COMPUTED',
  'PAID',
  'CLOSED',
  'REFUSED',
  'REOPENED',
] as const;
const claimStatus = z.enum(CLAIM_STATUSES);

/** The steps of the unpaid-premium timeline, each its own topic and a `kind` of `payments.accountEvent`. */
export const ARREAR_STEPS = [
  'debitRejected',
  'formalNoticeSent',
  'coverSuspended',
  'contractTerminated',
  'arrearPaid',
  'coverRestored',
] as const;
export type ArrearStep = (typeof ARREAR_STEPS)[number];
const arrearStep = { arrearId: id, policyId: id };
/** What the customer's devices are told of their payments: a step of the timeline, or an instalment the bank paid. */
export const PAYMENT_EVENT_KINDS = [...ARREAR_STEPS, 'instalmentCollected'] as const;
export type PaymentEventKind = (typeof PAYMENT_EVENT_KINDS)[number];
/**
 * The GraphQL `PaymentEventKind` value of each kind, declared alike by the two subgraphs that expose it (payments'
 * `paymentEvents`, users' `customerEvents`): composition refuses an enum that differs.
 */
export const PAYMENT_EVENT_KIND_VALUES = {
  debitRejected: 'DEBIT_REJECTED',
  formalNoticeSent: 'FORMAL_NOTICE_SENT',
  coverSuspended: 'COVER_SUSPENDED',
  contractTerminated: 'CONTRACT_TERMINATED',
  arrearPaid: 'ARREAR_PAID',
  coverRestored: 'COVER_RESTORED',
  instalmentCollected: 'INSTALMENT_COLLECTED',
} as const satisfies Record<PaymentEventKind, string>;

/** What each topic the customer's stream follows becomes on it (the GraphQL type is chosen from it). */
export const CUSTOMER_FEED_KINDS = [
  'claimStatus',
  'attachment',
  'document',
  'contract',
  'payment',
  'paymentMethods',
  'schedule',
  'profile',
  'sessionRevoked',
  'secondFactor',
  'signIn',
  'dataExport',
] as const;
export type CustomerFeedKind = (typeof CUSTOMER_FEED_KINDS)[number];

const STAFF_ROLES = ['CUSTOMER', 'AGENT', 'ADJUSTER', 'ADMIN'] as const;
const erasureBlocker = z.object({
  kind: z.enum(['CONTRACT_ACTIVE', 'CLAIM_OPEN', 'ARREARS']),
  /** The contract number or claim reference concerned. */
  reference: z.string(),
});

const staffAccessed = (source: 'users' | 'policies' | 'claims' | 'payments') =>
  defineEvent(
    `${source}.staffAccessed`,
    z.object({
      staffId: id,
      /** The staff roles of the token used. */
      roles: z.array(z.enum(STAFF_ROLES)),
      kind: z.enum(['READ', 'ACTION']),
      /** What was read or done, in French, as the customer reads it. */
      what: z.string(),
      reason: z.string().nullable(),
    }),
    {
      producedBy: `${source} (a staff read or action on a customer's data)`,
      consumedBy: ['users (\u00ab\u00a0qui a consulté mon dossier\u00a0\u00bb)'],
    },
  );

const erasureChecked = (source: 'policies' | 'claims' | 'payments') =>
  defineEvent(`${source}.erasureChecked`, z.object({ requestId: id, blockers: z.array(erasureBlocker) }), {
    producedBy: `${source} (its answer to \`users.erasureRequested\`)`,
    consumedBy: ['users (decides the erasure)'],
  });

const arrearEvent = <S extends z.ZodRawShape>(step: ArrearStep, extra: S, consumedBy: readonly string[]) =>
  defineEvent(`payments.${step}`, z.object({ ...arrearStep, ...extra }), {
    producedBy: 'payments (unpaid timeline)',
    consumedBy,
  });
const onTheAccountStream = ['(none: devices see it as `payments.accountEvent`)'];

export const Events = {
  // users
  profileChanged: defineEvent(
    'users.profileChanged',
    z.object({
      /** The profile fields whose value changed (`firstName`, `email`, `postalAddress`, `consents`…). */
      changedFields: z.array(z.string()),
      /** The name after the change, present when the first or last name changed. */
      name: z.object({ firstName: z.string(), lastName: z.string() }).optional(),
    }),
    {
      producedBy: 'users (`announceProfileChange`: profile, contact details, consents)',
      consumedBy: ["policies (holder's name)", 'users (`profileChanged`, customer stream)'],
    },
  ),
  sessionRevoked: defineEvent('users.sessionRevoked', z.object({ sid: id, reason: z.string() }), {
    producedBy: 'users (sign-out, revocation, password change, erasure)',
    consumedBy: ['gateway (refuses its tokens, closes its sockets)', 'users (customer stream)'],
  }),
  secondFactorChanged: defineEvent(
    'users.secondFactorChanged',
    z.object({ enabled: z.boolean(), method: z.enum(['SMS']).optional() }),
    { producedBy: 'users (two-factor on or off, SMS chosen)', consumedBy: ['users (customer stream)'] },
  ),
  signedIn: defineEvent('users.signedIn', z.object({ sid: id }), {
    producedBy: "users (a customer's new session)",
    consumedBy: ['users (customer stream)'],
  }),
  dataExportChanged: defineEvent(
    'users.dataExportChanged',
    z.object({
      exportId: id,
      status: z.enum(['PENDING', 'GATHERING', 'READY', 'EXPIRED']),
      progress: z.number(),
    }),
    { producedBy: 'users (each step of a data export)', consumedBy: ['users (customer stream)'] },
  ),
  dataExportRequested: defineEvent('users.dataExportRequested', z.object({ exportId: id }), {
    producedBy: 'users (a data export requested)',
    consumedBy: ['gateway (the export relay starts at once)'],
  }),
  erasureRequested: defineEvent('users.erasureRequested', z.object({ requestId: id }), {
    producedBy: 'users (an erasure requested)',
    consumedBy: ['policies, claims, payments (answer `<service>.erasureChecked`)'],
  }),
  customerErased: defineEvent('users.customerErased', z.object({ requestId: id }), {
    producedBy: "users (an erasure accepted, users' part done)",
    consumedBy: ['policies, claims, payments (erase their part)'],
  }),
  customerEvent: defineEvent(
    'users.customerEvent',
    z.object({
      kind: z.enum(CUSTOMER_FEED_KINDS),
      /** The cursor of the event in its own subgraph's stream. */
      origin: z.string(),
      /** When the change happened. */
      at: isoDateTime,
      /** The origin event's payload, as published. */
      data: z.record(z.string(), z.unknown()),
    }),
    {
      producedBy: 'users (`app/customer-feed.ts`: a copy of each change a device must see)',
      consumedBy: ['users (`customerEvents`, push dispatcher)'],
    },
  ),
  // policies
  policyChanged: defineEvent(
    'policies.policyChanged',
    z.object({
      policyId: id,
      version: z.number().int(),
      annualPremiumCents: cents,
      proRataCents: cents,
      effectiveFrom: isoDate,
      /** The renewal date (exclusive end of the period). */
      periodEnd: isoDate,
      paymentFrequency: z.enum(['ANNUAL', 'MONTHLY']).optional(),
    }),
    { producedBy: 'policies (an accepted change)', consumedBy: ['payments (schedule)', 'users (customer stream)'] },
  ),
  policyTermsChanged: defineEvent(
    'policies.policyTermsChanged',
    z.object({
      policyId: id,
      customerId: id,
      number: z.string(),
      status: z.enum(['ACTIVE', 'SUSPENDED', 'TERMINATED']),
      version: z.number().int(),
      guarantees: z.array(
        z.object({ code: z.string(), label: z.string(), ceilingCents: cents, deductibleCents: cents }),
      ),
      // Added later: absent from the events published before.
      holderName: z.string().optional(),
      address: z.string().nullable().optional(),
      startDate: isoDate.optional(),
      endDate: isoDate.nullable().optional(),
      annualPremiumCents: cents.optional(),
    }),
    {
      producedBy: "policies (every change of a contract's terms)",
      consumedBy: ['claims (policy terms projection)', 'payments (contract copy)'],
    },
  ),
  documentIssued: defineEvent(
    'policies.documentIssued',
    z.object({
      documentId: id,
      policyId: id,
      kind: z.enum(['ATTESTATION', 'CERTIFICATE', 'AVENANT', 'GENERAL_CONDITIONS', 'PARTICULAR_CONDITIONS']),
    }),
    { producedBy: 'policies (a document issued)', consumedBy: ['users (customer stream)'] },
  ),
  // claims
  claimStatusChanged: defineEvent(
    'claims.claimStatusChanged',
    z.object({
      claimId: id,
      /** Absent when the claim is declared. */
      reference: z.string().optional(),
      from: claimStatus.nullable(),
      status: claimStatus,
      indemnityCents: cents.nullable().optional(),
    }),
    {
      producedBy: 'claims (`advanceClaim`, `declareClaim`)',
      consumedBy: ['claims (`claimStatusChanged`)', 'users (claim news e-mails, customer stream)'],
    },
  ),
  payoutRequested: defineEvent(
    'claims.payoutRequested',
    z.object({ claimId: id, reference: z.string(), amountCents: cents }),
    { producedBy: 'claims (an indemnity to pay)', consumedBy: ['payments (payout)'] },
  ),
  attachmentAdded: defineEvent('claims.attachmentAdded', z.object({ claimId: id, attachmentId: id }), {
    producedBy: 'claims (a document added to a claim)',
    consumedBy: ['users (customer stream)'],
  }),
  // payments
  payoutRecorded: defineEvent('payments.payoutRecorded', z.object({ claimId: id, payoutId: id, amountCents: cents }), {
    producedBy: 'payments (a payout recorded)',
    consumedBy: ['claims (PAID)'],
  }),
  debitRejected: arrearEvent(
    'debitRejected',
    {
      code: z.string(),
      message: z.string(),
      suggestions: z.array(z.string()),
      amountCents: cents,
    },
    onTheAccountStream,
  ),
  formalNoticeSent: arrearEvent('formalNoticeSent', {}, onTheAccountStream),
  coverSuspended: arrearEvent('coverSuspended', {}, ['policies (contract status)']),
  contractTerminated: arrearEvent('contractTerminated', {}, ['policies (contract status)']),
  arrearPaid: arrearEvent('arrearPaid', { restoresAt: isoDateTime.nullable() }, onTheAccountStream),
  coverRestored: arrearEvent('coverRestored', {}, ['policies (contract status)']),
  accountEvent: defineEvent(
    'payments.accountEvent',
    z.union([
      // One of the steps above, with its name: the step's own fields pass through.
      z.looseObject({ ...arrearStep, kind: z.enum(ARREAR_STEPS) }),
      // A direct debit the bank collected (its collection date passed with no return): the instalment is paid.
      z.object({
        kind: z.literal('instalmentCollected'),
        policyId: id,
        scheduledPaymentId: id,
        amountCents: cents,
        collectedOn: isoDate,
      }),
    ]),
    {
      producedBy: 'payments (each step of the unpaid timeline, and each direct debit settled, for devices)',
      consumedBy: ['payments (`paymentEvents`)', 'users (customer stream)'],
    },
  ),
  paymentMethodsChanged: defineEvent(
    'payments.paymentMethodsChanged',
    z.object({ change: z.enum(['added', 'removed', 'defaultChanged']), methodId: id }),
    {
      producedBy: 'payments (a method added, removed or made the default)',
      consumedBy: ['users (\u00ab\u00a0ce n’était pas moi\u00a0\u00bb e-mail, customer stream)'],
    },
  ),
  scheduleChanged: defineEvent('payments.scheduleChanged', z.object({ policyId: id, dueDay: z.number().int() }), {
    producedBy: 'payments (a new due day)',
    consumedBy: ['users (customer stream)'],
  }),
  // gateway
  presence: defineEvent(
    'gateway.presence',
    z.object({
      replica: z.string(),
      /** The sessions holding a socket with this replica. */
      sessions: z.array(z.string()),
      /** After this, the announcement no longer counts. */
      until: isoDateTime,
    }),
    {
      producedBy: 'gateway (each replica, every 10 s and on change, at most once a second; on the bus only, no outbox)',
      consumedBy: ['users (push dispatcher: no push to a device that is live)'],
    },
  ),
  // Topics every subgraph writes, one each.
  staffAccessed: {
    users: staffAccessed('users'),
    policies: staffAccessed('policies'),
    claims: staffAccessed('claims'),
    payments: staffAccessed('payments'),
  },
  erasureChecked: {
    policies: erasureChecked('policies'),
    claims: erasureChecked('claims'),
    payments: erasureChecked('payments'),
  },
} as const;

/** Every descriptor of the catalogue, in its order. */
export function allEvents(): EventDescriptor[] {
  const out: EventDescriptor[] = [];
  for (const entry of Object.values(Events))
    if ('topic' in entry) out.push(entry as EventDescriptor);
    else out.push(...(Object.values(entry) as EventDescriptor[]));
  return out;
}

/** The descriptor of `source`'s staff access records (every subgraph writes them through the platform). */
export function staffAccessedBy(source: string): EventDescriptor<PayloadOf<typeof Events.staffAccessed.users>> {
  const event = (Events.staffAccessed as Record<string, typeof Events.staffAccessed.users>)[source];
  if (!event) throw new Error(`no staff access topic for ${source}`);
  return event;
}
