import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIban, maskIban, normaliseIban, validateIban } from '../src/domain/iban.ts';

// Published example IBANs (SWIFT registry, banks' and national bodies' documentation).
const VALID: readonly string[] = [
  'FR1420041010050500013M02606',
  'FR7630006000011234567890189',
  'DE89370400440532013000',
  'GB82WEST12345698765432',
  'BE68539007547034',
  'ES9121000418450200051332',
  'IT60X0542811101000000123456',
  'NL91ABNA0417164300',
  'CH9300762011623852957',
  'LU280019400644750000',
  'IE29AIBK93115212345678',
  'AT611904300234573201',
  'PT50000201231234567890154',
  'PL61109010140000071219812874',
  'SE4550000000058398257466',
  'DK5000400440116243',
  'FI2112345600000785',
  'NO9386011117947',
  'MC5811222000010123456789030',
  'GR1601101250000000012300695',
  'MT84MALT011000012345MTLCAST001S',
];

describe('normaliseIban', () => {
  it('removes spaces, including non-breaking ones, and upper-cases', () => {
    expect(normaliseIban(' fr76 3000\u00a06000 0112 3456 7890 189 ')).toBe('FR7630006000011234567890189');
  });
});

describe('validateIban', () => {
  it.each(VALID)('accepts the published example %s', (iban) => {
    expect(validateIban(iban)).toEqual({ ok: true, iban, country: iban.slice(0, 2) });
  });

  it('accepts an IBAN typed in lower case with spaces, and returns it normalised', () => {
    expect(validateIban('de89 3704 0044 0532 0130 00')).toEqual({
      ok: true,
      iban: 'DE89370400440532013000',
      country: 'DE',
    });
  });

  it('rejects any single digit changed with a checksum error', () => {
    for (const iban of VALID) {
      for (let i = 4; i < iban.length; i++) {
        const c = iban[i]!;
        if (!/\d/.test(c)) continue;
        const changed = `${iban.slice(0, i)}${(Number(c) + 1) % 10}${iban.slice(i + 1)}`;
        expect(validateIban(changed), changed).toEqual({ ok: false, reason: 'CHECKSUM' });
      }
    }
  });

  it('rejects wrong check digits', () => {
    expect(validateIban('FR7730006000011234567890189')).toEqual({ ok: false, reason: 'CHECKSUM' });
    expect(validateIban('GB00WEST12345698765432')).toEqual({ ok: false, reason: 'CHECKSUM' });
  });

  it('rejects two swapped digits, the commonest typing mistake', () => {
    expect(validateIban('DE89370400440532013000'.replace('3704', '7304'))).toEqual({ ok: false, reason: 'CHECKSUM' });
  });

  it('rejects a length wrong for the country', () => {
    expect(validateIban('FR763000600001123456789018')).toEqual({ ok: false, reason: 'LENGTH' });
    expect(validateIban('DE893704004405320130001')).toEqual({ ok: false, reason: 'LENGTH' });
    expect(validateIban('BE685390075470')).toEqual({ ok: false, reason: 'LENGTH' });
  });

  it('rejects an unknown country code', () => {
    expect(validateIban('XX89370400440532013000')).toEqual({ ok: false, reason: 'COUNTRY' });
    expect(validateIban('US64SVBKUS6S3300958879')).toEqual({ ok: false, reason: 'COUNTRY' });
  });

  it('rejects letters where digits belong and stray characters', () => {
    expect(validateIban('')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(validateIban('FR')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(validateIban('FRAB30006000011234567890189')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(validateIban('7630006000011234567890189FR')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(validateIban('FR76-3000-6000-0112-3456-7890-189')).toEqual({ ok: false, reason: 'FORMAT' });
    // German and French bank codes are digits only; the French RIB key too.
    expect(validateIban('DE89370400440532O13000')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(validateIban('FR763000600001123456789018A')).toEqual({ ok: false, reason: 'FORMAT' });
    // Dutch and British IBANs start their national part with a four-letter bank code.
    expect(validateIban('NL9112340417164300')).toEqual({ ok: false, reason: 'FORMAT' });
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const result = validateIban(raw);
        if (result.ok) expect(result.iban).toBe(normaliseIban(raw));
      }),
    );
  });
});

describe('formatIban and maskIban', () => {
  it('groups by four', () => {
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(formatIban('be68 5390 0754 7034')).toBe('BE68 5390 0754 7034');
  });

  it('keeps only the country, check digits and the end of the account', () => {
    expect(maskIban('FR7630006000011234567890189')).toBe('FR76 •••• •••• •••• •••• •••• 189');
    expect(maskIban('BE68539007547034')).toBe('BE68 •••• •••• 7034');
    expect(maskIban('DE89370400440532013000')).toBe('DE89 •••• •••• •••• ••30 00');
    expect(maskIban('NO9386011117947')).toBe('NO93 •••• •••• 947');
  });

  it('masks the same number of characters as it hides, keeping the printed length', () => {
    for (const iban of VALID) expect(maskIban(iban).length).toBe(formatIban(iban).length);
  });
});
