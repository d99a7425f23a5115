// Claims staff tools (GraphiQL): assigning, the audit trail, and the claim details staff work with.
import { accessCustomer, forbidden, isStaff, recordStaffAccess, StaffAccessKind } from '@abri/platform';
import { money } from '@abri/platform/kit';
import { audit } from '../app/advance.ts';
import { builder, MoneyRef } from '../builder.ts';
import { ClaimRef } from './claim.ts';

builder.prismaObjectFields(ClaimRef, (t) => ({
  deadline: t.expose('deadline', { type: 'Date', nullable: true, description: 'Last day to declare in time.' }),
  lateByWorkingDays: t.exposeInt('lateByWorkingDays', {
    description: '0 when declared in time; otherwise the delay, in working days.',
  }),
  indemnity: t.field({
    type: MoneyRef,
    nullable: true,
    select: { indemnityCents: true },
    resolve: (c) => (c.indemnityCents == null ? null : money(c.indemnityCents)),
  }),
  assessedDamage: t.field({
    type: MoneyRef,
    nullable: true,
    select: { assessedDamageCents: true },
    resolve: (c) => (c.assessedDamageCents == null ? null : money(c.assessedDamageCents)),
  }),
  answers: t.field({
    type: 'JSONObject',
    description: 'The answers to the claim form.',
    select: { answers: true },
    resolve: (c) => c.answers as Record<string, unknown>,
  }),
  assignedTo: t.string({
    nullable: true,
    description: 'Staff member handling it (shown to staff only).',
    select: { assignedTo: true },
    resolve: (c, _a, ctx) => (isStaff(ctx.who) ? c.assignedTo : null),
  }),
  ageDays: t.int({
    description: 'Whole days since the declaration.',
    select: { declaredAt: true },
    resolve: (c, _a, ctx) => Math.floor((ctx.app.clock.now().getTime() - c.declaredAt.getTime()) / 86_400_000),
  }),
}));

builder.prismaObject('StaffAction', {
  description: 'One action of a staff member on a claim.',
  fields: (t) => ({
    staffId: t.exposeString('staffId'),
    action: t.exposeString('action'),
    at: t.expose('at', { type: 'DateTime' }),
    details: t.field({ type: 'JSONObject', resolve: (a) => a.details as Record<string, unknown> }),
  }),
});

builder.queryField('claimAudit', (t) =>
  t.withAuth({ staff: true }).prismaField({
    type: ['StaffAction'],
    description: 'Staff: every staff action on a claim, oldest first.',
    args: { claimId: t.arg.id({ required: true }) },
    // The claim's customer's file, as any staff read of it: support only under that customer's grant and with a
    // reason, the read recorded in the customer's access log. A claim not found lists nothing.
    resolve: async (query, _r, { claimId }, ctx) => {
      const claim = await ctx.app.prisma.claim.findUnique({
        where: { id: String(claimId) },
        select: { customerId: true, reference: true },
      });
      if (!claim) return [];
      if (
        !(await accessCustomer(ctx.app, ctx, claim.customerId, `Sinistre ${claim.reference} (historique des actions)`))
      )
        throw forbidden();
      return ctx.app.prisma.staffAction.findMany({
        ...query,
        where: { claimId: String(claimId) },
        orderBy: { at: 'asc' },
      });
    },
  }),
);

builder.mutationField('assignClaimToMe', (t) =>
  t.withAuth({ role: 'ADJUSTER' }).prismaField({
    type: 'Claim',
    nullable: true,
    description: 'Claims adjusters take a claim (null when it does not exist).',
    args: { claimId: t.arg.id({ required: true }) },
    resolve: async (query, _r, { claimId }, ctx) => {
      const staffId = ctx.who.sub;
      const id = String(claimId);
      const now = ctx.app.clock.now();
      const done = await ctx.app.prisma.$transaction(async (tx) => {
        const claim = await tx.claim.findUnique({ where: { id }, select: { customerId: true, reference: true } });
        if (!claim) return false;
        await tx.claim.update({ where: { id }, data: { assignedTo: staffId } });
        await audit(ctx.app, tx, staffId, 'ASSIGN_TO_SELF', id, now);
        await recordStaffAccess(
          ctx.app,
          ctx,
          claim.customerId,
          { kind: StaffAccessKind.ACTION, what: `Sinistre ${claim.reference} : prise en charge du dossier` },
          tx,
        );
        return true;
      });
      return done ? ctx.app.prisma.claim.findUnique({ ...query, where: { id } }) : null;
    },
  }),
);
