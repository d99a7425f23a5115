// Offers by e-mail (Abri's own, or a partner's): queued for the customers whose current answer for that purpose is
// yes. The queue checks the consent again for each message (messaging/dispatcher.ts), inside the transaction that
// writes it, so a withdrawal that lands first wins.
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';

export type OfferPurpose = 'MARKETING_EMAIL' | 'PARTNER_OFFERS';

/** Queues the offer for every active customer who consented; returns how many were queued. */
export async function sendOffer(
  app: UsersApp,
  offer: { purpose: OfferPurpose; subject: string; body: string },
): Promise<number> {
  // Everyone who ever said yes; the queue keeps those whose latest answer still is yes.
  const candidates = await app.prisma.customer.findMany({
    where: { status: 'ACTIVE', consentChanges: { some: { purpose: offer.purpose, given: true } } },
    select: { id: true, firstName: true, email: true },
  });
  let queued = 0;
  for (const customer of candidates) {
    const message = templates.offer(customer.firstName, offer.purpose, offer.subject, offer.body);
    if (await app.prisma.$transaction((tx) => queueMessage(app, tx, customer.email, message, customer.id))) queued++;
  }
  if (queued) app.kickMessages();
  return queued;
}
