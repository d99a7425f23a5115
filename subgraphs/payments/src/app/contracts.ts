// The contracts projection: who is insured, where and since when, for each policy, as the policies subgraph announces
// its terms (a durable consumer, so a change published while payments was down still arrives). The payment
// certificate names the insured and the contract from it; payments never reads the policies schema.
import type { BusEvent } from '@abri/platform';
import type { PaymentsApp } from '../context.ts';

export const POLICY_TERMS_CHANGED = 'policies.policyTermsChanged';

/** The part of policies' policyTermsChanged payload payments keeps. */
export interface ContractTermsPayload {
  policyId: string;
  customerId: string;
  number: string;
  version: number;
  holderName: string;
  address: string | null;
  /** YYYY-MM-DD */
  startDate: string;
  annualPremiumCents: number;
}

export async function projectContract(app: PaymentsApp, event: BusEvent): Promise<void> {
  const t = event.payload as ContractTermsPayload;
  // Events from before this projection existed lack the holder: nothing to keep from them.
  if (typeof t.holderName !== 'string' || typeof t.startDate !== 'string') return;
  const data = {
    customerId: t.customerId,
    number: t.number,
    holderName: t.holderName,
    address: t.address,
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
  app.bus.consume(POLICY_TERMS_CHANGED, 'payments-contracts', (event) => projectContract(app, event));
