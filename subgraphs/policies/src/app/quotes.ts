// Changing the contract online: a quote prices the change (new premium, difference, pro-rata for the rest of the
// period, validity); applying it, once, before it expires and only by its owner, makes a new version, an avenant and
// an event the payments subgraph reschedules on.
import { createHash } from 'node:crypto';
import { type ClientInfo, describeDevice, Events, type Identity, mayActOn } from '@abri/platform';
import { parisDay } from '@abri/platform/french';
import type { Prisma } from '../../../../prisma/policies/generated/prisma/client.ts';
import type { PoliciesApp } from '../context.ts';
import { avenantPdf } from '../documents/avenant-pdf.ts';
import {
  type ContractFacts,
  changeLines,
  describeChanges,
  guaranteesFor,
  type OptionCode,
  proRataCents,
  quoteChange,
  validateChange,
} from '../domain/pricing.ts';
import { factsOf, policyWithTerms } from './contract.ts';
import { currentPeriod, issueAttestation, issueContractDocuments, numberFor, storeDocument } from './documents.ts';
import { announceTerms } from './terms-event.ts';

/** How long a quote can be accepted. */
export const QUOTE_VALIDITY_DAYS = 15;

export interface PolicyChangeRequest {
  policyId: string;
  move?: {
    addressLine: string;
    postalCode: string;
    city: string;
    type: 'HOUSE' | 'APARTMENT';
    surfaceM2: number;
    rooms: number;
    occupancy: 'OWNER' | 'TENANT';
    residence: 'MAIN' | 'SECONDARY';
  } | null;
  works?: { surfaceM2?: number | null; rooms?: number | null } | null;
  valuablesCents?: number | null;
  /** Declared contents capital after the change; 0 returns to the capital the rooms include. */
  contentsCents?: number | null;
  addOptions?: OptionCode[] | null;
  removeOptions?: OptionCode[] | null;
  deductibleCents?: number | null;
  /** From when; today by default. */
  effectiveDate?: Date | null;
}

export type QuoteOutcome =
  | { kind: 'quoted'; quoteId: string }
  | { kind: 'notFound' }
  | { kind: 'notActive' }
  | { kind: 'invalid'; field: string; message: string };

/** The Paris calendar day: a change effective « today » at 00:30 in Paris is not effective yesterday. */
const today = parisDay;

/** A quote's changes, in plain French: a JSON list of strings (sealed at rest, opened by the extension). */
export const changesOf = (quote: { changes: unknown }): string[] =>
  Array.isArray(quote.changes) ? quote.changes.filter((c): c is string => typeof c === 'string') : [];

export async function quotePolicyChange(
  app: PoliciesApp,
  who: Identity,
  request: PolicyChangeRequest,
): Promise<QuoteOutcome> {
  const policy = await app.prisma.policy.findUnique({ where: { id: request.policyId }, include: policyWithTerms });
  if (!policy?.dwelling || !mayActOn(who, policy.customerId, 'contract')) return { kind: 'notFound' };
  if (policy.status !== 'ACTIVE') return { kind: 'notActive' };
  const current = factsOf(policy);
  const next: ContractFacts & { address: { addressLine: string; city: string } } = {
    dwelling: { ...current.dwelling },
    coverage: { ...current.coverage, options: [...current.coverage.options] },
    address: { ...current.address },
  };
  if (request.move) {
    const { addressLine, city, ...dwelling } = request.move;
    if (!addressLine.trim() || addressLine.length > 200 || !city.trim() || city.length > 100)
      return { kind: 'invalid', field: 'move.addressLine', message: 'Adresse incomplète.' };
    next.dwelling = dwelling;
    next.address = { addressLine: addressLine.trim(), city: city.trim() };
  }
  if (request.works?.surfaceM2 != null) next.dwelling.surfaceM2 = request.works.surfaceM2;
  if (request.works?.rooms != null) next.dwelling.rooms = request.works.rooms;
  if (request.valuablesCents != null) next.coverage.valuablesCents = request.valuablesCents;
  if (request.contentsCents != null) next.coverage.contentsCents = request.contentsCents;
  if (request.deductibleCents != null) next.coverage.deductibleCents = request.deductibleCents;
  for (const option of request.addOptions ?? [])
    if (!next.coverage.options.includes(option)) next.coverage.options.push(option);
  next.coverage.options = next.coverage.options.filter((o) => !(request.removeOptions ?? []).includes(o));

  const checked = validateChange(next.dwelling, next.coverage);
  if (!checked.ok) return { kind: 'invalid', field: checked.field, message: checked.message };
  const changes = describeChanges(current, next);
  if (
    request.move &&
    (next.address.addressLine !== current.address.addressLine || next.address.city !== current.address.city)
  ) {
    changes.unshift(`Nouvelle adresse : ${next.address.addressLine}, ${next.dwelling.postalCode} ${next.address.city}`);
  }
  if (!changes.length) return { kind: 'invalid', field: 'input', message: 'Aucun changement demandé.' };

  const now = app.clock.now();
  const period = currentPeriod(policy);
  const effective = request.effectiveDate ?? today(now);
  if (effective < today(now) || effective >= period.end) {
    return {
      kind: 'invalid',
      field: 'effectiveDate',
      message: 'La date d’effet doit être comprise entre aujourd’hui et la fin de la période en cours.',
    };
  }
  const priced = quoteChange(current, next, period, effective);
  const quote = await app.prisma.quote.create({
    data: {
      policyId: policy.id,
      customerId: policy.customerId,
      proposal: next as unknown as Prisma.InputJsonValue,
      changes,
      effectiveFrom: effective,
      basedOnVersion: policy.version,
      currentPremiumCents: policy.annualPremiumCents,
      newPremiumCents: priced.next.annualPremiumCents,
      // Against what the customer pays now (the stored premium), not a re-pricing of it.
      proRataCents: proRataCents(
        priced.next.annualPremiumCents - policy.annualPremiumCents,
        effective,
        period.start,
        period.end,
      ),
      lines: priced.next.lines as unknown as Prisma.InputJsonValue,
      createdAt: now,
      expiresAt: new Date(now.getTime() + QUOTE_VALIDITY_DAYS * 86_400_000),
    },
  });
  return { kind: 'quoted', quoteId: quote.id };
}

export type ApplyOutcome =
  | { kind: 'applied'; policyId: string; avenantId: string }
  | { kind: 'notFound' }
  | { kind: 'expired' }
  | { kind: 'alreadyApplied' }
  | { kind: 'outdated' };

/**
 * What the avenant prints as evidence of the acceptance: a reference derived from the session (the id itself, which
 * revokes the session, stays out of the document) and the device its browser announced.
 */
function acceptanceEvidence(who: Identity, client: ClientInfo, at: Date) {
  const sessionRef = createHash('sha256').update(`abri-session:${who.sid}`).digest('hex').slice(0, 12).toUpperCase();
  return { at, sessionRef, device: describeDevice(client.userAgent).label };
}

export async function applyPolicyChange(
  app: PoliciesApp,
  who: Identity,
  quoteId: string,
  client: ClientInfo = { ip: null, userAgent: null },
): Promise<ApplyOutcome> {
  const quote = await app.prisma.quote.findUnique({
    where: { id: quoteId },
    include: { policy: { include: policyWithTerms } },
  });
  // Someone else's quote is as unknown as a missing one.
  if (!quote || !mayActOn(who, quote.customerId, 'contract')) return { kind: 'notFound' };
  const now = app.clock.now();
  if (quote.appliedAt) return { kind: 'alreadyApplied' };
  if (quote.expiresAt <= now) return { kind: 'expired' };
  if (quote.policy.version !== quote.basedOnVersion || quote.policy.status !== 'ACTIVE') return { kind: 'outdated' };

  const policy = quote.policy;
  const next = quote.proposal as unknown as ContractFacts & { address: { addressLine: string; city: string } };
  const version = policy.version + 1;
  const period = currentPeriod(policy);
  const avenantNumber = numberFor('AVENANT', now);
  const avenant = await avenantPdf({
    insurer: app.insurer,
    documentNumber: avenantNumber,
    number: version - 1,
    contractNumber: policy.number,
    holder: policy.holderName,
    effectiveDate: quote.effectiveFrom,
    issuedAt: now,
    periodEnd: new Date(period.end.getTime() - 86_400_000),
    changes: changeLines(factsOf(policy), next),
    guarantees: guaranteesFor(next.dwelling, next.coverage),
    acceptance: acceptanceEvidence(who, client, now),
    previousPremiumCents: quote.currentPremiumCents,
    newPremiumCents: quote.newPremiumCents,
    proRataCents: quote.proRataCents,
  });

  const outcome = await app.prisma
    .$transaction(async (tx) => {
      // Claim the quote: of two concurrent applications exactly one goes on.
      const claimed = await tx.quote.updateMany({
        where: { id: quote.id, appliedAt: null, expiresAt: { gt: now } },
        data: { appliedAt: now },
      });
      if (!claimed.count) return null;
      const bumped = await tx.policy.updateMany({
        where: { id: policy.id, version: policy.version },
        data: {
          version,
          annualPremiumCents: quote.newPremiumCents,
          options: next.coverage.options,
          valuablesCents: next.coverage.valuablesCents,
          contentsCents: next.coverage.contentsCents ?? 0,
          deductibleCents: next.coverage.deductibleCents,
        },
      });
      if (!bumped.count) throw new OutdatedQuote();
      await tx.dwelling.update({ where: { policyId: policy.id }, data: { ...next.dwelling, ...next.address } });
      await tx.guarantee.deleteMany({ where: { policyId: policy.id } });
      await tx.guarantee.createMany({
        data: guaranteesFor(next.dwelling, next.coverage).map((g) => ({ ...g, policyId: policy.id })),
      });
      await tx.policyVersion.create({
        data: {
          policyId: policy.id,
          version,
          effectiveFrom: quote.effectiveFrom,
          annualPremiumCents: quote.newPremiumCents,
          snapshot: { ...next, lines: quote.lines } as unknown as Prisma.InputJsonValue,
          reason: changesOf(quote).join(' ; '),
          createdAt: now,
        },
      });
      const doc = await storeDocument(
        app,
        {
          policyId: policy.id,
          customerId: policy.customerId,
          kind: 'AVENANT',
          number: avenantNumber,
          title: `Avenant n° ${version - 1}`,
          content: avenant,
          at: now,
        },
        tx,
      );
      await app.outbox.add(tx, Events.policyChanged, {
        customerId: policy.customerId,
        payload: {
          policyId: policy.id,
          version,
          annualPremiumCents: quote.newPremiumCents,
          proRataCents: quote.proRataCents,
          effectiveFrom: quote.effectiveFrom.toISOString().slice(0, 10),
          periodEnd: period.end.toISOString().slice(0, 10),
          paymentFrequency: policy.paymentFrequency,
        },
        at: now,
      });
      await announceTerms(app, tx, policy.id);
      return doc.id;
    })
    .catch((error) => {
      if (error instanceof OutdatedQuote) return 'outdated' as const;
      throw error;
    });
  if (outcome === 'outdated') return { kind: 'outdated' };
  if (outcome === null) {
    const fresh = await app.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } });
    return fresh.appliedAt ? { kind: 'alreadyApplied' } : { kind: 'expired' };
  }
  app.outbox.kick();
  await issueContractDocuments(app, policy.id);
  // A move makes the attestation in the customer's hands obsolete from its effective date: the new address's one is
  // issued now, so it is there to hand over (it is valid from the same date).
  const before = factsOf(policy);
  if (
    before.address.addressLine !== next.address.addressLine ||
    before.address.city !== next.address.city ||
    before.dwelling.postalCode !== next.dwelling.postalCode
  )
    await issueAttestation(app, policy.id, who);
  return { kind: 'applied', policyId: policy.id, avenantId: outcome };
}

class OutdatedQuote extends Error {}
