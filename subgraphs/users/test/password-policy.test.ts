import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  describeFailure,
  MAX_LENGTH,
  MIN_STRENGTH,
  type PasswordContext,
  PasswordRule,
  passwordStrength,
} from '../src/domain/password-policy.ts';

const camille: PasswordContext = {
  firstName: 'Camille',
  lastName: 'Martin',
  email: 'camille.martin@abri.example',
  contractNumber: 'HAB0012345',
};

/** Failures of a refused password, or an empty list when it is accepted. */
const failuresOf = (password: string, context?: PasswordContext) => {
  const result = checkPasswordPolicy(password, context);
  return result.ok ? [] : result.failures;
};

describe('checkPasswordPolicy', () => {
  it('accepts the demo passwords of the seeded accounts', () => {
    expect(checkPasswordPolicy('Abri-demo-2026!', camille)).toEqual({
      ok: true,
      strength: 4,
    });
    expect(checkPasswordPolicy('Abri-staff-2026!', camille)).toEqual({
      ok: true,
      strength: 4,
    });
    expect(
      checkPasswordPolicy('Abri-staff-2026!', {
        email: 'adjuster@abri.example',
      }),
    ).toEqual({
      ok: true,
      strength: 4,
    });
  });

  it('accepts a passphrase of unrelated words', () => {
    expect(checkPasswordPolicy('Tartine-Velo-Girafe-42', camille)).toEqual({
      ok: true,
      strength: 4,
    });
    expect(checkPasswordPolicy('Parapluie orange 7 fois!', camille)).toEqual({
      ok: true,
      strength: 4,
    });
  });

  it('refuses seven characters as too short, and necessarily too weak', () => {
    // Seven characters can never reach the 10^8 estimated guesses of MIN_STRENGTH, so the two always go together.
    expect(failuresOf('Xk9#mPq')).toEqual([PasswordRule.TOO_SHORT, PasswordRule.TOO_WEAK]);
  });

  it('accepts 128 characters and refuses 129 as too long', () => {
    const passphrase =
      'Tartine-Velo-Girafe-42-Parapluie-Orange-Nuage-Clavier-Montagne-Cerise-Boussole-Tambour-Hibou-Lanterne-Sapin-Violon-Renard-Cactus-Moulin';
    expect(failuresOf(passphrase.slice(0, MAX_LENGTH))).toEqual([]);
    expect(failuresOf(passphrase.slice(0, MAX_LENGTH + 1))).toEqual([PasswordRule.TOO_LONG]);
  });

  it('says only « too long » of a password over the limit, estimating nothing (the estimate and the list grow faster than the length)', () => {
    // Ten thousand digits then a letter: every other rule would fail too, and the list's pattern is quadratic on it.
    expect(checkPasswordPolicy(`${'1'.repeat(10_000)}a`)).toEqual({
      ok: false,
      failures: [PasswordRule.TOO_LONG],
      strength: 0,
    });
  });

  it('counts characters, not UTF-16 units, so an accented or astral character counts once', () => {
    // Seven characters each: eight UTF-16 units, and nine once the accent is typed as a combining mark.
    expect(failuresOf('Ét-42-😀')).toContain(PasswordRule.TOO_SHORT);
    expect(failuresOf('E\u0301t-42-😀')).toContain(PasswordRule.TOO_SHORT);
  });

  it('refuses a password without an upper-case letter', () => {
    expect(failuresOf('tartine-velo-girafe-42')).toEqual([PasswordRule.NO_UPPERCASE]);
  });

  it('refuses a password without a lower-case letter', () => {
    expect(failuresOf('TARTINE-VELO-GIRAFE-42')).toEqual([PasswordRule.NO_LOWERCASE]);
  });

  it('refuses a password without a digit', () => {
    expect(failuresOf('Tartine-Velo-Girafe-Clavier')).toEqual([PasswordRule.NO_DIGIT]);
  });

  it('refuses a password without a special character', () => {
    expect(failuresOf('TartineVeloGirafe42')).toEqual([PasswordRule.NO_SPECIAL]);
  });

  it('refuses a listed password dressed with digits and a symbol, whatever its case', () => {
    // Both score 3, enough for the estimator: only the list stops them.
    expect(checkPasswordPolicy('Soleil2024!')).toEqual({
      ok: false,
      failures: [PasswordRule.COMMON],
      strength: 3,
    });
    expect(failuresOf('sOLEIL2024!')).toEqual([PasswordRule.COMMON]);
  });

  it('refuses the French favourites added to the shipped list', () => {
    expect(failuresOf('Doudou2010!')).toEqual([PasswordRule.COMMON]);
    expect(failuresOf('Mot2passe!')).toEqual([PasswordRule.COMMON]);
  });

  it('refuses Azerty123! as both common and too weak', () => {
    expect(checkPasswordPolicy('Azerty123!')).toEqual({
      ok: false,
      failures: [PasswordRule.COMMON, PasswordRule.TOO_WEAK],
      strength: 1,
    });
  });

  it('refuses a French dictionary word with simple decoration as too weak', () => {
    expect(checkPasswordPolicy('Citrouille1!')).toEqual({
      ok: false,
      failures: [PasswordRule.TOO_WEAK],
      strength: 2,
    });
    expect(passwordStrength('Bonjour2024!')).toBeLessThan(MIN_STRENGTH);
    expect(failuresOf('Bonjour2024!')).toEqual([PasswordRule.COMMON, PasswordRule.TOO_WEAK]);
  });

  it('refuses a password containing the first name, accepted from someone else', () => {
    expect(checkPasswordPolicy('Camille2026!!x', camille)).toEqual({
      ok: false,
      failures: [PasswordRule.PERSONAL_INFO],
      strength: 3,
    });
    expect(failuresOf('Camille2026!!x', { firstName: 'Louis', lastName: 'Bernard' })).toEqual([]);
  });

  it('finds personal data regardless of case and accents, in either direction', () => {
    expect(failuresOf('Lefevre-Piano-42!', { lastName: 'Lefèvre' })).toEqual([PasswordRule.PERSONAL_INFO]);
    expect(failuresOf('HÉLÈNE-piano-42!', { firstName: 'Helene' })).toEqual([PasswordRule.PERSONAL_INFO]);
  });

  it('finds each part of the e-mail local part and the contract number', () => {
    expect(failuresOf('Ventoux-Piano-42!', { email: 'zorglub.ventoux@exemple.fr' })).toEqual([
      PasswordRule.PERSONAL_INFO,
    ]);
    expect(failuresOf('Piano-hab0012345!', { contractNumber: 'HAB0012345' })).toEqual([PasswordRule.PERSONAL_INFO]);
  });

  it('ignores personal parts shorter than three characters', () => {
    expect(
      failuresOf('Lithium-Piano-42!', {
        firstName: 'Li',
        lastName: null,
        email: 'li@exemple.fr',
      }),
    ).toEqual([]);
  });

  it('lists every failure that applies, in declaration order', () => {
    expect(failuresOf('abc')).toEqual([
      PasswordRule.TOO_SHORT,
      PasswordRule.NO_UPPERCASE,
      PasswordRule.NO_DIGIT,
      PasswordRule.NO_SPECIAL,
      PasswordRule.TOO_WEAK,
    ]);
    expect(failuresOf('Hab0012345-x!', camille)).toEqual([PasswordRule.TOO_WEAK, PasswordRule.PERSONAL_INFO]);
  });
});

describe('passwordStrength', () => {
  it('scores lower once the person’s own data is known to the attacker', () => {
    expect(passwordStrength('Hab0012345-x!')).toBe(3);
    expect(passwordStrength('Hab0012345-x!', camille)).toBe(1);
  });
});

describe('describeFailure', () => {
  it('tells the customer in French what every rule asks', () => {
    expect(describeFailure(PasswordRule.TOO_SHORT)).toBe('Au moins 8 caractères.');
    const messages = Object.values(PasswordRule).map(describeFailure);
    for (const message of messages) expect(message).toMatch(/^[A-ZÀ-Ý].*\.$/s);
    expect(new Set(messages).size).toBe(messages.length);
  });
});

describe('the shipped common-password list', () => {
  const list = readFileSync(new URL('../src/domain/data/common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);

  it('holds the top 10,000 leaked passwords plus French favourites, lower-case and without duplicates', () => {
    expect(list.length).toBeGreaterThan(10_000);
    expect(list.every((entry) => entry === entry.toLowerCase())).toBe(true);
    expect(new Set(list).size).toBe(list.length);
    expect(list).toEqual(expect.arrayContaining(['123456', 'azerty', 'motdepasse', 'doudou', 'jetaime', 'marseille']));
  });
});
