// What other subgraphs need of a contract's terms (claims: ceilings and deductibles; payments: who is insured where,
// since when, for the payment certificate), announced in the same transaction as every change of them, so their
// projections follow.
import { Events } from '@abri/platform';
import { parisDay } from '@abri/platform/french';
import type { Prisma } from '../../../../prisma/policies/generated/prisma/client.ts';
import type { PoliciesApp } from '../context.ts';

export async function announceTerms(app: PoliciesApp, tx: Prisma.TransactionClient, policyId: string): Promise<void> {
  const policy = await tx.policy.findUniqueOrThrow({
    where: { id: policyId },
    include: { guarantees: { orderBy: { code: 'asc' } }, dwelling: true },
  });
  await app.outbox.add(tx, Events.policyTermsChanged, {
    customerId: policy.customerId,
    payload: {
      policyId: policy.id,
      customerId: policy.customerId,
      number: policy.number,
      status: policy.status,
      version: policy.version,
      holderName: policy.holderName,
      address: policy.dwelling
        ? `${policy.dwelling.addressLine}, ${policy.dwelling.postalCode} ${policy.dwelling.city}`
        : null,
      startDate: policy.startDate.toISOString().slice(0, 10),
      endDate: policy.endedAt ? parisDay(policy.endedAt).toISOString().slice(0, 10) : null,
      annualPremiumCents: policy.annualPremiumCents,
      guarantees: policy.guarantees.map((g) => ({
        code: g.code,
        label: g.label,
        ceilingCents: g.ceilingCents,
        deductibleCents: g.deductibleCents,
      })),
    },
    at: app.clock.now(),
  });
}
