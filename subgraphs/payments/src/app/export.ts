// This subgraph's part of a customer's data export (issue 15.4, platform/src/privacy/export.ts): schedule, payments,
// payment methods (the IBAN opened for the customer's own copy), payouts, arrears and the contract copy kept for
// certificates, sorted by the register, plus this year's payment certificate as the PDF the space issues.
import { decryptField, type ExportPart, exportPart } from '@abri/platform';
import { parisDay } from '@abri/platform/french';
import { paymentsRegister } from '../../../../prisma/payments/personal-data.ts';
import type { PaymentsApp } from '../context.ts';
import { paymentCertificate } from './certificate.ts';
import { ibanContext } from './methods.ts';

export async function paymentsExport(app: PaymentsApp, customerId: string): Promise<ExportPart> {
  const where = { customerId };
  const [schedule, payments, methods, payouts, arrears, parties] = await Promise.all([
    app.prisma.scheduledPayment.findMany({ where, orderBy: { dueDate: 'asc' } }),
    app.prisma.payment.findMany({ where, orderBy: { paidAt: 'asc' } }),
    app.prisma.paymentMethod.findMany({ where, orderBy: { createdAt: 'asc' } }),
    app.prisma.payout.findMany({ where, orderBy: { recordedAt: 'asc' } }),
    app.prisma.arrear.findMany({ where }),
    app.prisma.contractParty.findMany({ where }),
  ]);
  const year = parisDay(app.clock.now()).getUTCFullYear();
  const files = payments.length
    ? [
        {
          name: `attestations-de-paiement/attestation-${year}.pdf`,
          contentBase64: (await paymentCertificate(app, customerId, year)).toString('base64'),
        },
      ]
    : [];
  return exportPart(
    paymentsRegister,
    {
      ScheduledPayment: schedule,
      Payment: payments,
      PaymentMethod: methods.map((m) => ({
        ...m,
        ...(m.ibanEncrypted ? { iban: decryptField(app.keyring, m.ibanEncrypted, ibanContext(m.id)) } : {}),
      })),
      Payout: payouts,
      Arrear: arrears,
      ContractParty: parties,
    },
    files,
  );
}
