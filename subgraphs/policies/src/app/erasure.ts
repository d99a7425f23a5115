// Erasure (issue 15.5; the protocol is in platform/src/privacy/erasure.ts): a contract that still runs prevents it;
// an ended contract is kept, with its home, versions and documents, until 5 years after its end (the register's
// rule), then purged; quotes are deleted at once.
import {
  type ErasureBlocker,
  type ErasureParticipant,
  type ErasureSection,
  erasureRuleOf,
  erasureSection,
  latest,
  retainUntil,
} from '@abri/platform';
import { policiesRegister } from '../../../../prisma/policies/personal-data.ts';
import type { PoliciesApp } from '../context.ts';

const CONTRACT_RULE = erasureRuleOf(policiesRegister, 'contract');

async function blockers(app: PoliciesApp, customerId: string): Promise<ErasureBlocker[]> {
  const running = await app.prisma.policy.findMany({
    where: { customerId, status: { not: 'TERMINATED' } },
    select: { number: true },
    orderBy: { number: 'asc' },
  });
  return running.map((p) => ({ kind: 'CONTRACT_ACTIVE', reference: p.number }));
}

/** The contracts part of the erasure preview. */
export async function policiesErasureSection(app: PoliciesApp, customerId: string): Promise<ErasureSection> {
  const [policies, quotes, documents] = await Promise.all([
    app.prisma.policy.findMany({ where: { customerId }, select: { status: true, endedAt: true } }),
    app.prisma.quote.count({ where: { customerId } }),
    app.prisma.document.count({ where: { customerId } }),
  ]);
  // The term starts when the last contract ends: not yet while one still runs.
  const end = policies.some((p) => p.status !== 'TERMINATED' || !p.endedAt)
    ? null
    : latest(policies.map((p) => p.endedAt));
  const held: Record<string, Date | null> = {};
  if (policies.length) Object.assign(held, { contract: end, dwelling: end });
  if (documents) held['documents'] = end;
  if (quotes) held['quotes'] = null;
  return erasureSection(policiesRegister, held, await blockers(app, customerId));
}

export const policiesErasure = (app: PoliciesApp): ErasureParticipant => ({
  service: 'policies',
  blockers: (customerId) => blockers(app, customerId),
  async erase(customerId) {
    await app.prisma.$transaction(async (tx) => {
      await tx.quote.deleteMany({ where: { customerId } });
      const ended = await tx.policy.findMany({
        where: { customerId, status: 'TERMINATED', retainUntil: null },
        select: { id: true, endedAt: true, updatedAt: true },
      });
      for (const p of ended)
        await tx.policy.update({
          where: { id: p.id },
          data: { retainUntil: retainUntil(CONTRACT_RULE, p.endedAt ?? p.updatedAt) },
        });
    });
    // A contract that started again between the check and now is kept as it is (nothing to erase while it runs).
    const running = await app.prisma.policy.count({ where: { customerId, status: { not: 'TERMINATED' } } });
    if (running) app.log.warn('erasure: a contract still runs and is kept', { running });
  },
  async purge() {
    // Home, guarantees, versions, quotes and documents go with their contract (ON DELETE CASCADE).
    const { count } = await app.prisma.policy.deleteMany({ where: { retainUntil: { lte: app.clock.now() } } });
    return { Policy: count };
  },
});
