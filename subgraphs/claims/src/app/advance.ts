// Moving a claim along its lifecycle: checked, recorded with who/when/why, announced in the same transaction. The
// adjuster computes the indemnity from the expert's assessment; asking for PAID requests the payout from payments,
// and the claim reaches PAID (by the system) when payments records it.
import { Events, type RequestContext, recordStaffAccess, StaffAccessKind } from '@abri/platform';
import type { Prisma } from '../../../../prisma/claims/generated/prisma/client.ts';
import type { ClaimsApp } from '../context.ts';
import { applicableDeductible, computeIndemnity } from '../domain/indemnity.ts';
import { type ClaimStatus, checkTransition, type Mover, type TransitionCheck } from '../domain/lifecycle.ts';

export type AdvanceOutcome =
  | { kind: 'advanced'; claimId: string }
  | { kind: 'payoutRequested'; claimId: string }
  | { kind: 'notFound' }
  | { kind: 'assessmentRequired' }
  | { kind: 'refused'; from: ClaimStatus; to: ClaimStatus; reason: Exclude<TransitionCheck, { ok: true }>['reason'] };

export interface AdvanceInput {
  claimId: string;
  to: ClaimStatus;
  note: string | null;
  /** The expert's assessed damage, needed to compute the indemnity. */
  assessedDamageCents?: number | null;
}

export const audit = (
  tx: Prisma.TransactionClient,
  staffId: string,
  action: string,
  claimId: string,
  at: Date,
  details: object = {},
) => tx.staffAction.create({ data: { staffId, action, claimId, at, details } });

/** A staff action as the customer's access log records it: the request it came from, and what it did in French. */
export interface StaffTrail {
  ctx: Pick<RequestContext, 'who' | 'client'>;
  what: (claimReference: string) => string;
}

export async function advanceClaim(
  app: ClaimsApp,
  input: AdvanceInput,
  actor: { mover: Mover; id: string; trail?: StaffTrail },
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
    // An adjuster asking for PAID asks payments to pay; the move itself is the system's, when the payout is recorded.
    const requestsPayout = input.to === 'PAID' && actor.mover === 'ADJUSTER' && claim.status === 'INDEMNITY_COMPUTED';
    if (!requestsPayout) {
      const check = checkTransition(claim.status, input.to, actor.mover, input.note);
      if (!check.ok) return { kind: 'refused', from: claim.status, to: input.to, reason: check.reason };
    }
    const record = async (action: string) => {
      if (actor.mover !== 'ADJUSTER') return;
      await audit(tx, actor.id, action, claim.id, now, {
        note: input.note,
        assessedDamageCents: input.assessedDamageCents ?? null,
      });
      // The customer sees it in « Qui a consulté mon dossier », with the note as its reason.
      if (actor.trail)
        await recordStaffAccess(
          app,
          actor.trail.ctx,
          claim.customerId,
          { kind: StaffAccessKind.ACTION, what: actor.trail.what(claim.reference), reason: input.note },
          tx,
        );
    };
    if (requestsPayout) {
      await record('REQUEST_PAYOUT');
      await app.outbox.add(tx, Events.payoutRequested, {
        customerId: claim.customerId,
        payload: { claimId: claim.id, reference: claim.reference, amountCents: claim.indemnityCents ?? 0 },
        at: now,
      });
      return { kind: 'payoutRequested', claimId: claim.id };
    }
    let indemnity: { assessedDamageCents: number; indemnityCents: number | null } | undefined;
    if (input.to === 'INDEMNITY_COMPUTED') {
      const damage = input.assessedDamageCents ?? claim.assessedDamageCents;
      if (damage == null || claim.ceilingCents == null || claim.deductibleCents == null)
        return { kind: 'assessmentRequired' };
      const terms = { ceilingCents: claim.ceilingCents, deductibleCents: claim.deductibleCents };
      const naturalEvent = (claim.answers as Record<string, unknown>).eventKind;
      const deductible = applicableDeductible(
        claim.type,
        terms,
        typeof naturalEvent === 'string' ? naturalEvent : null,
      );
      indemnity = { assessedDamageCents: damage, indemnityCents: computeIndemnity(damage, terms, deductible) };
    } else if (input.assessedDamageCents != null) {
      indemnity = { assessedDamageCents: input.assessedDamageCents, indemnityCents: claim.indemnityCents };
    }
    await record(`MOVE_TO_${input.to}`);
    await tx.claim.update({ where: { id: claim.id }, data: { status: input.to, ...(indemnity ?? {}) } });
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
    await app.outbox.add(tx, Events.claimStatusChanged, {
      customerId: claim.customerId,
      payload: {
        claimId: claim.id,
        reference: claim.reference,
        from: claim.status,
        status: input.to,
        indemnityCents: indemnity?.indemnityCents ?? claim.indemnityCents,
      },
      at: now,
    });
    return { kind: 'advanced', claimId: claim.id };
  });
  if (outcome.kind === 'advanced' || outcome.kind === 'payoutRequested') app.outbox.kick();
  return outcome;
}
