// « Numéro de contrat oublié ? »: the contract numbers an account signs in with, sent to its e-mail address. The
// request answers at once and the same way whatever the address; the look-up (through the e-mail's blind index) and
// the sending happen after the answer, so neither the answer nor its timing says whether the address is a customer's.
// Capped per account like the other recovery messages (the gateway also limits it per client address and per
// address asked for), so nobody can flood a mailbox with it.
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import { normaliseEmail } from './contact-change.ts';
import type { UsersApp } from './index.ts';
import { later } from './later.ts';
import { RECOVERY_CAPS, takeSend } from './recovery.ts';

export function recoverContractNumber(app: UsersApp, email: string): void {
  later(app, 'contract number reminder', async () => {
    const address = normaliseEmail(email);
    if (!address) return;
    // The sealed e-mail is found by its keyed blind index (the Prisma extension turns this equality into one).
    const customer = await app.prisma.customer.findFirst({
      where: { email: address, erasedAt: null, status: { not: 'DISABLED' } },
      include: { logins: { orderBy: { contractNumber: 'asc' } } },
    });
    if (!customer?.logins.length) return;
    const { contractRemindersPerHour, contractRemindersPerDay } = RECOVERY_CAPS;
    if (!(await takeSend(app, 'contract-reminders', customer.id, contractRemindersPerHour, contractRemindersPerDay)))
      return;
    await app.prisma.$transaction((tx) =>
      queueMessage(
        app,
        tx,
        customer.email,
        templates.contractNumberReminder(
          customer.firstName,
          customer.logins.map((l) => l.contractNumber),
          `${app.config.publicUrl}/connexion`,
        ),
      ),
    );
    app.kickMessages();
  });
}
