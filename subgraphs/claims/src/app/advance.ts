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
  app: Pick<ClaimsApp, 'seal'>,
  tx: Prisma.TransactionClient,
  staffId: string,
  action: string,
  claimId: string,
  at: Date,
  details: object = {},
): Promise<void> {
  await tx.$executeRaw`INSERT INTO "claims"."StaffAction" (id, "staffId", action, "claimId", at, details)
    VALUES (${randomUUID()}, ${staffId}, ${action}, ${claimId}, ${at}, ${JSON.stringify(app.seal('StaffAction', 'details', details))}::jsonb)`;
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
      return await attemptMove(app, input, actor);
    } catch (error) {
      if (!(error instanceof ClaimChangedMeanwhile)) throw error;
      // A momentary conflict: nothing was written, the caller may send the move again.
      if (attempt === ATTEMPTS) throw unavailable();
    }
  }
}

// The claim is read and the move decided first; the move is then written in one statement, its own transaction: the
// claim, the audit line, the history line and the events, in common table expressions. A transaction of six
// statements held its pooled connection across six round trips, each waiting for this process's event loop; under
// load the connections sat idle in transaction and the pool of ten ran dry (fewer than 100 moves a second). The
// statement's first CTE is the guard: the claim's row is updated (or, for a payout request, locked) only where it is
// still as read, status and last update, and the rest reads from it, so nothing is written when it changed
// meanwhile: two adjusters moving the same claim at once are serialised by PostgreSQL and the second decides again
// from the first's status.
async function attemptMove(
  app: ClaimsApp,
  input: AdvanceInput,
  actor: { mover: Mover; id: string; trail?: StaffTrail },
): Promise<AdvanceOutcome> {
  const now = app.clock.now();
  // The sealed description is never needed here, the answers only to compute an indemnity: neither is decrypted.
  const claim = await app.prisma.claim.findUnique({
    where: { id: input.claimId },
    omit: { description: true, answers: input.to !== 'INDEMNITY_COMPUTED' },
  });
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

  const values: unknown[] = [];
  const param = (value: unknown, type: string) => {
    values.push(value);
    return `$${values.length}::${type}`;
  };
  const status = (value: ClaimStatus | null) => param(value, '"claims"."ClaimStatus"');
  const asRead = `id = ${param(claim.id, 'text')} AND status = ${status(claim.status)} AND "updatedAt" = ${param(claim.updatedAt, 'timestamp(3)')}`;
  // The new "updatedAt" is later than the last one whatever the clocks (another replica's may run ahead): the next
  // move's guard must see that this one happened.
  const steps = [
    requestsPayout
      ? `moved AS (SELECT id FROM "claims"."Claim" WHERE ${asRead} FOR UPDATE)`
      : `moved AS (
           UPDATE "claims"."Claim" SET status = ${status(input.to)},
             ${indemnity ? `"assessedDamageCents" = ${param(indemnity.assessedDamageCents, 'int')}, "indemnityCents" = ${param(indemnity.indemnityCents, 'int')},` : ''}
             "updatedAt" = GREATEST(${param(new Date(), 'timestamp(3)')}, "updatedAt" + interval '1 millisecond')
           WHERE ${asRead} RETURNING id)`,
  ];
  if (actor.mover === 'ADJUSTER')
    steps.push(`audit AS (
      INSERT INTO "claims"."StaffAction" (id, "staffId", action, "claimId", at, details)
      SELECT ${param(randomUUID(), 'text')}, ${param(actor.id, 'text')}, ${param(requestsPayout ? 'REQUEST_PAYOUT' : `MOVE_TO_${input.to}`, 'text')},
        id, ${param(now, 'timestamp(3)')}, ${param(JSON.stringify(app.seal('StaffAction', 'details', { note: input.note, assessedDamageCents: input.assessedDamageCents ?? null })), 'jsonb')}
      FROM moved)`);
  if (!requestsPayout)
    steps.push(`history AS (
      INSERT INTO "claims"."ClaimStatusChange" (id, "claimId", "from", "to", at, "actorKind", "actorId", note)
      SELECT ${param(randomUUID(), 'text')}, id, ${status(claim.status)}, ${status(input.to)}, ${param(now, 'timestamp(3)')},
        ${param(actor.mover === 'SYSTEM' ? 'SYSTEM' : 'STAFF', '"claims"."ActorKind"')}, ${param(actor.id, 'text')}, ${param(app.seal('ClaimStatusChange', 'note', input.note), 'text')}
      FROM moved)`);
  const events = app.outbox.write(values, access ? [access.entry, announced] : [announced], 'moved');
  const rows = await app.prisma.$queryRawUnsafe<unknown[]>(
    `WITH ${steps.join(', ')}, ${events.ctes} SELECT ${events.columns} FROM announced`,
    ...values,
  );
  if (!rows.length) throw new ClaimChangedMeanwhile();
  app.outbox.kick(events.events(rows));
  access?.recorded();
  return requestsPayout ? { kind: 'payoutRequested', claimId: claim.id } : { kind: 'advanced', claimId: claim.id };
}
