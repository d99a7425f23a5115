// Moving a claim along its lifecycle: checked, recorded with who/when/why, announced in the same transaction. The
// adjuster computes the indemnity from the expert's assessment; asking for PAID requests the payout from payments,
// and the claim reaches PAID (by the system) when payments records it.
import { randomUUID } from 'node:crypto';
import {
  Events,
  outboxEntry,
  type RequestContext,
  StaffAccessKind,
  staffAccessEntry,
  unavailable,
} from '@abri/platform';
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

/**
 * A line of the staff audit trail. Written in SQL: Prisma 7.10 keeps no query plan for a create whose data holds a
 * Json field, so `staffAction.create` was compiled anew at every move (about 6 % of the CPU of a move in
 * `bench/claims-writes.ts`; every other statement of the move reuses its plan).
 */
export async function audit(
  tx: Prisma.TransactionClient,
  staffId: string,
  action: string,
  claimId: string,
  at: Date,
  details: object = {},
): Promise<void> {
  await tx.$executeRaw`INSERT INTO "claims"."StaffAction" (id, "staffId", action, "claimId", at, details)
    VALUES (${randomUUID()}, ${staffId}, ${action}, ${claimId}, ${at}, ${JSON.stringify(details)}::jsonb)`;
}

/** A staff action as the customer's access log records it: the request it came from, and what it did in French. */
export interface StaffTrail {
  ctx: Pick<RequestContext, 'who' | 'client'>;
  what: (claimReference: string) => string;
}

/** The claim changed between its read and the move's transaction: read it again and decide again. */
class ClaimChangedMeanwhile extends Error {}
// Reads of a claim that other writers keep changing before the move gives up (UNAVAILABLE, retryable).
const ATTEMPTS = 5;

export async function advanceClaim(
  app: ClaimsApp,
  input: AdvanceInput,
  actor: { mover: Mover; id: string; trail?: StaffTrail },
): Promise<AdvanceOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await attemptMove(app, input, actor);
      if (outcome.kind === 'advanced' || outcome.kind === 'payoutRequested') app.outbox.kick();
      return outcome;
    } catch (error) {
      if (!(error instanceof ClaimChangedMeanwhile)) throw error;
      // A momentary conflict: nothing was written, the caller may send the move again.
      if (attempt === ATTEMPTS) throw unavailable();
    }
  }
}

// The claim is read and the move decided before the transaction, which then only writes: it holds its pooled
// connection for six statements, BEGIN and COMMIT included, none of them a read (it used to take eleven, with a row
// lock and two reads, and at 100 moves a second the pool of ten ran dry). Its first statement is the guard: the
// claim's row is updated (or, for a payout request, locked) only where it is still as read, status and last update,
// so two adjusters moving the same claim at once are serialised by PostgreSQL and the second decides again from the
// first's status.
async function attemptMove(
  app: ClaimsApp,
  input: AdvanceInput,
  actor: { mover: Mover; id: string; trail?: StaffTrail },
): Promise<AdvanceOutcome> {
  const now = app.clock.now();
  const claim = await app.prisma.claim.findUnique({ where: { id: input.claimId } });
  if (!claim) return { kind: 'notFound' };
  // An adjuster asking for PAID asks payments to pay; the move itself is the system's, when the payout is recorded.
  const requestsPayout = input.to === 'PAID' && actor.mover === 'ADJUSTER' && claim.status === 'INDEMNITY_COMPUTED';
  if (!requestsPayout) {
    const check = checkTransition(claim.status, input.to, actor.mover, input.note);
    if (!check.ok) return { kind: 'refused', from: claim.status, to: input.to, reason: check.reason };
  }
  let indemnity: { assessedDamageCents: number; indemnityCents: number | null } | undefined;
  if (!requestsPayout && input.to === 'INDEMNITY_COMPUTED') {
    const damage = input.assessedDamageCents ?? claim.assessedDamageCents;
    if (damage == null || claim.ceilingCents == null || claim.deductibleCents == null)
      return { kind: 'assessmentRequired' };
    const terms = { ceilingCents: claim.ceilingCents, deductibleCents: claim.deductibleCents };
    const naturalEvent = (claim.answers as Record<string, unknown>).eventKind;
    const deductible = applicableDeductible(claim.type, terms, typeof naturalEvent === 'string' ? naturalEvent : null);
    indemnity = { assessedDamageCents: damage, indemnityCents: computeIndemnity(damage, terms, deductible) };
  } else if (!requestsPayout && input.assessedDamageCents != null) {
    indemnity = { assessedDamageCents: input.assessedDamageCents, indemnityCents: claim.indemnityCents };
  }
  const asRead = { id: claim.id, status: claim.status, updatedAt: claim.updatedAt };

  return app.prisma.$transaction(async (tx): Promise<AdvanceOutcome> => {
    if (requestsPayout) {
      const [held] = await tx.$queryRawUnsafe<unknown[]>(
        'SELECT 1 FROM "claims"."Claim" WHERE id = $1 AND status = $2::"claims"."ClaimStatus" AND "updatedAt" = $3 FOR UPDATE',
        asRead.id,
        asRead.status,
        asRead.updatedAt,
      );
      if (!held) throw new ClaimChangedMeanwhile();
    } else {
      const { count } = await tx.claim.updateMany({
        where: asRead,
        data: { status: input.to, ...(indemnity ?? {}) },
      });
      if (count === 0) throw new ClaimChangedMeanwhile();
    }
    if (actor.mover === 'ADJUSTER')
      await audit(tx, actor.id, requestsPayout ? 'REQUEST_PAYOUT' : `MOVE_TO_${input.to}`, claim.id, now, {
        note: input.note,
        assessedDamageCents: input.assessedDamageCents ?? null,
      });
    if (!requestsPayout)
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
    // The customer sees the adjuster's action in « Qui a consulté mon dossier », with the note as its reason.
    const access =
      actor.mover === 'ADJUSTER' && actor.trail
        ? staffAccessEntry(app, actor.trail.ctx, claim.customerId, {
            kind: StaffAccessKind.ACTION,
            what: actor.trail.what(claim.reference),
            reason: input.note,
          })
        : null;
    const announced = requestsPayout
      ? outboxEntry(Events.payoutRequested, {
          customerId: claim.customerId,
          payload: { claimId: claim.id, reference: claim.reference, amountCents: claim.indemnityCents ?? 0 },
          at: now,
        })
      : outboxEntry(Events.claimStatusChanged, {
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
    await app.outbox.addAll(tx, access ? [access.entry, announced] : [announced]);
    access?.recorded();
    if (requestsPayout) return { kind: 'payoutRequested', claimId: claim.id };
    return { kind: 'advanced', claimId: claim.id };
  });
}
