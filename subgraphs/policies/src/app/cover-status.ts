// The contract's status follows the unpaid-premium timeline that payments runs: suspended, restored, terminated.
// Durable consumers; each change is announced to the other subgraphs (claims' projection) in the same transaction.
import { Events, type Stop, stopAll } from '@abri/platform';
import type { PolicyStatus } from '../../../../prisma/policies/generated/prisma/client.ts';
import type { PoliciesApp } from '../context.ts';
import { announceTerms } from './terms-event.ts';

const STATUS_BY_STEP = [
  [Events.coverSuspended, 'SUSPENDED'],
  [Events.coverRestored, 'ACTIVE'],
  [Events.contractTerminated, 'TERMINATED'],
] as const satisfies readonly (readonly [unknown, PolicyStatus])[];

export async function followCoverStatus(app: PoliciesApp): Promise<Stop> {
  const stops = await Promise.all(
    STATUS_BY_STEP.map(([step, status]) =>
      app.bus.consume(step, `policies-${status.toLowerCase()}`, async (event) => {
        const { policyId } = event.payload;
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
  return stopAll(stops);
}
