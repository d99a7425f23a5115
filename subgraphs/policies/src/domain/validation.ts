// What a contract (or a change to one) must satisfy before it can be priced. Messages are French and shown to the
// customer as they are; `field` names the input to fix, as a path into { dwelling, coverage }.

import { eurosInText } from '@abri/platform/french';
import {
  type Coverage,
  DEDUCTIBLE_CHOICES_CENTS,
  type DwellingFacts,
  DwellingType,
  HOUSE_ONLY_OPTIONS,
  isDeductibleChoice,
  isOptionCode,
  Occupancy,
  OPTION_LABELS,
  OptionCode,
  Residence,
} from './catalogue.ts';
import { isInsurablePostalCode } from './zones.ts';

export type ValidationResult = { ok: true } | { ok: false; field: string; message: string };

/** 9 m² is the legal minimum for a decent dwelling (décret n° 2002-120), so also the least a main room can be. */
export const MIN_SURFACE_M2 = 9;
export const MAX_SURFACE_M2 = 1_000;
export const MAX_ROOMS = 30;
/** Above this, valuables need a specific contract with an inventory and an expert valuation. */
export const MAX_VALUABLES_CENTS = 20_000_000;
/** Above this, contents need an inventory and a visit: a specific contract. */
export const MAX_CONTENTS_CENTS = 30_000_000;

const fail = (field: string, message: string): ValidationResult => ({ ok: false, field, message });
const isIn = (set: Record<string, string>, value: unknown) => Object.values(set).includes(value as string);

function validateDwelling(d: DwellingFacts): ValidationResult {
  if (!isIn(DwellingType, d.type)) {
    return fail('dwelling.type', 'Le type de logement doit être maison ou appartement.');
  }
  if (!Number.isInteger(d.surfaceM2) || d.surfaceM2 < MIN_SURFACE_M2 || d.surfaceM2 > MAX_SURFACE_M2) {
    return fail('dwelling.surfaceM2', 'La surface doit être un nombre entier de m², entre 9 et 1 000 m².');
  }
  if (!Number.isInteger(d.rooms) || d.rooms < 1 || d.rooms > MAX_ROOMS) {
    return fail('dwelling.rooms', 'Le nombre de pièces principales doit être compris entre 1 et 30.');
  }
  if (d.rooms * MIN_SURFACE_M2 > d.surfaceM2) {
    return fail(
      'dwelling.rooms',
      `Avec ${d.rooms} pièces, la surface doit être d’au moins ${d.rooms * MIN_SURFACE_M2} m² : vérifiez-la, ou le nombre de pièces.`,
    );
  }
  if (!isInsurablePostalCode(d.postalCode)) {
    return fail(
      'dwelling.postalCode',
      'Le code postal doit compter 5 chiffres et désigner un département de métropole, de Corse ou d’outre-mer.',
    );
  }
  if (!isIn(Occupancy, d.occupancy)) {
    return fail('dwelling.occupancy', 'Indiquez si vous êtes propriétaire ou locataire.');
  }
  if (!isIn(Residence, d.residence)) {
    return fail('dwelling.residence', 'Indiquez s’il s’agit de votre résidence principale ou secondaire.');
  }
  return { ok: true };
}

function validateCoverage(d: DwellingFacts, c: Coverage): ValidationResult {
  if (!isDeductibleChoice(c.deductibleCents)) {
    const choices = DEDUCTIBLE_CHOICES_CENTS.map(eurosInText).join(', ');
    return fail('coverage.deductibleCents', `La franchise doit être l’un de ces montants : ${choices}.`);
  }
  if (!Number.isInteger(c.valuablesCents) || c.valuablesCents < 0 || c.valuablesCents > MAX_VALUABLES_CENTS) {
    return fail(
      'coverage.valuablesCents',
      `La valeur des objets de valeur doit être comprise entre 0 et ${eurosInText(MAX_VALUABLES_CENTS)}.`,
    );
  }
  const contents = c.contentsCents ?? 0;
  if (!Number.isInteger(contents) || contents < 0 || contents > MAX_CONTENTS_CENTS) {
    return fail(
      'coverage.contentsCents',
      `Le capital mobilier déclaré doit être compris entre 0 et ${eurosInText(MAX_CONTENTS_CENTS)}.`,
    );
  }
  const seen = new Set<string>();
  for (const option of c.options as readonly string[]) {
    if (!isOptionCode(option)) return fail('coverage.options', `Option inconnue : ${option}.`);
    if (seen.has(option)) return fail('coverage.options', `L’option ${OPTION_LABELS[option]} est demandée deux fois.`);
    seen.add(option);
    if (HOUSE_ONLY_OPTIONS.includes(option) && d.type !== DwellingType.HOUSE) {
      return fail('coverage.options', `L’option ${OPTION_LABELS[option]} n’est proposée que pour une maison.`);
    }
  }
  const hasValuablesOption = seen.has(OptionCode.VALUABLES);
  if (c.valuablesCents > 0 && !hasValuablesOption) {
    return fail('coverage.options', 'Pour assurer des objets de valeur, ajoutez l’option Objets de valeur.');
  }
  if (hasValuablesOption && c.valuablesCents === 0) {
    return fail(
      'coverage.valuablesCents',
      'Indiquez la valeur de vos objets de valeur pour l’option Objets de valeur.',
    );
  }
  return { ok: true };
}

/** The first problem found, dwelling before coverage, so the customer fixes one thing at a time. */
export function validateChange(dwelling: DwellingFacts, coverage: Coverage): ValidationResult {
  const result = validateDwelling(dwelling);
  return result.ok ? validateCoverage(dwelling, coverage) : result;
}

/** Pricing an invalid contract would produce a wrong amount rather than an error; refuse it loudly instead. */
export function assertValid(dwelling: DwellingFacts, coverage: Coverage): void {
  const result = validateChange(dwelling, coverage);
  if (!result.ok) throw new RangeError(`${result.field}: ${result.message}`);
}
