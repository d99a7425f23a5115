// E-mails about a claim's progress (acknowledged, expert assigned, indemnity offered, paid): users owns the contact
// details, so it follows the claims subgraph's status events (durably) and writes to the customer, once per event.
import { Events, firstTime } from '@abri/platform';
import type { UsersApp } from '../app/index.ts';
import { queueMessage } from './dispatcher.ts';
import { templates } from './templates.ts';

export const followClaimNews = (app: UsersApp) =>
  app.bus.consume(Events.claimStatusChanged, 'users-claim-news', async (event) => {
    const { reference, status, indemnityCents } = event.payload;
    if (!event.customerId || !reference) return;
    // Most moves are told by no e-mail: known before the customer is read.
    if (!templates.claimNews('', reference, status, indemnityCents ?? null)) return;
    const customer = await app.prisma.customer.findUnique({ where: { id: event.customerId } });
    const message = customer && templates.claimNews(customer.firstName, reference, status, indemnityCents ?? null);
    if (!message) return;
    await app.prisma.$transaction(async (tx) => {
      if (await firstTime(tx, 'users', event.source, event.id)) await queueMessage(app, tx, customer.email, message);
    });
    app.kickMessages();
  });
