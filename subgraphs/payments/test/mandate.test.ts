import { describe, expect, it } from 'vitest';
import { isValidMandateReference, mandateCustomerPart, mandateReference } from '../src/domain/mandate.ts';

describe('mandateReference', () => {
  it('builds ABRI-<customer>-<yyyymmdd>-<seq> in upper case', () => {
    expect(mandateReference('ab12cd34', 1, new Date('2026-03-15'))).toBe('ABRI-AB12CD34-20260315-001');
  });

  it('stays within the 35 characters the EPC allows for the longest customer number', () => {
    const reference = mandateReference('AB12CD34EF', 999, new Date('2026-12-31'));
    expect(reference).toBe('ABRI-AB12CD34EF-20261231-999');
    expect(isValidMandateReference(reference)).toBe(true);
  });

  it('differs when only the sequence differs, so a second mandate signed the same day is unique', () => {
    const day = new Date('2026-03-15');
    expect(mandateReference('AB12CD34', 1, day)).not.toBe(mandateReference('AB12CD34', 2, day));
  });

  it('differs for two customers whose ids share their first digits, signing on the same day', () => {
    const day = new Date('2026-12-02');
    const [camille, louis] = ['5f1c3a9e-2b7d-4c1e-9a41-000000000001', '5f1c3a9e-2b7d-4c1e-9a41-000000000002'].map(
      (id) => mandateReference(mandateCustomerPart(id), 1, day),
    );
    expect(camille).not.toBe(louis);
    expect(camille).toBe('ABRI-9A41000000000001-20261202-001');
    expect(isValidMandateReference(camille!)).toBe(true);
  });

  it('refuses inputs that cannot make a valid reference', () => {
    expect(() => mandateReference('AB-12', 1, new Date('2026-03-15'))).toThrow(RangeError);
    expect(() => mandateReference('AB12CD34', 0, new Date('2026-03-15'))).toThrow(RangeError);
    expect(() => mandateReference('AB12CD34', 1, new Date('not a date'))).toThrow(RangeError);
    expect(() => mandateReference('A'.repeat(20), 1, new Date('2026-03-15'))).toThrow(RangeError);
  });
});

describe('isValidMandateReference', () => {
  it('accepts the EPC character set up to 35 characters', () => {
    expect(isValidMandateReference("ABRI+?/:().,' -1")).toBe(true);
    expect(isValidMandateReference('A'.repeat(35))).toBe(true);
  });

  it('rejects empty, too long, lower case, accents and slashes used as separators', () => {
    for (const bad of ['', 'A'.repeat(36), 'abri-1', 'ABRI-É', 'ABRI_1', '/ABRI', 'ABRI/', 'AB//RI', ' ABRI']) {
      expect(isValidMandateReference(bad), bad).toBe(false);
    }
  });
});
