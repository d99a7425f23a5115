// Demo money, consistent with the demo contracts as a real file would be: monthly direct debits on the 5th from the
// first month of cover (never before it), each contract year's twelve instalments adding up to that year's premium,
// premiums that rose a little every year up to today's (priced by the policies seed), one rejected debit presented
// again a week later, and the next twelve instalments planned. Camille has held her contract for ten years.
import { DEMO, encryptField } from '@abri/platform';
import { ibanContext, ibanIndexes } from './app/methods.ts';
import type { PaymentsApp } from './context.ts';
import { spread } from './domain/reschedule.ts';

export const paymentsIsEmpty = async (app: PaymentsApp) =>
  (await app.prisma.scheduledPayment.count()) + (await app.prisma.payment.count()) === 0;

const monthDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day));

/** Today's annual premiums of the demo contracts, as the policies seed prices them. */
export const DEMO_PREMIUMS_CENTS = { camille: 35_288, louis: 64_818 } as const;
/** How much a year's premium rose over the year before (indexation), for the demo history. */
const YEARLY_RISE = 1.025;

/**
 * The demo instalments of a contract from its first month of cover: due date, amount, and whether it is past at `now`.
 * Contract year k (0 the first) costs today's premium deflated by YEARLY_RISE per year before the current one, and
 * its twelve instalments are its twelfths to the cent.
 */
export function demoInstalments(startIso: string, currentPremiumCents: number, now: Date, futureCount = 12) {
  const start = new Date(`${startIso}T00:00:00Z`);
  // The first debit: the 5th of the month cover starts, or of the next month when cover starts after the 5th.
  const first = monthDay(start.getUTCFullYear(), start.getUTCMonth() + (start.getUTCDate() > 5 ? 1 : 0), 5);
  const monthsPast =
    (now.getUTCFullYear() - first.getUTCFullYear()) * 12 +
    now.getUTCMonth() -
    first.getUTCMonth() +
    (now.getUTCDate() > 5 ? 1 : 0);
  const currentYear = Math.floor(Math.max(0, monthsPast) / 12);
  const total = Math.max(0, monthsPast) + futureCount;
  return Array.from({ length: total }, (_, i) => {
    const year = Math.floor(i / 12);
    const premium = Math.round(currentPremiumCents / YEARLY_RISE ** Math.max(0, currentYear - year));
    return {
      dueDate: monthDay(first.getUTCFullYear(), first.getUTCMonth() + i, 5),
      amountCents: spread(premium, 12)[i % 12]!,
      premiumCents: premium,
      past: i < monthsPast,
    };
  });
}

export async function seedPayments(app: PaymentsApp, now: Date): Promise<void> {
  const people = [
    {
      ...DEMO.camille,
      premiumCents: DEMO_PREMIUMS_CENTS.camille,
      iban: {
        iban: 'FR7630004000010000123670189',
        last4: '0189',
        holder: 'Camille Martin',
        rum: 'ABRI-RUM-2016-0012345',
      },
    },
    {
      ...DEMO.louis,
      premiumCents: DEMO_PREMIUMS_CENTS.louis,
      iban: {
        iban: 'FR7630004000010000124027731',
        last4: '7731',
        holder: 'Louis Bernard',
        rum: 'ABRI-RUM-2021-0067890',
      },
    },
  ];
  for (const p of people) {
    const id = crypto.randomUUID();
    const method = await app.prisma.paymentMethod.create({
      data: {
        id,
        customerId: p.customerId,
        kind: 'SEPA_DEBIT',
        isDefault: true,
        ibanEncrypted: encryptField(app.keyring, p.iban.iban, ibanContext(id)),
        ibanLast4: p.iban.last4,
        ibanIndex: ibanIndexes(app, p.iban.iban).current,
        holderName: p.iban.holder,
        mandateReference: p.iban.rum,
        mandateSignedOn: new Date(`${p.contractStart}T00:00:00Z`),
      },
    });
    const instalments = demoInstalments(p.contractStart, p.premiumCents, now);
    await app.prisma.scheduledPayment.createMany({
      data: instalments
        .filter((i) => !i.past)
        .map((i) => ({
          customerId: p.customerId,
          policyId: p.policyId,
          dueDate: i.dueDate,
          amountCents: i.amountCents,
        })),
    });
    const past = instalments.filter((i) => i.past);
    // Thirty months ago, one debit was refused (insufficient funds) and presented again a week later.
    const rejectedIndex = p.customerId === DEMO.camille.customerId ? past.length - 30 : -1;
    const reference = (at: Date, suffix = '') => `PRLV-${p.contractNumber}-${at.toISOString().slice(0, 10)}${suffix}`;
    const payments = past.flatMap((i, index) => {
      const base = { customerId: p.customerId, policyId: p.policyId, amountCents: i.amountCents };
      const ok = { ...base, paidAt: i.dueDate, status: 'SUCCEEDED' as const, rejectionCode: null };
      if (index !== rejectedIndex) return [{ ...ok, reference: reference(i.dueDate) }];
      const again = new Date(i.dueDate.getTime() + 7 * 86_400_000);
      return [
        { ...ok, status: 'REJECTED' as const, rejectionCode: 'AM04', reference: reference(i.dueDate) },
        { ...ok, paidAt: again, reference: reference(again, '-R') },
      ];
    });
    await app.prisma.payment.createMany({
      data: payments.map((payment) => ({ ...payment, paymentMethodId: method.id })),
    });
  }
}
