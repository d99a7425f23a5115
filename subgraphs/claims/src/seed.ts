// Demo claims: Camille's water damage in progress, Louis's glass breakage just declared.
import { DEMO } from '@abri/platform';
import type { ClaimsApp } from './context.ts';

export const claimsIsEmpty = async (app: ClaimsApp) => (await app.prisma.claim.count()) === 0;

export async function seedClaims(app: ClaimsApp, now: Date): Promise<void> {
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  await app.prisma.claim.create({
    data: {
      id: DEMO.camilleClaimId,
      reference: 'SIN-2026-004217',
      customerId: DEMO.camille.customerId,
      policyId: DEMO.camille.policyId,
      type: 'WATER_DAMAGE',
      // The guarantee's terms as the policies seed prices them (kept with the claim, as a declaration does).
      guaranteeCode: 'WATER_DAMAGE',
      ceilingCents: 1_800_000,
      deductibleCents: 15_000,
      answers: {
        source: 'OWN_HOME',
        leakStopped: true,
        thirdPartyInvolved: true,
        thirdPartyName: 'Voisin du dessous',
        jointReport: false,
      },
      status: 'EXPERT_ASSIGNED',
      occurredOn: daysAgo(12),
      declaredAt: daysAgo(11),
      description: 'Fuite du ballon d’eau chaude : plafond de la cuisine du voisin du dessous taché.',
      history: {
        create: [
          {
            from: null,
            to: 'DECLARED',
            at: daysAgo(11),
            actorKind: 'CUSTOMER',
            actorId: DEMO.camille.customerId,
            note: null,
          },
          {
            from: 'DECLARED',
            to: 'ACKNOWLEDGED',
            at: daysAgo(10),
            actorKind: 'STAFF',
            actorId: DEMO.adjuster.staffId,
            note: 'Convention IRSI applicable.',
          },
          {
            from: 'ACKNOWLEDGED',
            to: 'EXPERT_ASSIGNED',
            at: daysAgo(7),
            actorKind: 'STAFF',
            actorId: DEMO.adjuster.staffId,
            note: 'Expert : cabinet Rhône Expertise.',
          },
        ],
      },
    },
  });
  await app.prisma.claim.create({
    data: {
      id: DEMO.louisClaimId,
      reference: 'SIN-2026-004305',
      customerId: DEMO.louis.customerId,
      policyId: DEMO.louis.policyId,
      type: 'GLASS_BREAKAGE',
      guaranteeCode: 'GLASS_BREAKAGE',
      ceilingCents: 500_000,
      deductibleCents: 30_000,
      answers: { element: 'BAY_WINDOW', damage: 'CRACK' },
      occurredOn: daysAgo(2),
      declaredAt: daysAgo(1),
      description: 'Baie vitrée du salon fendue par un ballon.',
      history: {
        create: [{ from: null, to: 'DECLARED', at: daysAgo(1), actorKind: 'CUSTOMER', actorId: DEMO.louis.customerId }],
      },
    },
  });
}
