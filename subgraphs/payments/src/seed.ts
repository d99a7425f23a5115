// Demo money: monthly schedules for the coming year and ten years of history for Camille.
import { DEMO } from '@abri/platform';
import type { PaymentsApp } from './context.ts';

export const paymentsIsEmpty = async (app: PaymentsApp) =>
  (await app.prisma.scheduledPayment.count()) + (await app.prisma.payment.count()) === 0;

const monthDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day));

export async function seedPayments(app: PaymentsApp, now: Date): Promise<void> {
  const people = [
    {
      ...DEMO.camille,
      // A twelfth of the demo premiums the policies seed prices (352,88 € and 648,18 € a year).
      monthlyCents: 2_941,
      iban: { last4: '0189', holder: 'Camille Martin', rum: 'ABRI-RUM-2019-0012345' },
    },
    {
      ...DEMO.louis,
      monthlyCents: 5_402,
      iban: { last4: '7731', holder: 'Louis Bernard', rum: 'ABRI-RUM-2021-0067890' },
    },
  ];
  for (const p of people) {
    const method = await app.prisma.paymentMethod.create({
      data: {
        customerId: p.customerId,
        kind: 'SEPA_DEBIT',
        isDefault: true,
        ibanLast4: p.iban.last4,
        holderName: p.iban.holder,
        mandateReference: p.iban.rum,
        mandateSignedOn: monthDay(2019, 2, 1),
      },
    });
    // The next twelve instalments, on the 5th.
    const first = now.getUTCDate() <= 5 ? 0 : 1;
    await app.prisma.scheduledPayment.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        customerId: p.customerId,
        policyId: p.policyId,
        dueDate: monthDay(now.getUTCFullYear(), now.getUTCMonth() + first + i, 5),
        amountCents: p.monthlyCents,
      })),
    });
    const months = p.customerId === DEMO.camille.customerId ? 120 : 14;
    await app.prisma.payment.createMany({
      data: Array.from({ length: months }, (_, i) => {
        const paidAt = monthDay(now.getUTCFullYear(), now.getUTCMonth() - i - (first ? 0 : 1), 5);
        const rejected = i === 30;
        return {
          customerId: p.customerId,
          policyId: p.policyId,
          amountCents: p.monthlyCents,
          paidAt,
          status: rejected ? ('REJECTED' as const) : ('SUCCEEDED' as const),
          rejectionCode: rejected ? 'AM04' : null,
          reference: `PRLV-${p.contractNumber}-${paidAt.toISOString().slice(0, 7)}`,
          paymentMethodId: method.id,
        };
      }),
    });
  }
}
