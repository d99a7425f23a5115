// Declaring a claim: on one of the customer's active policies (from the terms projection), answers checked against
// the type's form, the deadline computed (a late declaration is flagged, not refused), the guarantee's terms kept
// with the claim, and the first status event, all in one transaction. The customer gets a reference at once.
import { randomInt } from 'node:crypto';
import { Events, type Identity } from '@abri/platform';
import { parisDay } from '@abri/platform/french';
import type { ClaimType } from '../../../../prisma/claims/generated/prisma/client.ts';
import type { ClaimsApp } from '../context.ts';
import { declarationDelay } from '../domain/deadlines.ts';
import { type FormError, validateAnswers } from '../domain/forms/index.ts';
import type { GuaranteeTerms } from './projection.ts';

export interface DeclareInput {
  policyId: string;
  type: ClaimType;
  occurredOn: Date;
  description: string;
  answers: Record<string, unknown>;
}

export type DeclareOutcome =
  | { kind: 'declared'; claimId: string }
  | { kind: 'policyNotFound' }
  | { kind: 'policyNotActive' }
  | { kind: 'notCovered' }
  | { kind: 'invalid'; errors: FormError[] };

const dayOf = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export async function declareClaim(app: ClaimsApp, who: Identity, input: DeclareInput): Promise<DeclareOutcome> {
  const terms = await app.prisma.policyTerms.findUnique({ where: { policyId: input.policyId } });
  if (!terms || terms.customerId !== who.sub) return { kind: 'policyNotFound' };
  if (terms.status !== 'ACTIVE') return { kind: 'policyNotActive' };
  const guarantee = (terms.guarantees as unknown as GuaranteeTerms[]).find((g) => g.code === input.type);
  if (!guarantee) return { kind: 'notCovered' };

  const now = app.clock.now();
  const errors: FormError[] = [];
  const description = input.description.trim();
  if (description.length < 10 || description.length > 4000) {
    errors.push({
      questionId: 'description',
      code: 'OUT_OF_RANGE',
      message: 'Décrivez ce qui s’est passé en 10 à 4 000 caractères.',
    });
  }
  // The customer's today is the Paris calendar day: at 00:30 in Paris the UTC date is still yesterday's.
  const today = parisDay(now);
  if (dayOf(input.occurredOn) > today)
    errors.push({
      questionId: 'occurredOn',
      code: 'OUT_OF_RANGE',
      message: 'La date du sinistre ne peut pas être dans le futur.',
    });
  const checked = validateAnswers(input.type, input.answers, { occurredOn: dayOf(input.occurredOn), today: now });
  if (!checked.ok) errors.push(...checked.errors);
  if (errors.length || !checked.ok) return { kind: 'invalid', errors };

  const decree =
    typeof checked.answers.decreePublishedOn === 'string'
      ? new Date(`${checked.answers.decreePublishedOn}T00:00:00Z`)
      : undefined;
  const delay = declarationDelay(input.type, dayOf(input.occurredOn), now, decree);
  const store = async (): Promise<DeclareOutcome> => {
    const claimId = await app.prisma.$transaction(async (tx) => {
      const claim = await tx.claim.create({
        data: {
          reference: `SIN-${today.getUTCFullYear()}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
          customerId: who.sub,
          policyId: input.policyId,
          type: input.type,
          occurredOn: dayOf(input.occurredOn),
          declaredAt: now,
          description,
          answers: checked.answers as object,
          deadline: delay.deadline,
          lateByWorkingDays: delay.lateByWorkingDays,
          guaranteeCode: guarantee.code,
          ceilingCents: guarantee.ceilingCents,
          deductibleCents: guarantee.deductibleCents,
          history: {
            create: {
              from: null,
              to: 'DECLARED',
              at: now,
              actorKind: 'CUSTOMER',
              actorId: who.sub,
              note: delay.late ? `Déclaration tardive de ${delay.lateByWorkingDays} jour(s) ouvré(s).` : null,
            },
          },
        },
      });
      await app.outbox.add(tx, Events.claimStatusChanged, {
        customerId: who.sub,
        payload: { claimId: claim.id, from: null, status: 'DECLARED' },
        at: now,
      });
      return claim.id;
    });
    app.outbox.kick();
    return { kind: 'declared', claimId };
  };
  // References are random within the year: on the rare clash (unique index), draw again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await store();
    } catch (error) {
      if (attempt >= 5 || (error as { code?: string }).code !== 'P2002') throw error;
    }
  }
}
