import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isContractNumber } from '../src/domain/contract-number.ts';
import { isLocked, LOCK_DURATION_MS, lockAfterFailure, MAX_FAILED_SIGN_INS } from '../src/domain/lockout.ts';
import { hashPassword, verifyPassword } from '../src/domain/password.ts';
import { normalisePhone, validateProfile } from '../src/domain/profile.ts';
import { checkTotp, totpCode, totpStep } from '../src/domain/totp.ts';

describe('normalisePhone', () => {
  it.each([
    ['0612345678', '+33612345678'],
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['01 (23) 45 67 89', '+33123456789'],
    ['+33612345678', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+1 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('normalises %s to %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each([
    '12345',
    '0012345678', // 0 then 0: not a French national number
    '061234567', // one digit short
    '06123456789', // one digit too many
    '+0612345678', // country codes do not start with 0
    '+1234567', // too short for E.164
    '+1234567890123456', // 16 digits: too long for E.164
    '06 12 34 56 7a',
    'phone',
    '',
  ])('refuses %j', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('turns any French national number, however spaced, into +33 and its nine digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('', ' ', '.', '-'),
        (first, rest, sep) => {
          const digits = [0, first, ...rest];
          const pairs = [0, 2, 4, 6, 8].map((i) => `${digits[i]}${digits[i + 1]}`);
          expect(normalisePhone(pairs.join(sep))).toBe(`+33${digits.slice(1).join('')}`);
        },
      ),
    );
  });
});

describe('validateProfile', () => {
  it('trims names and keeps a valid French phone in E.164', () => {
    expect(validateProfile({ firstName: '  Éloïse ', lastName: "O'Brien-Le Gall", phone: '06 12 34 56 78' })).toEqual({
      kind: 'ok',
      values: { firstName: 'Éloïse', lastName: "O'Brien-Le Gall", phone: '+33612345678' },
    });
  });

  it('accepts an international phone in E.164', () => {
    expect(validateProfile({ phone: '+1 415 555 2671' })).toEqual({ kind: 'ok', values: { phone: '+14155552671' } });
  });

  it('normalises names to NFC so a decomposed accent is stored composed', () => {
    const result = validateProfile({ firstName: 'E\u0301lise' });
    expect(result).toEqual({ kind: 'ok', values: { firstName: '\u00c9lise' } });
  });

  it.each(['', '   ', '123', '-Jean', 'Jean<script>', 'Jean😀', 'Jean\u0000', 'A'.repeat(101)])(
    'refuses the first name %j',
    (firstName) => {
      expect(validateProfile({ firstName })).toMatchObject({ kind: 'invalid', field: 'firstName' });
    },
  );

  it('accepts a name of exactly 100 characters', () => {
    expect(validateProfile({ lastName: 'A'.repeat(100) })).toEqual({
      kind: 'ok',
      values: { lastName: 'A'.repeat(100) },
    });
  });

  it('reports the last name as the invalid field when only it is wrong', () => {
    expect(validateProfile({ firstName: 'Jeanne', lastName: '42' })).toMatchObject({
      kind: 'invalid',
      field: 'lastName',
    });
  });

  it('refuses an invalid phone number, naming the phone field', () => {
    expect(validateProfile({ phone: '12 34' })).toEqual({
      kind: 'invalid',
      field: 'phone',
      message: 'Numéro de téléphone invalide.',
    });
  });

  it.each(['', '   '])('removes the phone when it is set to %j', (phone) => {
    expect(validateProfile({ phone })).toEqual({ kind: 'ok', values: { phone: null } });
  });

  it('leaves out the fields that are absent or null', () => {
    expect(validateProfile({})).toEqual({ kind: 'ok', values: {} });
    expect(validateProfile({ firstName: null, lastName: undefined, phone: null })).toEqual({ kind: 'ok', values: {} });
  });
});

describe('lockout', () => {
  const now = new Date('2026-11-26T09:00:00Z');

  it('keeps the account open through the fourth consecutive failure', () => {
    for (let failures = 1; failures < MAX_FAILED_SIGN_INS; failures++)
      expect(lockAfterFailure(failures, now)).toBeNull();
  });

  it('locks the account for 30 minutes at the fifth consecutive failure', () => {
    expect(MAX_FAILED_SIGN_INS).toBe(5);
    expect(lockAfterFailure(5, now)).toEqual(new Date('2026-11-26T09:30:00Z'));
    expect(LOCK_DURATION_MS).toBe(30 * 60_000);
  });

  it('locks again, from the new failure, on failures after the fifth', () => {
    const later = new Date('2026-11-26T10:00:00Z');
    expect(lockAfterFailure(6, later)).toEqual(new Date('2026-11-26T10:30:00Z'));
  });

  it('treats an account without a lock end as open', () => {
    expect(isLocked(null, now)).toBe(false);
  });

  it('keeps the account locked until the lock end, and open from it', () => {
    const until = lockAfterFailure(5, now);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, new Date('2026-11-26T09:29:59.999Z'))).toBe(true);
    expect(isLocked(until, new Date('2026-11-26T09:30:00Z'))).toBe(false);
    expect(isLocked(until, new Date('2026-11-26T11:00:00Z'))).toBe(false);
  });
});

describe('isContractNumber', () => {
  it.each(['AB123456', 'ab12cd34ef', '123456789', 'HAB2026001'])('accepts %s', (value) => {
    expect(isContractNumber(value)).toBe(true);
  });

  it.each(['AB12345', 'AB123456789', 'AB-123456', 'AB 123456', 'ÉB123456', ' AB123456', 'AB123456\n', ''])(
    'refuses %j',
    (value) => {
      expect(isContractNumber(value)).toBe(false);
    },
  );
});

describe('TOTP', () => {
  const SECRET = 'JBSWY3DPEHPK3PXP'; // the demo staff secret
  const at = new Date('2026-11-26T09:00:10Z');
  const step = totpStep(at);
  const seconds = (n: number) => new Date(at.getTime() + n * 1000);

  it('counts 30-second steps since the epoch', () => {
    expect(step).toBe(Math.floor(at.getTime() / 30_000));
    expect(totpStep(seconds(19))).toBe(step); // 09:00:29
    expect(totpStep(seconds(20))).toBe(step + 1); // 09:00:30
  });

  it('produces six digits, the same for every instant of a step', async () => {
    const code = await totpCode(SECRET, at);
    expect(code).toMatch(/^\d{6}$/);
    expect(await totpCode(SECRET, seconds(19))).toBe(code);
    expect(await totpCode(SECRET, seconds(20))).not.toBe(code);
  });

  it('matches the RFC 6238 value for the demo secret', async () => {
    // Independent HOTP computation (RFC 4226) for the same step.
    const { createHmac } = await import('node:crypto');
    const key = Buffer.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]); // base32 JBSWY3DPEHPK3PXP
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(step));
    const mac = createHmac('sha1', key).update(counter).digest();
    const offset = mac[mac.length - 1]! & 0xf;
    const expected = ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
    expect(await totpCode(SECRET, at)).toBe(expected);
  });

  it('accepts the current code and returns its step', async () => {
    expect(await checkTotp(SECRET, await totpCode(SECRET, at), at, null)).toBe(step);
  });

  it("accepts the previous step's code, for clock drift", async () => {
    expect(await checkTotp(SECRET, await totpCode(SECRET, seconds(-30)), at, null)).toBe(step - 1);
  });

  it('refuses a code two steps old', async () => {
    expect(await checkTotp(SECRET, await totpCode(SECRET, seconds(-60)), at, null)).toBeNull();
  });

  it('refuses a code of the next step', async () => {
    expect(await checkTotp(SECRET, await totpCode(SECRET, seconds(30)), at, null)).toBeNull();
  });

  it('refuses a code already used in the same time step', async () => {
    expect(await checkTotp(SECRET, await totpCode(SECRET, at), at, step)).toBeNull();
  });

  it('refuses the previous step code once a later step was used', async () => {
    expect(await checkTotp(SECRET, await totpCode(SECRET, seconds(-30)), at, step - 1)).toBeNull();
  });

  it('accepts the current code when only the previous step was used', async () => {
    expect(await checkTotp(SECRET, await totpCode(SECRET, at), at, step - 1)).toBe(step);
  });

  it('refuses, without throwing, when the last used step is ahead of the clock', async () => {
    expect(await checkTotp(SECRET, await totpCode(SECRET, at), at, step + 1)).toBeNull();
  });

  it('refuses a wrong code', async () => {
    const code = await totpCode(SECRET, at);
    const wrong = ((Number(code) + 1) % 1_000_000).toString().padStart(6, '0');
    expect(await checkTotp(SECRET, wrong, at, null)).toBeNull();
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 345', '12345a', ' 123456', '١٢٣٤٥٦'])(
    'refuses the non-code %j',
    async (code) => {
      expect(await checkTotp(SECRET, code, at, null)).toBeNull();
    },
  );

  it('refuses a valid code with padding around it', async () => {
    expect(await checkTotp(SECRET, ` ${await totpCode(SECRET, at)}`, at, null)).toBeNull();
  });
});

describe('password hashing', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword('correct horse battery staple');
  });

  it('hashes with argon2id at 64 MiB, 2 passes, 1 lane', () => {
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=65536,t=2,p=1\$/);
    expect(stored).not.toContain('correct horse');
  });

  it('verifies the password it hashed', async () => {
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
  });

  it('refuses a wrong password', async () => {
    expect(await verifyPassword(stored, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('refuses, without throwing, when the stored hash is not an argon2 hash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
