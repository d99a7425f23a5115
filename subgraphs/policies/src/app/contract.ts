// A stored policy seen as the pricing engine's facts, and back.
import type { Prisma } from '../../../../prisma/policies/generated/prisma/client.ts';
import { type ContractFacts, isOptionCode } from '../domain/pricing.ts';

export const policyWithTerms = {
  dwelling: true,
  guarantees: { orderBy: { code: 'asc' } },
} as const satisfies Prisma.PolicyInclude;
type PolicyRow = Prisma.PolicyGetPayload<{ include: typeof policyWithTerms }>;

export function factsOf(policy: PolicyRow): ContractFacts & { address: { addressLine: string; city: string } } {
  const d = policy.dwelling!;
  return {
    dwelling: {
      type: d.type,
      surfaceM2: d.surfaceM2,
      rooms: d.rooms,
      postalCode: d.postalCode,
      occupancy: d.occupancy,
      residence: d.residence,
    },
    coverage: {
      options: policy.options.filter(isOptionCode),
      valuablesCents: policy.valuablesCents,
      contentsCents: policy.contentsCents,
      deductibleCents: policy.deductibleCents,
    },
    address: { addressLine: d.addressLine, city: d.city },
  };
}
