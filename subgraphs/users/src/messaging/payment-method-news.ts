// Bank details are a sensitive change: every payment method added, removed or made the default is announced by
// e-mail, with a « ce n'était pas moi » link (payments needs a fresh password for the change itself). Users owns the
// contact details, so it follows the payments subgraph's events (durably) and writes once per event.
import { Events, firstTime } from '@abri/platform';
import type { UsersApp } from '../app/index.ts';
import { issueLinkToken } from '../app/one-time-tokens.ts';
import { queueMessage } from './dispatcher.ts';
import { templates } from './templates.ts';

const GROUP = 'users-payment-method-news';

export const followPaymentMethodNews = (app: UsersApp) =>
  app.bus.consume(Events.paymentMethodsChanged, GROUP, async (event) => {
    const { change } = event.payload;
    if (!event.customerId) return;
    const customer = await app.prisma.customer.findUnique({ where: { id: event.customerId } });
    if (!customer) return;
    await app.prisma.$transaction(async (tx) => {
      if (!(await firstTime(tx, 'users', `${GROUP}:${event.source}`, event.id))) return;
      const token = await issueLinkToken(app, tx, 'SIGN_IN_ALERT', customer.id);
      const link = `${app.config.publicUrl}/securite/ce-n-etait-pas-moi?jeton=${token}`;
      await queueMessage(
        app,
        tx,
        customer.email,
        templates.paymentMethodsChanged(customer.firstName, change, new Date(event.at), link),
      );
    });
    app.kickMessages();
  });
