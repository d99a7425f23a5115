// One line of the contracts file: a customer and their home contract. Every problem of a line is reported at once,
// in French, naming the column, so the file can be corrected in one pass.

import {
  type Coverage,
  DEDUCTIBLE_CHOICES_CENTS,
  type DwellingFacts,
  isOptionCode,
  type OptionCode,
  validateChange,
} from '../../subgraphs/policies/src/domain/pricing.ts';
import { MAX_SURFACE_M2, MIN_SURFACE_M2 } from '../../subgraphs/policies/src/domain/validation.ts';
import { isContractNumber } from '../../subgraphs/users/src/domain/contract-number.ts';

export const CONTRACT_COLUMNS = [
  'contract_number',
  'first_name',
  'last_name',
  'email',
  'phone',
  'address_line',
  'postal_code',
  'city',
  'dwelling_type',
  'surface_m2',
  'rooms',
  'occupancy',
  'residence',
  'options',
  'valuables_eur',
  'deductible_eur',
  'start_date',
  'payment_frequency',
] as const;

export interface ContractRecord {
  contractNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  address: { addressLine: string; city: string };
  dwelling: DwellingFacts;
  coverage: Coverage;
  start: Date;
  paymentFrequency: 'MONTHLY' | 'ANNUAL';
}

export type ContractLine = { kind: 'ok'; record: ContractRecord } | { kind: 'rejected'; reasons: string[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{7,14}$/;
const POSTAL_CODE = /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function wholeNumber(value: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function calendarDate(value: string): Date | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? d : undefined;
}

export function readContractLine(f: Record<string, string>): ContractLine {
  const reasons: string[] = [];
  const need = <T>(column: string, value: T | undefined, expected: string): T => {
    if (value === undefined)
      reasons.push(`${column}\u00a0: ${f[column] ? `«\u00a0${f[column]}\u00a0» ` : ''}${expected}`);
    return value as T;
  };
  const text = (column: string, max = 200) =>
    need(column, f[column] && f[column].length <= max ? f[column] : undefined, 'obligatoire');
  const contractNumber = need(
    'contract_number',
    f.contract_number && isContractNumber(f.contract_number) ? f.contract_number : undefined,
    '8 à 10 lettres et chiffres attendus',
  );
  const firstName = text('first_name');
  const lastName = text('last_name');
  const email = need('email', f.email && EMAIL.test(f.email) ? f.email : undefined, 'adresse e-mail attendue');
  const phone = f.phone
    ? need('phone', PHONE.test(f.phone) ? f.phone : undefined, 'format +33612345678 attendu')
    : undefined;
  const addressLine = text('address_line');
  const city = text('city');
  const postalCode = need(
    'postal_code',
    f.postal_code && POSTAL_CODE.test(f.postal_code) ? f.postal_code : undefined,
    'code postal français attendu',
  );
  const type = need(
    'dwelling_type',
    oneOf(f.dwelling_type ?? '', ['HOUSE', 'APARTMENT'] as const),
    'HOUSE ou APARTMENT',
  );
  const surfaceM2 = need(
    'surface_m2',
    wholeNumber(f.surface_m2 ?? '', MIN_SURFACE_M2, MAX_SURFACE_M2),
    `surface en m² entière, de ${MIN_SURFACE_M2} à ${MAX_SURFACE_M2}`,
  );
  const rooms = need('rooms', wholeNumber(f.rooms ?? '', 1, 30), 'nombre de pièces, de 1 à 30');
  const occupancy = need('occupancy', oneOf(f.occupancy ?? '', ['OWNER', 'TENANT'] as const), 'OWNER ou TENANT');
  const residence = need('residence', oneOf(f.residence ?? '', ['MAIN', 'SECONDARY'] as const), 'MAIN ou SECONDARY');
  const optionList = (f.options ?? '').split('|').filter(Boolean);
  const options = need(
    'options',
    optionList.every(isOptionCode) ? (optionList as OptionCode[]) : undefined,
    'codes d’option séparés par |',
  );
  const valuables = f.valuables_eur
    ? need('valuables_eur', wholeNumber(f.valuables_eur, 0, 1_000_000), 'montant entier en euros')
    : 0;
  const deductible = need(
    'deductible_eur',
    (DEDUCTIBLE_CHOICES_CENTS as readonly number[]).includes(Number(f.deductible_eur) * 100)
      ? Number(f.deductible_eur) * 100
      : undefined,
    `franchise parmi ${DEDUCTIBLE_CHOICES_CENTS.map((c) => c / 100).join(', ')}`,
  );
  const start = need('start_date', calendarDate(f.start_date ?? ''), 'date AAAA-MM-JJ attendue');
  const paymentFrequency = need(
    'payment_frequency',
    oneOf(f.payment_frequency || 'MONTHLY', ['MONTHLY', 'ANNUAL'] as const),
    'MONTHLY ou ANNUAL',
  );
  if (reasons.length) return { kind: 'rejected', reasons };
  const dwelling: DwellingFacts = { type, surfaceM2, rooms, postalCode, occupancy, residence };
  const coverage: Coverage = { options, valuablesCents: valuables * 100, deductibleCents: deductible };
  // The pricing engine's own rules (options that need a garden, valuables without their option, ...).
  const priced = validateChange(dwelling, coverage);
  if (!priced.ok) return { kind: 'rejected', reasons: [priced.message] };
  return {
    kind: 'ok',
    record: {
      contractNumber,
      firstName,
      lastName,
      email,
      ...(phone ? { phone } : {}),
      address: { addressLine, city },
      dwelling,
      coverage,
      start,
      paymentFrequency,
    },
  };
}
