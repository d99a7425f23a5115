// The contracts projection: who is insured, where and since when, for each policy, as the policies subgraph announces
// its terms (a durable consumer, so a change published while payments was down still arrives). The payment
// certificate names the insured and the contract from it; payments never reads the policies schema.
import { type EventOf, Events } from '@abri/platform';
import type { PaymentsApp } from '../context.ts';

export async function projectContract(
  app: PaymentsApp,
  event: EventOf<typeof Events.policyTermsChanged>,
): Promise<void> {
  const t = event.payload;
  // Events from before this projection existed lack the holder: nothing to keep from them.
  if (t.holderName === undefined || t.startDate === undefined || t.annualPremiumCents === undefined) return;
  const data = {
    customerId: t.customerId,
    number: t.number,
    holderName: t.holderName,
    address: t.address ?? null,
    startDate: new Date(`${t.startDate}T00:00:00Z`),
    annualPremiumCents: t.annualPremiumCents,
    version: t.version,
  };
  await app.prisma.$transaction(async (tx) => {
    const current = await tx.contractParty.findUnique({ where: { policyId: t.policyId } });
    if (!current) await tx.contractParty.create({ data: { policyId: t.policyId, ...data } });
    else if (current.version <= t.version) await tx.contractParty.update({ where: { policyId: t.policyId }, data });
  });
}

export const followContracts = (app: PaymentsApp) =>
  app.bus.consume(Events.policyTermsChanged, 'payments-contracts', (event) => projectContract(app, event));
