// Erasure (issue 15.5; the protocol is in platform/src/privacy/erasure.ts): a claim not yet closed prevents it; a
// closed (or refused) claim is kept, with its history, attachments and staff actions, until 5 years after it was
// closed (the register's rule), then purged, attachment files included.
import {
  type ErasureBlocker,
  type ErasureParticipant,
  type ErasureSection,
  erasureRuleOf,
  erasureSection,
  latest,
  retainUntil,
} from '@abri/platform';
import { claimsRegister } from '../../../../prisma/claims/personal-data.ts';
import type { ClaimsApp } from '../context.ts';

const CLAIM_RULE = erasureRuleOf(claimsRegister, 'claims');
/** Where a claim's handling is over (a refused claim may be reopened, which makes it open again). */
const CLOSED = ['CLOSED', 'REFUSED'] as const;
const isClosed = (status: string) => (CLOSED as readonly string[]).includes(status);

async function blockers(app: ClaimsApp, customerId: string): Promise<ErasureBlocker[]> {
  const open = await app.prisma.claim.findMany({
    where: { customerId, status: { notIn: [...CLOSED] } },
    select: { reference: true },
    orderBy: { reference: 'asc' },
  });
  return open.map((c) => ({ kind: 'CLAIM_OPEN', reference: c.reference }));
}

/** When each of the customer's claims was closed (null: still open). */
async function closings(app: ClaimsApp, customerId: string) {
  const claims = await app.prisma.claim.findMany({
    where: { customerId },
    select: {
      id: true,
      status: true,
      updatedAt: true,
      history: { where: { to: { in: [...CLOSED] } }, orderBy: { at: 'desc' }, take: 1, select: { at: true } },
      _count: { select: { attachments: true } },
    },
  });
  return claims.map((c) => ({
    id: c.id,
    attachments: c._count.attachments,
    closedAt: isClosed(c.status) ? (c.history[0]?.at ?? c.updatedAt) : null,
  }));
}

/** The claims part of the erasure preview. */
export async function claimsErasureSection(app: ClaimsApp, customerId: string): Promise<ErasureSection> {
  const claims = await closings(app, customerId);
  const closedAt = claims.some((c) => !c.closedAt) ? null : latest(claims.map((c) => c.closedAt));
  const held: Record<string, Date | null> = {};
  if (claims.length) Object.assign(held, { claims: closedAt, claimHandling: closedAt });
  if (claims.some((c) => c.attachments)) held['attachments'] = closedAt;
  return erasureSection(claimsRegister, held, await blockers(app, customerId));
}

export const claimsErasure = (app: ClaimsApp): ErasureParticipant => ({
  service: 'claims',
  blockers: (customerId) => blockers(app, customerId),
  async erase(customerId) {
    const claims = await closings(app, customerId);
    let keptUntil: Date | null = null;
    await app.prisma.$transaction(async (tx) => {
      for (const c of claims) {
        if (!c.closedAt) continue;
        const until = retainUntil(CLAIM_RULE, c.closedAt);
        keptUntil = latest([keptUntil, until]);
        await tx.claim.updateMany({ where: { id: c.id, retainUntil: null }, data: { retainUntil: until } });
      }
      // The relevés d'information are copies the register deletes at once.
      await tx.claimsStatement.deleteMany({ where: { customerId } });
      // The copy of the contract's terms goes with the last claim kept, or now when there is none.
      await tx.policyTerms.updateMany({
        where: { customerId, retainUntil: null },
        data: { retainUntil: keptUntil ?? app.clock.now() },
      });
    });
    if (claims.some((c) => !c.closedAt)) app.log.warn('erasure: an open claim is kept', {});
  },
  async purge() {
    const now = app.clock.now();
    const due = await app.prisma.claim.findMany({
      where: { retainUntil: { lte: now } },
      select: { id: true, attachments: { select: { storageKey: true } } },
    });
    // Files first: a crash in between leaves rows whose files are gone, and the next run deletes the rows.
    for (const c of due) for (const a of c.attachments) await app.attachments.delete(a.storageKey);
    const ids = due.map((c) => c.id);
    const [actions, claims, terms] = await app.prisma.$transaction([
      app.prisma.staffAction.deleteMany({ where: { claimId: { in: ids } } }),
      // History and attachment rows go with their claim (ON DELETE CASCADE).
      app.prisma.claim.deleteMany({ where: { id: { in: ids } } }),
      app.prisma.policyTerms.deleteMany({ where: { retainUntil: { lte: now } } }),
    ]);
    return {
      Claim: claims.count,
      Attachment: due.reduce((n, c) => n + c.attachments.length, 0),
      StaffAction: actions.count,
      PolicyTerms: terms.count,
    };
  },
});
