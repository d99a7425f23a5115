// The customer's one stream (issue 14.1). Each subgraph announces its changes on its own topics, with cursors of its
// own outbox: a device that followed them all would hold four cursors and could not tell in which order things
// happened. Users, which owns the customer, follows those topics durably and copies each event once onto one topic of
// its own outbox, `users.customerEvent`: one cursor, one order per customer (the outbox's per-customer lock makes ids
// follow commit order), and the replay of platform/events/live.ts gives a device that resumes exactly what it
// missed, in order, once. The copy is idempotent by the origin's cursor, so a redelivery (at-least-once bus, a
// Redis that lost its history and got it again) adds nothing.
import { type BusEvent, cursorOf } from '@abri/platform';
import type { UsersApp } from './index.ts';
import { Topics } from './index.ts';

/** What each followed topic becomes on the customer's stream (the GraphQL type is chosen from it). */
export const FeedKinds = {
  'claims.claimStatusChanged': 'claimStatus',
  'claims.attachmentAdded': 'attachment',
  'policies.documentIssued': 'document',
  'policies.policyChanged': 'contract',
  'payments.accountEvent': 'payment',
  'payments.paymentMethodsChanged': 'paymentMethods',
  'payments.scheduleChanged': 'schedule',
  [Topics.profileChanged]: 'profile',
  [Topics.sessionRevoked]: 'sessionRevoked',
  [Topics.secondFactorChanged]: 'secondFactor',
  [Topics.signedIn]: 'signIn',
  [Topics.dataExportChanged]: 'dataExport',
} as const;
export type FeedKind = (typeof FeedKinds)[keyof typeof FeedKinds];

/** The topic of the customer's stream in users' outbox. */
export const CUSTOMER_EVENT = 'users.customerEvent';

/** A customer's stream event as stored: the origin's kind, cursor, time and payload. */
export interface FeedPayload {
  kind: FeedKind;
  /** The cursor of the event in its own subgraph's stream. */
  origin: string;
  /** When the change happened (ISO). */
  at: string;
  data: Record<string, unknown>;
}

export const feedPayload = (event: BusEvent): FeedPayload => event.payload as FeedPayload;

/** The consumer group: one copy per event, whichever users instance reads it. */
const GROUP = 'users-customer-feed';

/** Copies one origin event onto the customer's stream, unless it already is there. */
export async function copyToFeed(app: UsersApp, event: BusEvent): Promise<void> {
  const kind = FeedKinds[event.topic as keyof typeof FeedKinds];
  if (!kind || !event.customerId) return;
  const customerId = event.customerId;
  const payload: FeedPayload = {
    kind,
    origin: cursorOf(event),
    at: event.at,
    data: (event.payload ?? {}) as Record<string, unknown>,
  };
  const copied = await app.prisma.$transaction(async (tx) => {
    // Keyed apart from the e-mail consumers' rows, which share the table and the origin's ids.
    const first = await tx.processedEvent.createMany({
      data: [{ source: `${GROUP}:${event.source}`, eventId: event.id }],
      skipDuplicates: true,
    });
    if (!first.count) return false;
    await app.outbox.add(tx, { topic: CUSTOMER_EVENT, customerId, payload, at: app.clock.now() });
    return true;
  });
  if (copied) app.outbox.kick();
}

/** Follows every topic of the catalogue; resolves to what stops it. */
export async function followCustomerFeed(app: UsersApp): Promise<() => void> {
  const stops = await Promise.all(
    Object.keys(FeedKinds).map((topic) => app.bus.consume(topic, GROUP, (event) => copyToFeed(app, event))),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
