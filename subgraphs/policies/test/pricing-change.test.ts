import { describe, expect, it } from 'vitest';
import {
  type Coverage,
  type DwellingFacts,
  describeChanges,
  priceOf,
  proRataCents,
  quoteChange,
  validateChange,
} from '../src/domain/pricing.ts';
import { CAMILLE, type Contract, LOUIS, variant } from './pricing-fixtures.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('proRataCents', () => {
  const start = day('2025-01-01');
  const end = day('2026-01-01'); // renewal date, excluded: 365 days

  it('charges the whole annual difference for a change on the first day', () => {
    expect(proRataCents(12_345, start, start, end)).toBe(12_345);
  });

  it('charges the share of days left mid-period (183 of 365), to the cent', () => {
    // 12 000 × 183 / 365 = 6 016,44
    expect(proRataCents(12_000, day('2025-07-02'), start, end)).toBe(6_016);
  });

  it('charges one day out of 365 for a change on the last day before renewal', () => {
    expect(proRataCents(36_500, day('2025-12-31'), start, end)).toBe(100);
  });

  it('splits a leap year into 366 days: half of it from 2 July', () => {
    expect(proRataCents(12_000, day('2024-07-02'), day('2024-01-01'), day('2025-01-01'))).toBe(6_000);
  });

  it('counts 29 February in a period that spans it', () => {
    // 2023-09-15 → 2024-09-15 is 366 days; from 29 February, 199 are left: 36 600 × 199 / 366.
    expect(proRataCents(36_600, day('2024-02-29'), day('2023-09-15'), day('2024-09-15'))).toBe(19_900);
  });

  it('refunds a negative difference, rounding halves away from zero', () => {
    expect(proRataCents(-36_500, day('2025-09-23'), start, end)).toBe(-10_000); // 100 days left
    expect(proRataCents(-1, day('2024-07-02'), day('2024-01-01'), day('2025-01-01'))).toBe(-1); // -0,5 cent
    expect(proRataCents(1, day('2024-07-02'), day('2024-01-01'), day('2025-01-01'))).toBe(1);
  });

  it('returns a plain zero, not -0, when a small refund rounds away', () => {
    expect(proRataCents(-3, day('2025-12-31'), start, end)).toBe(0);
  });

  it('counts the whole day of the change whatever the time of day', () => {
    const evening = new Date('2025-07-02T22:30:00.000Z');
    expect(proRataCents(12_000, evening, start, end)).toBe(proRataCents(12_000, day('2025-07-02'), start, end));
  });

  it.each([
    ['before the period starts', day('2024-12-31')],
    ['on the renewal date', end],
    ['after the period', day('2026-03-01')],
    ['when it is not a date', new Date('not a date')],
  ])('throws RangeError for a change %s', (_, changeDate) => {
    expect(() => proRataCents(1_000, changeDate, start, end)).toThrow(RangeError);
  });

  it('throws RangeError for an empty period', () => {
    expect(() => proRataCents(1_000, start, start, start)).toThrow(RangeError);
  });
});

describe('quoteChange', () => {
  const period = { start: day('2025-03-01'), end: day('2026-03-01') };
  const quote = (next: Contract, on = day('2025-09-01')) => quoteChange(CAMILLE, next, period, on);

  it('makes the annual difference the new premium minus the current one', () => {
    const movingHouse = variant(LOUIS, { postalCode: '69004' }, { options: ['GARDEN'] });
    const q = quote(movingHouse);
    expect(q.current).toEqual(priceOf(CAMILLE.dwelling, CAMILLE.coverage));
    expect(q.next).toEqual(priceOf(movingHouse.dwelling, movingHouse.coverage));
    expect(q.annualDifferenceCents).toBe(q.next.annualPremiumCents - q.current.annualPremiumCents);
    expect(q.annualDifferenceCents).toBeGreaterThan(0);
  });

  it('asks for the pro-rata share of the difference for the rest of the period', () => {
    const q = quote(variant(CAMILLE, {}, { options: ['ASSISTANCE'] }));
    // 1 September to 1 March: 181 of 365 days.
    expect(q.proRataCents).toBe(Math.round((q.annualDifferenceCents * 181) / 365));
    expect(q.proRataCents).toBe(proRataCents(q.annualDifferenceCents, day('2025-09-01'), period.start, period.end));
  });

  it('refunds part of the premium when the change makes it cheaper', () => {
    const q = quote(variant(CAMILLE, {}, { deductibleCents: 50_000 }));
    expect(q.annualDifferenceCents).toBeLessThan(0);
    expect(q.proRataCents).toBeLessThan(0);
    expect(q.proRataCents).toBeGreaterThan(q.annualDifferenceCents);
  });

  it('quotes nothing to pay when nothing changes', () => {
    expect(quote(CAMILLE)).toMatchObject({ annualDifferenceCents: 0, proRataCents: 0 });
  });

  it('throws RangeError for an invalid change or a date outside the period', () => {
    expect(() => quote(variant(CAMILLE, {}, { options: ['SWIMMING_POOL'] }))).toThrow(RangeError);
    expect(() => quote(CAMILLE, day('2026-03-01'))).toThrow(RangeError);
  });
});

describe('validateChange', () => {
  const FLAT: DwellingFacts = CAMILLE.dwelling;
  const HOUSE: DwellingFacts = LOUIS.dwelling;
  const NONE: Coverage = CAMILLE.coverage;

  it.each<[string, DwellingFacts, Coverage]>([
    ['the smallest home: 9 m², 1 room', { ...FLAT, surfaceM2: 9, rooms: 1 }, NONE],
    ['the largest home: 1 000 m², 30 rooms', { ...HOUSE, surfaceM2: 1_000, rooms: 30 }, NONE],
    ['exactly 9 m² per room', { ...FLAT, surfaceM2: 27, rooms: 3 }, NONE],
    ['a Corsican code written 2A', { ...FLAT, postalCode: '2A004' }, NONE],
    ['an overseas postal code', { ...FLAT, postalCode: '97411' }, NONE],
    ['200 000 € of valuables with the option', FLAT, { ...NONE, options: ['VALUABLES'], valuablesCents: 20_000_000 }],
    ['pool and garden on a house', HOUSE, { ...NONE, options: ['SWIMMING_POOL', 'GARDEN'] }],
    ['the highest deductible', FLAT, { ...NONE, deductibleCents: 50_000 }],
  ])('accepts %s', (_, dwelling, coverage) => {
    expect(validateChange(dwelling, coverage)).toEqual({ ok: true });
  });

  it.each<[string, DwellingFacts, Coverage, string]>([
    ['a surface under 9 m²', { ...FLAT, surfaceM2: 8, rooms: 1 }, NONE, 'dwelling.surfaceM2'],
    ['a surface over 1 000 m²', { ...HOUSE, surfaceM2: 1_001 }, NONE, 'dwelling.surfaceM2'],
    ['a fractional surface', { ...FLAT, surfaceM2: 68.5 }, NONE, 'dwelling.surfaceM2'],
    ['no room', { ...FLAT, rooms: 0 }, NONE, 'dwelling.rooms'],
    ['31 rooms', { ...HOUSE, surfaceM2: 1_000, rooms: 31 }, NONE, 'dwelling.rooms'],
    ['rooms under 9 m² each', { ...FLAT, surfaceM2: 68, rooms: 8 }, NONE, 'dwelling.rooms'],
    ['a 4-digit postal code', { ...FLAT, postalCode: '6900' }, NONE, 'dwelling.postalCode'],
    ['département 00', { ...FLAT, postalCode: '00100' }, NONE, 'dwelling.postalCode'],
    ['département 96', { ...FLAT, postalCode: '96100' }, NONE, 'dwelling.postalCode'],
    ['Saint-Pierre-et-Miquelon (975)', { ...FLAT, postalCode: '97500' }, NONE, 'dwelling.postalCode'],
    ['Monaco (98)', { ...FLAT, postalCode: '98000' }, NONE, 'dwelling.postalCode'],
    ['letters', { ...FLAT, postalCode: 'LYON3' }, NONE, 'dwelling.postalCode'],
    ['an unknown dwelling type', { ...FLAT, type: 'CASTLE' as 'HOUSE' }, NONE, 'dwelling.type'],
    ['an unknown occupancy', { ...FLAT, occupancy: 'GUEST' as 'OWNER' }, NONE, 'dwelling.occupancy'],
    ['an unknown residence', { ...FLAT, residence: 'HOLIDAY' as 'MAIN' }, NONE, 'dwelling.residence'],
    ['a deductible not offered', FLAT, { ...NONE, deductibleCents: 20_000 }, 'coverage.deductibleCents'],
    ['negative valuables', FLAT, { ...NONE, options: ['VALUABLES'], valuablesCents: -1 }, 'coverage.valuablesCents'],
    [
      'valuables over 200 000 €',
      FLAT,
      { ...NONE, options: ['VALUABLES'], valuablesCents: 20_000_001 },
      'coverage.valuablesCents',
    ],
    [
      'valuables in fractions of a cent',
      FLAT,
      { ...NONE, options: ['VALUABLES'], valuablesCents: 10.5 },
      'coverage.valuablesCents',
    ],
    ['valuables without the option', FLAT, { ...NONE, valuablesCents: 100_000 }, 'coverage.options'],
    [
      'the valuables option with nothing declared',
      FLAT,
      { ...NONE, options: ['VALUABLES'] },
      'coverage.valuablesCents',
    ],
    ['a swimming pool on a flat', FLAT, { ...NONE, options: ['SWIMMING_POOL'] }, 'coverage.options'],
    ['a garden on a flat', FLAT, { ...NONE, options: ['GARDEN'] }, 'coverage.options'],
    ['the same option twice', FLAT, { ...NONE, options: ['ASSISTANCE', 'ASSISTANCE'] }, 'coverage.options'],
    ['an unknown option', FLAT, { ...NONE, options: ['JET_SKI' as 'GARDEN'] }, 'coverage.options'],
  ])('rejects %s, naming the field', (_, dwelling, coverage, field) => {
    const result = validateChange(dwelling, coverage);
    expect(result).toEqual({ ok: false, field, message: expect.any(String) });
    // Shown to the customer as is: a French sentence.
    expect(result.ok === false && result.message).toMatch(/^\p{Lu}.*\.$/u);
  });
});

describe('describeChanges', () => {
  it('says nothing when nothing changed', () => {
    expect(describeChanges(CAMILLE, CAMILLE)).toEqual([]);
  });

  it('describes a move with the new home', () => {
    expect(describeChanges(CAMILLE, variant(LOUIS, {}, {}))).toEqual([
      'Déménagement : nouveau logement au 44300 (maison, 112 m², 5 pièces)',
      'Vous devenez propriétaire',
    ]);
  });

  it('describes works, options, valuables and deductible in French', () => {
    const next = variant(
      LOUIS,
      { surfaceM2: 130, rooms: 6 },
      {
        options: ['VALUABLES', 'GARDEN'],
        valuablesCents: 500_000,
        deductibleCents: 30_000,
      },
    );
    const before = variant(LOUIS, {}, { options: ['GARDEN', 'ASSISTANCE'] });
    expect(describeChanges(before, next)).toEqual([
      'Surface : 112 m² → 130 m²',
      'Pièces principales : 5 → 6',
      'Ajout de l’option Objets de valeur',
      'Retrait de l’option Assistance habitation',
      'Objets de valeur déclarés : 0\u00a0€ → 5\u00a0000\u00a0€',
      'Franchise : 150\u00a0€ → 300\u00a0€',
    ]);
  });
});
