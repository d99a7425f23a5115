import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type SecurityFactorKey,
  type SecurityInputs,
  type SecurityScore,
  securityScore,
} from '../src/domain/security-score.ts';

// The weights are repeated here on purpose: the test pins the formula documented in the README, so changing a weight
// has to be a deliberate edit in both places.
const WEIGHTS: Record<SecurityFactorKey, number> = {
  PASSWORD_STRENGTH: 25,
  TWO_FACTOR: 30,
  PASSWORD_AGE: 5,
  EMAIL_VERIFIED: 10,
  PHONE_VERIFIED: 10,
  NO_UNRECOGNISED_SIGN_INS: 15,
  CONNECTION_REGULARITY: 5,
};

const NOW = new Date('2025-06-15T12:00:00.000Z');
const BEST: SecurityInputs = {
  passwordStrength: 4,
  twoFactorEnabled: true,
  passwordChangedAt: new Date('2025-05-01T09:00:00.000Z'),
  emailVerified: true,
  phoneVerified: true,
  unrecognisedSignIns: 0,
  activeMonths: 3,
  now: NOW,
};
const WORST: SecurityInputs = {
  passwordStrength: 0,
  twoFactorEnabled: false,
  passwordChangedAt: null,
  emailVerified: false,
  phoneVerified: false,
  unrecognisedSignIns: 4,
  activeMonths: 0,
  now: NOW,
};

const factor = (result: SecurityScore, key: SecurityFactorKey) => {
  const found = result.factors.find((f) => f.key === key);
  if (!found) throw new Error(`no factor ${key}`);
  return found;
};
const points = (inputs: Partial<SecurityInputs>, key: SecurityFactorKey) =>
  factor(securityScore({ ...BEST, ...inputs }), key).points;

describe('securityScore', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives 100 and no recommendation to a fully secured account', () => {
    const result = securityScore(BEST);
    expect(result.score).toBe(100);
    expect(result.recommendations).toEqual([]);
    expect(result.factors.every((f) => f.ok && f.points === f.maxPoints)).toBe(true);
  });

  it('gives 0 and one recommendation per factor to an unprotected account', () => {
    const result = securityScore(WORST);
    expect(result.score).toBe(0);
    expect(result.recommendations).toHaveLength(7);
    expect(result.factors.every((f) => !f.ok && f.points === 0)).toBe(true);
  });

  it('reports the seven factors with French labels and weights summing to 100', () => {
    const { factors } = securityScore(BEST);
    expect(factors.map((f) => [f.key, f.maxPoints])).toEqual(Object.entries(WEIGHTS));
    expect(factors.reduce((sum, f) => sum + f.maxPoints, 0)).toBe(100);
    expect(factors.map((f) => f.label)).toEqual([
      'Robustesse du mot de passe',
      'Double authentification',
      'Ancienneté du mot de passe',
      'Adresse e-mail vérifiée',
      'Numéro de téléphone vérifié',
      'Aucune connexion non reconnue',
      'Connexions régulières',
    ]);
  });

  it.each<[SecurityFactorKey, Partial<SecurityInputs>, RegExp]>([
    ['PASSWORD_STRENGTH', { passwordStrength: 0 }, /^Choisissez un mot de passe plus robuste/],
    ['TWO_FACTOR', { twoFactorEnabled: false }, /^Activez la double authentification/],
    ['PASSWORD_AGE', { passwordChangedAt: null }, /^Changez votre mot de passe : nous ne connaissons pas/],
    ['EMAIL_VERIFIED', { emailVerified: false }, /^Confirmez votre adresse e-mail/],
    ['PHONE_VERIFIED', { phoneVerified: false }, /^Ajoutez et confirmez votre numéro de téléphone/],
    ['NO_UNRECOGNISED_SIGN_INS', { unrecognisedSignIns: 1 }, /^Vérifiez la connexion non reconnue/],
    ['CONNECTION_REGULARITY', { activeMonths: 1 }, /^Connectez-vous au moins une fois par mois/],
  ])('loses exactly the weight of %s when only that factor fails', (key, degraded, advice) => {
    const result = securityScore({ ...BEST, ...degraded });
    expect(result.score).toBe(100 - WEIGHTS[key]);
    expect(result.factors.filter((f) => !f.ok).map((f) => f.key)).toEqual([key]);
    expect(result.recommendations).toHaveLength(1);
    expect(result.recommendations[0]).toMatch(advice);
  });

  describe('password strength', () => {
    it.each([
      [4, 25],
      [3, 20],
      [2, 10],
      [1, 5],
      [0, 0],
      [null, 0],
    ] as const)('gives zxcvbn score %s %i points', (strength, expected) => {
      expect(points({ passwordStrength: strength }, 'PASSWORD_STRENGTH')).toBe(expected);
      expect(securityScore({ ...BEST, passwordStrength: strength }).score).toBe(75 + expected);
    });

    it('asks for a change so an unmeasured password can be measured', () => {
      const result = securityScore({ ...BEST, passwordStrength: null });
      expect(result.recommendations).toEqual([expect.stringMatching(/pour que nous puissions évaluer sa robustesse/)]);
    });
  });

  describe('password age', () => {
    // NOW is 2025-06-15T12:00Z: one year before is 2024-06-15T12:00Z, three years before 2022-06-15T12:00Z.
    it.each([
      ['a strong password changed exactly 3 years ago', 4, '2022-06-15T12:00:00.000Z', 5],
      ['a strong password changed 3 years and 1 ms ago', 4, '2022-06-15T11:59:59.999Z', 0],
      ['a fair (3) password changed 2 years ago', 3, '2023-06-15T12:00:00.000Z', 5],
      ['a fair (3) password changed 3 years and 1 ms ago', 3, '2022-06-15T11:59:59.999Z', 0],
      ['a weak password changed exactly 1 year ago', 2, '2024-06-15T12:00:00.000Z', 5],
      ['a weak password changed 1 year and 1 ms ago', 2, '2024-06-15T11:59:59.999Z', 0],
      ['an unmeasured password changed exactly 1 year ago', null, '2024-06-15T12:00:00.000Z', 5],
      ['an unmeasured password changed 1 year and 1 ms ago', null, '2024-06-15T11:59:59.999Z', 0],
      ['a very weak password changed yesterday', 0, '2025-06-14T12:00:00.000Z', 5],
      ['a password dated in the future (clock skew)', 4, '2025-06-16T12:00:00.000Z', 5],
    ] as const)('scores %s', (_, strength, changedAt, expected) => {
      expect(
        points(
          {
            passwordStrength: strength,
            passwordChangedAt: new Date(changedAt),
          },
          'PASSWORD_AGE',
        ),
      ).toBe(expected);
    });

    it('counts calendar years in UTC, 29 February minus one year being 1 March', () => {
      const now = new Date('2028-02-29T00:00:00.000Z');
      const weak = { passwordStrength: 1, now } as const;
      expect(points({ ...weak, passwordChangedAt: new Date('2027-03-01T00:00:00.000Z') }, 'PASSWORD_AGE')).toBe(5);
      expect(points({ ...weak, passwordChangedAt: new Date('2027-02-28T23:59:59.999Z') }, 'PASSWORD_AGE')).toBe(0);
    });

    it('gives no points when the change date is unknown or invalid', () => {
      expect(points({ passwordChangedAt: null }, 'PASSWORD_AGE')).toBe(0);
      expect(points({ passwordChangedAt: new Date(Number.NaN) }, 'PASSWORD_AGE')).toBe(0);
    });

    it.each([
      ['unknown date', { passwordChangedAt: null }, /nous ne connaissons pas la date/],
      ['older than 3 years', { passwordChangedAt: new Date('2020-01-01T00:00:00Z') }, /a plus de 3 ans/],
      [
        'weak and older than a year',
        {
          passwordStrength: 2,
          passwordChangedAt: new Date('2024-01-01T00:00:00Z'),
        },
        /peu robuste et a plus d’un an/,
      ],
    ] as const)('explains the age advice when the password has an %s', (_, inputs, advice) => {
      const result = securityScore({ ...BEST, ...inputs });
      expect(result.recommendations.at(-1)).toMatch(advice);
    });
  });

  describe('unrecognised sign-ins', () => {
    it.each([
      [0, 15],
      [1, 0],
      [2, 0],
      [250, 0],
      [Number.NaN, 0],
    ])('gives %s unrecognised sign-ins %i points', (count, expected) => {
      expect(points({ unrecognisedSignIns: count }, 'NO_UNRECOGNISED_SIGN_INS')).toBe(expected);
    });

    it('names how many sign-ins to review', () => {
      expect(securityScore({ ...BEST, unrecognisedSignIns: 3 }).recommendations).toEqual([
        'Vérifiez les 3 connexions non reconnues de ces 90 derniers jours dans votre historique de connexion : si ce n’était pas vous, changez votre mot de passe immédiatement.',
      ]);
    });
  });

  describe('second factor by SMS', () => {
    it('earns 20 of the 30 points, and advises an app instead', () => {
      const result = securityScore({ ...BEST, twoFactorBySms: true });
      expect(factor(result, 'TWO_FACTOR').points).toBe(20);
      expect(result.score).toBe(90);
      expect(result.recommendations).toEqual([expect.stringMatching(/^Préférez une application d’authentification/)]);
    });

    it('earns nothing while two-factor is off', () => {
      expect(points({ twoFactorEnabled: false, twoFactorBySms: true }, 'TWO_FACTOR')).toBe(0);
    });
  });

  describe('connection regularity', () => {
    it.each([
      [3, 5],
      [2, 3],
      [1, 0],
      [0, 0],
      [4, 0],
      [-1, 0],
      [Number.NaN, 0],
    ])('gives %s active months out of the last three %i points', (months, expected) => {
      expect(points({ activeMonths: months }, 'CONNECTION_REGULARITY')).toBe(expected);
    });
  });

  describe('recommendations', () => {
    it('come most missing points first', () => {
      const result = securityScore({
        ...BEST,
        passwordStrength: 3, // misses 5
        twoFactorEnabled: false, // misses 30
        phoneVerified: false, // misses 10
        unrecognisedSignIns: 2, // misses 15
      });
      expect(result.recommendations).toEqual([
        expect.stringMatching(/^Activez la double authentification/),
        expect.stringMatching(/^Vérifiez les 2 connexions non reconnues/),
        expect.stringMatching(/^Ajoutez et confirmez votre numéro de téléphone/),
        expect.stringMatching(/^Choisissez un mot de passe plus robuste/),
      ]);
    });

    it('break ties by urgency: intrusion before password, email before phone before age', () => {
      const result = securityScore({
        ...BEST,
        passwordStrength: 2, // misses 15, like the sign-ins
        passwordChangedAt: null,
        emailVerified: false,
        phoneVerified: false,
        unrecognisedSignIns: 1,
      });
      expect(result.recommendations).toEqual([
        expect.stringMatching(/^Vérifiez la connexion non reconnue/),
        expect.stringMatching(/^Choisissez un mot de passe plus robuste/),
        expect.stringMatching(/^Confirmez votre adresse e-mail/),
        expect.stringMatching(/^Ajoutez et confirmez votre numéro de téléphone/),
        expect.stringMatching(/^Changez votre mot de passe : nous ne connaissons pas/),
      ]);
    });

    it('put regularity before password age when both miss 5 points', () => {
      const result = securityScore({ ...BEST, passwordChangedAt: null, activeMonths: 0 });
      expect(result.recommendations).toEqual([
        expect.stringMatching(/^Connectez-vous au moins une fois par mois/),
        expect.stringMatching(/^Changez votre mot de passe : nous ne connaissons pas/),
      ]);
    });
  });

  const inputs = fc.record({
    passwordStrength: fc.constantFrom(0, 1, 2, 3, 4, null),
    twoFactorEnabled: fc.boolean(),
    passwordChangedAt: fc.option(fc.date(), { nil: null }),
    emailVerified: fc.boolean(),
    phoneVerified: fc.boolean(),
    unrecognisedSignIns: fc.oneof(fc.nat(1000), fc.double()),
    activeMonths: fc.oneof(fc.nat(5), fc.double()),
    twoFactorBySms: fc.boolean(),
    now: fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
  });

  it('always returns an integer from 0 to 100 equal to the sum of the factors, with one advice per missed factor', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = securityScore(input);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.score).toBe(result.factors.reduce((sum, f) => sum + f.points, 0));
        expect(result.recommendations).toHaveLength(result.factors.filter((f) => !f.ok).length);
        expect(result.recommendations.length === 0).toBe(result.score === 100);
      }),
    );
  });

  it('depends on the injected clock only, never on the system time', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        vi.useFakeTimers({ now: new Date('1990-01-01T00:00:00Z') });
        const before = securityScore(input);
        vi.setSystemTime(new Date('2200-01-01T00:00:00Z'));
        expect(securityScore(input)).toEqual(before);
        vi.useRealTimers();
      }),
      { numRuns: 50 },
    );
  });
});
