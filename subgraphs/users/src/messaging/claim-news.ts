// E-mails about a claim's progress (acknowledged, expert assigned, indemnity offered, paid): users owns the contact
// details, so it follows the claims subgraph's status events (durably) and writes to the customer, once per event.
import { Events, recordProcessed } from '@abri/platform';
import type { UsersApp } from '../app/index.ts';
import { queueMessage } from './dispatcher.ts';
import { templates } from './templates.ts';

export const followClaimNews = (app: UsersApp) =>
  app.bus.consumeBatch(Events.claimStatusChanged, 'users-claim-news', async (events) => {
    // Most moves are told by no e-mail: known before any customer is read.
    const told = events.filter(
      (e) =>
        e.customerId &&
        e.payload.reference &&
        templates.claimNews('', e.payload.reference, e.payload.status, e.payload.indemnityCents ?? null),
    );
    if (!told.length) return;
    const ids = [...new Set(told.map((e) => e.customerId!))];
    const customers = new Map(
      (await app.prisma.customer.findMany({ where: { id: { in: ids } } })).map((c) => [c.id, c] as const),
    );
    const messages = told.flatMap((event) => {
      const { reference, status, indemnityCents } = event.payload;
      const customer = customers.get(event.customerId!);
      const message = customer && templates.claimNews(customer.firstName, reference!, status, indemnityCents ?? null);
      return message ? [{ event, to: customer.email, message }] : [];
    });
    if (!messages.length) return;
    await app.prisma.$transaction(async (tx) => {
      const fresh = new Set(
        (
          await recordProcessed(
            tx,
            'users',
            messages.map(({ event }) => ({ source: event.source, eventId: event.id })),
          )
        ).map((e) => `${e.source}\n${e.eventId}`),
      );
      // In the events' order; `delete`: an event read twice in one batch is told once.
      for (const { event, to, message } of messages) {
        if (fresh.delete(`${event.source}\n${event.id}`)) await queueMessage(app, tx, to, message);
      }
    });
    app.kickMessages();
  });
