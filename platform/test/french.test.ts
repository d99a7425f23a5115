// One way to write amounts and dates in French, drawable by the standard PDF fonts, and the Paris calendar day.
import { describe, expect, it } from 'vitest';
import { euros, eurosInText, frenchDate, frenchDateTime, parisDay, percent, printable } from '../src/french/index.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('French formatting', () => {
  it('writes euros with no-break spaces the WinAnsi fonts can draw, cents always in documents', () => {
    expect(euros(152000)).toBe('1\u00A0520,00\u00A0€');
    expect(euros(38000)).toBe('380,00\u00A0€');
    expect(euros(123456789)).toBe('1\u00A0234\u00A0567,89\u00A0€');
    expect(euros(-1234)).toBe('-12,34\u00A0€');
  });

  it('drops ",00" in prose, and only there', () => {
    expect(eurosInText(152000)).toBe('1\u00A0520\u00A0€');
    expect(eurosInText(1234)).toBe('12,34\u00A0€');
    expect(eurosInText(450_000_000)).toBe('4\u00A0500\u00A0000\u00A0€');
    expect(percent(1250)).toBe('12,5\u00A0%');
  });

  it('refuses an amount that is not whole cents', () => {
    expect(() => euros(12.5)).toThrow(RangeError);
  });

  it('writes dates in words, with « 1er » for the first of the month', () => {
    expect(frenchDate(day('2025-03-14'))).toBe('14 mars 2025');
    expect(frenchDate(day('2025-01-01'))).toBe('1er janvier 2025');
    expect(frenchDateTime(new Date('2026-12-01T13:05:00Z'))).toBe('1er décembre 2026 à 14\u00A0h\u00A005');
  });

  it('keeps French text and approaches what the fonts cannot draw', () => {
    expect(printable('Zoé Lefèvre-Nœud, 3 €')).toBe('Zoé Lefèvre-Nœud, 3 €');
    expect(printable('Antonín Dvořák')).toBe('Antonín Dvorák');
    expect(printable('王')).toBe('?');
  });
});

describe('parisDay', () => {
  it('takes the calendar day in Paris, summer and winter time alike', () => {
    expect(parisDay(new Date('2027-03-31T21:30:00Z'))).toEqual(day('2027-03-31'));
    expect(parisDay(new Date('2027-03-31T22:30:00Z'))).toEqual(day('2027-04-01'));
    expect(parisDay(new Date('2027-01-15T22:59:00Z'))).toEqual(day('2027-01-15'));
    expect(parisDay(new Date('2027-01-15T23:00:00Z'))).toEqual(day('2027-01-16'));
  });
});
