// The customer's one stream (issue 14.1). Each subgraph announces its changes on its own topics, with cursors of its
// own outbox: a device that followed them all would hold four cursors and could not tell in which order things
// happened. Users, which owns the customer, follows those topics durably and copies each event once onto one topic of
// its own outbox, `users.customerEvent`: one cursor, one order per customer (the outbox's per-customer lock makes ids
// follow commit order), and the replay of platform/events/live.ts gives a device that resumes exactly what it
// missed, in order, once. The copy is idempotent by the origin's cursor, so a redelivery (at-least-once bus, a
// Redis that lost its history and got it again) adds nothing.
import {
  type BusEvent,
  type CustomerFeedKind,
  cursorOf,
  type EventDescriptor,
  type EventOf,
  Events,
  outboxEntry,
  processedWrite,
  type Stop,
  stopAll,
  type TypedEvent,
} from '@abri/platform';
import type { UsersApp } from './index.ts';

/** What each followed topic becomes on the customer's stream (the GraphQL type is chosen from it). */
export const FeedKinds: readonly (readonly [EventDescriptor, CustomerFeedKind])[] = [
  [Events.claimStatusChanged, 'claimStatus'],
  [Events.attachmentAdded, 'attachment'],
  [Events.documentIssued, 'document'],
  [Events.policyChanged, 'contract'],
  [Events.accountEvent, 'payment'],
  [Events.paymentMethodsChanged, 'paymentMethods'],
  [Events.scheduleChanged, 'schedule'],
  [Events.profileChanged, 'profile'],
  [Events.sessionRevoked, 'sessionRevoked'],
  [Events.secondFactorChanged, 'secondFactor'],
  [Events.signedIn, 'signIn'],
  [Events.dataExportChanged, 'dataExport'],
];
export type FeedKind = CustomerFeedKind;

/** A customer's stream event as stored: the origin's kind, cursor, time and payload. */
export type FeedPayload = EventOf<typeof Events.customerEvent>['payload'];

/** The consumer group: one copy per event, whichever users instance reads it. */
const GROUP = 'users-customer-feed';

/** The origin event's payload, kept by the stream: an object (every payload of the catalogue is one). */
const asData = (payload: unknown): Record<string, unknown> =>
  payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? { ...payload } : {};

/** Copies one origin event onto the customer's stream, unless it already is there. */
export const copyToFeed = (app: UsersApp, event: TypedEvent<unknown> | BusEvent): Promise<void> =>
  copyAllToFeed(app, [event]);

/**
 * Copies origin events (a batch of one topic, in order) onto the customers' streams, those not already there, in one
 * statement: it records which are new and adds their copies, in the same order. A batch that fails is handed again
 * one event at a time by the bus.
 */
export async function copyAllToFeed(app: UsersApp, events: readonly (TypedEvent<unknown> | BusEvent)[]): Promise<void> {
  const items = events.flatMap((event) => {
    const kind = FeedKinds.find(([followed]) => followed.topic === event.topic)?.[1];
    return kind && event.customerId ? [{ event, kind, customerId: event.customerId }] : [];
  });
  if (!items.length) return;
  const values: unknown[] = [];
  // Keyed apart from the e-mail consumers' rows, which share the table and the origin's ids.
  const recorded = processedWrite(
    values,
    'users',
    items.map(({ event }) => ({ source: `${GROUP}:${event.source}`, eventId: event.id })),
  );
  const entries = items.map(({ event, kind, customerId }) => {
    const payload: FeedPayload = { kind, origin: cursorOf(event), at: event.at, data: asData(event.payload) };
    return outboxEntry(Events.customerEvent, { customerId, payload, at: app.clock.now() });
  });
  const copies = app.outbox.write(values, entries, { keep: 'fresh' });
  const rows = await app.prisma.$queryRawUnsafe<unknown[]>(
    `WITH ${recorded}, ${copies.ctes} SELECT ${copies.columns} FROM announced`,
    ...values,
  );
  if (rows.length) app.outbox.kick(copies.events(rows));
}

/** Follows every topic of the catalogue; resolves to what stops it. */
export async function followCustomerFeed(app: UsersApp): Promise<Stop> {
  const stops = await Promise.all(
    FeedKinds.map(([followed]) => app.bus.consumeBatch(followed, GROUP, (events) => copyAllToFeed(app, events))),
  );
  return stopAll(stops);
}
