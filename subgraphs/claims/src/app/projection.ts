// The policy terms projection: what claims needs of each policy (owner, status, guarantees), fed by the policies
// subgraph's events through a durable consumer. Older versions never overwrite newer ones.
import { type EventOf, Events } from '@abri/platform';
import type { Prisma } from '../../../../prisma/claims/generated/prisma/client.ts';
import type { ClaimsApp } from '../context.ts';

type TermsEvent = EventOf<typeof Events.policyTermsChanged>;
export type GuaranteeTerms = TermsEvent['payload']['guarantees'][number];

const day = (iso: string | null | undefined) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

/** Fields added to the terms later are absent from events published before, which leave them as they were. */
export async function project(app: ClaimsApp, event: TermsEvent): Promise<void> {
  const t = event.payload;
  const data = {
    customerId: t.customerId,
    number: t.number,
    status: t.status,
    version: t.version,
    guarantees: t.guarantees as unknown as Prisma.InputJsonValue,
    ...(t.holderName !== undefined ? { holderName: t.holderName } : {}),
    ...(t.address !== undefined ? { address: t.address } : {}),
    ...(t.startDate !== undefined ? { startDate: day(t.startDate) } : {}),
    ...(t.endDate !== undefined ? { endDate: day(t.endDate) } : {}),
  };
  await app.prisma.$transaction(async (tx) => {
    const current = await tx.policyTerms.findUnique({ where: { policyId: t.policyId } });
    if (!current) await tx.policyTerms.create({ data: { policyId: t.policyId, ...data } });
    else if (current.version <= t.version) await tx.policyTerms.update({ where: { policyId: t.policyId }, data });
  });
}

export const followPolicyTerms = (app: ClaimsApp) =>
  app.bus.consume(Events.policyTermsChanged, 'claims-policy-terms', (event) => project(app, event));
