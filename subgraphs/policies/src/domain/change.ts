// Quoting a change to a running contract (avenant): the new price, the annual difference and what is due or refunded
// for the rest of the current period.

import { eurosInText } from '@abri/platform/french';
import { type Coverage, type DwellingFacts, dwellingSummary, OPTION_CODES, OPTION_LABELS } from './catalogue.ts';
import { contentsCapitalCents } from './guarantees.ts';
import { divRound } from './money.ts';
import { type Price, priceOf } from './premium.ts';

const DAY_MS = 86_400_000;

/** Whole UTC days since the epoch: a change takes effect for the whole day it is made. */
function utcDay(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date`);
  return Math.floor(ms / DAY_MS);
}

/**
 * Share of `annualDifferenceCents` for the rest of the period: days from `changeDate` (included) to `periodEnd`
 * (excluded: the renewal date) over the days of the period, to the cent, halves away from zero. Positive is due by
 * the customer, negative refunded. Throws RangeError when `changeDate` is outside [periodStart, periodEnd).
 */
export function proRataCents(
  annualDifferenceCents: number,
  changeDate: Date,
  periodStart: Date,
  periodEnd: Date,
): number {
  if (!Number.isSafeInteger(annualDifferenceCents)) throw new RangeError('annualDifferenceCents must be an integer');
  const start = utcDay(periodStart, 'periodStart');
  const end = utcDay(periodEnd, 'periodEnd');
  const change = utcDay(changeDate, 'changeDate');
  if (end <= start) throw new RangeError('periodEnd must be after periodStart');
  if (change < start || change >= end) throw new RangeError('changeDate must fall within the current period');
  return divRound(annualDifferenceCents * (end - change), end - start);
}

export interface ContractFacts {
  dwelling: DwellingFacts;
  coverage: Coverage;
}

export interface ChangeQuote {
  current: Price;
  next: Price;
  /** next − current, per year. */
  annualDifferenceCents: number;
  /** Due now (positive) or refunded (negative) for the rest of the current period. */
  proRataCents: number;
}

/** Prices both versions of the contract; throws RangeError if either is invalid or the date is outside the period. */
export function quoteChange(
  current: ContractFacts,
  next: ContractFacts,
  period: { start: Date; end: Date },
  changeDate: Date,
): ChangeQuote {
  const currentPrice = priceOf(current.dwelling, current.coverage);
  const nextPrice = priceOf(next.dwelling, next.coverage);
  const annualDifferenceCents = nextPrice.annualPremiumCents - currentPrice.annualPremiumCents;
  return {
    current: currentPrice,
    next: nextPrice,
    annualDifferenceCents,
    proRataCents: proRataCents(annualDifferenceCents, changeDate, period.start, period.end),
  };
}

/** What changed, one plain-French sentence each, for the quote and the avenant. Empty when nothing did. */
export function describeChanges(current: ContractFacts, next: ContractFacts): string[] {
  const [a, b] = [current.dwelling, next.dwelling];
  const changes: string[] = [];
  if (a.postalCode !== b.postalCode) {
    changes.push(`Déménagement : nouveau logement au ${b.postalCode} (${dwellingSummary(b)})`);
  } else {
    if (a.type !== b.type) changes.push(`Logement : ${dwellingSummary(a)} → ${dwellingSummary(b)}`);
    else if (a.surfaceM2 !== b.surfaceM2) changes.push(`Surface : ${a.surfaceM2} m² → ${b.surfaceM2} m²`);
    if (a.type === b.type && a.rooms !== b.rooms) changes.push(`Pièces principales : ${a.rooms} → ${b.rooms}`);
  }
  if (a.occupancy !== b.occupancy) {
    changes.push(b.occupancy === 'OWNER' ? 'Vous devenez propriétaire' : 'Vous devenez locataire');
  }
  if (a.residence !== b.residence) {
    changes.push(b.residence === 'MAIN' ? 'Devient votre résidence principale' : 'Devient une résidence secondaire');
  }
  const [x, y] = [current.coverage, next.coverage];
  for (const option of OPTION_CODES) {
    const [had, has] = [x.options.includes(option), y.options.includes(option)];
    if (!had && has) changes.push(`Ajout de l’option ${OPTION_LABELS[option]}`);
    if (had && !has) changes.push(`Retrait de l’option ${OPTION_LABELS[option]}`);
  }
  if (x.valuablesCents !== y.valuablesCents) {
    changes.push(`Objets de valeur déclarés : ${eurosInText(x.valuablesCents)} → ${eurosInText(y.valuablesCents)}`);
  }
  const [contentsBefore, contentsAfter] = [contentsCapitalCents(a, x), contentsCapitalCents(b, y)];
  if ((x.contentsCents ?? 0) !== (y.contentsCents ?? 0) && contentsBefore !== contentsAfter) {
    changes.push(`Capital mobilier : ${eurosInText(contentsBefore)} → ${eurosInText(contentsAfter)}`);
  }
  if (x.deductibleCents !== y.deductibleCents) {
    changes.push(`Franchise : ${eurosInText(x.deductibleCents)} → ${eurosInText(y.deductibleCents)}`);
  }
  return changes;
}

/** One line of the contract as it was and as it becomes, for the avenant's « Avant / Après » table. */
export interface ChangeLine {
  label: string;
  before: string;
  after: string;
}

/** The insured address, which the pricing facts leave out (only the postal code prices). */
export interface InsuredAddress {
  addressLine: string;
  city: string;
}

const OCCUPANCY_TEXT = { OWNER: 'Propriétaire', TENANT: 'Locataire' } as const;
const RESIDENCE_TEXT = { MAIN: 'Résidence principale', SECONDARY: 'Résidence secondaire' } as const;
const TYPE_TEXT = { HOUSE: 'Maison', APARTMENT: 'Appartement' } as const;

/**
 * Every line of the contract the change touches, with its value before and after, in the order of the conditions
 * particulières. Unlike `describeChanges` (sentences for the quote screen), nothing here needs an arrow: the avenant
 * prints it in two columns.
 */
export function changeLines(
  current: ContractFacts & { address: InsuredAddress },
  next: ContractFacts & { address: InsuredAddress },
): ChangeLine[] {
  const lines: ChangeLine[] = [];
  const line = (label: string, before: string, after: string) => {
    if (before !== after) lines.push({ label, before, after });
  };
  const [a, b] = [current.dwelling, next.dwelling];
  const address = (x: InsuredAddress, d: DwellingFacts) => `${x.addressLine}, ${d.postalCode} ${x.city}`;
  line('Adresse du logement assuré', address(current.address, a), address(next.address, b));
  line('Type de logement', TYPE_TEXT[a.type], TYPE_TEXT[b.type]);
  line('Surface habitable', `${a.surfaceM2} m²`, `${b.surfaceM2} m²`);
  line('Pièces principales', String(a.rooms), String(b.rooms));
  line('Qualité de l’assuré', OCCUPANCY_TEXT[a.occupancy], OCCUPANCY_TEXT[b.occupancy]);
  line('Usage du logement', RESIDENCE_TEXT[a.residence], RESIDENCE_TEXT[b.residence]);
  const [x, y] = [current.coverage, next.coverage];
  for (const option of OPTION_CODES) {
    const held = (c: Coverage) => (c.options.includes(option) ? 'Souscrite' : 'Non souscrite');
    line(`Option ${OPTION_LABELS[option]}`, held(x), held(y));
  }
  const valuables = (cents: number) => (cents === 0 ? 'Aucun' : eurosInText(cents));
  line('Objets de valeur déclarés', valuables(x.valuablesCents), valuables(y.valuablesCents));
  line('Capital mobilier assuré', eurosInText(contentsCapitalCents(a, x)), eurosInText(contentsCapitalCents(b, y)));
  line('Franchise générale', eurosInText(x.deductibleCents), eurosInText(y.deductibleCents));
  return lines;
}
