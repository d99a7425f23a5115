// A contract entering the register (a subscription taken elsewhere, imported by the administration CLI, or the demo
// seed): priced by the pricing engine, its terms announced to the other subgraphs in the same transaction, its
// certificate and general conditions issued. Idempotent by contract number.
import type { Prisma } from '../../../../prisma/policies/generated/prisma/client.ts';
import type { PoliciesApp } from '../context.ts';
import { type Coverage, type DwellingFacts, guaranteesFor, priceOf } from '../domain/pricing.ts';
import { issueContractDocuments } from './documents.ts';
import { announceTerms } from './terms-event.ts';

export interface NewContract {
  contractNumber: string;
  customerId: string;
  /** @default a fresh id */
  policyId?: string;
  /** The policyholder as printed on attestations. */
  holder: string;
  address: { addressLine: string; city: string };
  dwelling: DwellingFacts;
  coverage: Coverage;
  start: Date;
  /** @default 'MONTHLY' */
  paymentFrequency?: 'MONTHLY' | 'ANNUAL';
}

export type NewContractOutcome =
  | { kind: 'created'; policyId: string; annualPremiumCents: number }
  | { kind: 'unchanged'; policyId: string }
  | { kind: 'numberHeldByAnother' };

/** The contract's next anniversary strictly after `now`. */
export function nextRenewal(start: Date, now: Date): Date {
  const on = (year: number) => new Date(Date.UTC(year, start.getUTCMonth(), start.getUTCDate()));
  const renewal = on(now.getUTCFullYear());
  return renewal <= now ? on(now.getUTCFullYear() + 1) : renewal;
}

/** `now` dates the renewal (the seed's calendar may differ from the service clock). */
export async function registerContract(
  app: PoliciesApp,
  c: NewContract,
  now: Date = app.clock.now(),
): Promise<NewContractOutcome> {
  const known = await app.prisma.policy.findUnique({ where: { number: c.contractNumber } });
  if (known) {
    return known.customerId === c.customerId
      ? { kind: 'unchanged', policyId: known.id }
      : { kind: 'numberHeldByAnother' };
  }
  const policyId = c.policyId ?? crypto.randomUUID();
  const price = priceOf(c.dwelling, c.coverage);
  await app.prisma.$transaction(async (tx) => {
    await tx.policy.create({
      data: {
        id: policyId,
        number: c.contractNumber,
        customerId: c.customerId,
        holderName: c.holder,
        startDate: c.start,
        renewalDate: nextRenewal(c.start, now),
        annualPremiumCents: price.annualPremiumCents,
        paymentFrequency: c.paymentFrequency ?? 'MONTHLY',
        options: c.coverage.options,
        valuablesCents: c.coverage.valuablesCents,
        deductibleCents: c.coverage.deductibleCents,
        dwelling: { create: { ...c.dwelling, ...c.address } },
        guarantees: { create: guaranteesFor(c.dwelling, c.coverage) },
        versions: {
          create: {
            version: 1,
            effectiveFrom: c.start,
            annualPremiumCents: price.annualPremiumCents,
            snapshot: {
              dwelling: c.dwelling,
              coverage: c.coverage,
              address: c.address,
              lines: price.lines,
            } as unknown as Prisma.InputJsonValue,
            reason: 'Souscription',
          },
        },
      },
    });
    await announceTerms(app, tx, policyId);
  });
  await issueContractDocuments(app, policyId);
  return { kind: 'created', policyId, annualPremiumCents: price.annualPremiumCents };
}
