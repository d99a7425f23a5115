// Moving a claim along its lifecycle: checked, recorded with who/when/why, announced in the same transaction.

import { type ClaimsApp, Topics } from '../context.ts';
import { type ClaimStatus, checkTransition, type Mover, type TransitionCheck } from '../domain/lifecycle.ts';

export type AdvanceOutcome =
  | { kind: 'advanced'; claimId: string }
  | { kind: 'notFound' }
  | { kind: 'refused'; from: ClaimStatus; to: ClaimStatus; reason: Exclude<TransitionCheck, { ok: true }>['reason'] };

export async function advanceClaim(
  app: ClaimsApp,
  input: { claimId: string; to: ClaimStatus; note: string | null },
  actor: { mover: Mover; id: string },
): Promise<AdvanceOutcome> {
  const now = app.clock.now();
  const outcome = await app.prisma.$transaction(async (tx): Promise<AdvanceOutcome> => {
    // Row lock: two adjusters moving the same claim at once are serialised, the second sees the first's status.
    const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(
      'SELECT id FROM "claims"."Claim" WHERE id = $1 FOR UPDATE',
      input.claimId,
    );
    if (!locked) return { kind: 'notFound' };
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: input.claimId } });
    const check = checkTransition(claim.status, input.to, actor.mover, input.note);
    if (!check.ok) return { kind: 'refused', from: claim.status, to: input.to, reason: check.reason };
    await tx.claim.update({ where: { id: claim.id }, data: { status: input.to } });
    await tx.claimStatusChange.create({
      data: {
        claimId: claim.id,
        from: claim.status,
        to: input.to,
        at: now,
        actorKind: actor.mover === 'SYSTEM' ? 'SYSTEM' : 'STAFF',
        actorId: actor.id,
        note: input.note,
      },
    });
    await app.outbox.add(tx, {
      topic: Topics.claimStatusChanged,
      customerId: claim.customerId,
      payload: { claimId: claim.id, from: claim.status, status: input.to },
      at: now,
    });
    return { kind: 'advanced', claimId: claim.id };
  });
  if (outcome.kind === 'advanced') app.outbox.kick();
  return outcome;
}
