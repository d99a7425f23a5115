// The contract's status follows the unpaid-premium timeline that payments runs: suspended, restored, terminated.
// Durable consumers; each change is announced to the other subgraphs (claims' projection) in the same transaction.
import type { PolicyStatus } from '../../../../prisma/policies/generated/prisma/client.ts';
import type { PoliciesApp } from '../context.ts';
import { announceTerms } from './terms-event.ts';

const STATUS_BY_TOPIC: Record<string, PolicyStatus> = {
  'payments.coverSuspended': 'SUSPENDED',
  'payments.coverRestored': 'ACTIVE',
  'payments.contractTerminated': 'TERMINATED',
};

export async function followCoverStatus(app: PoliciesApp): Promise<() => void> {
  const stops = await Promise.all(
    Object.entries(STATUS_BY_TOPIC).map(([topic, status]) =>
      app.bus.consume(topic, `policies-${status.toLowerCase()}`, async (event) => {
        const { policyId } = event.payload as { policyId: string };
        await app.prisma.$transaction(async (tx) => {
          const policy = await tx.policy.findUnique({ where: { id: policyId } });
          // A terminated contract stays terminated; a redelivered event changes nothing.
          if (!policy || policy.status === status || policy.status === 'TERMINATED') return;
          await tx.policy.update({
            where: { id: policyId },
            data: { status, ...(status === 'TERMINATED' ? { endedAt: app.clock.now() } : {}) },
          });
          await announceTerms(app, tx, policyId);
        });
        app.outbox.kick();
      }),
    ),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
