// The customer's security score: a pure function of what we know about the account, so the formula documented in
// subgraphs/users/README.md ("Security score") can be unit-tested without a database or a clock.

export interface SecurityInputs {
  /** zxcvbn score of the current password, measured when it was set; null = unknown (set before measurement existed). */
  passwordStrength: 0 | 1 | 2 | 3 | 4 | null;
  twoFactorEnabled: boolean;
  /** The second factor is a texted code rather than an app (weaker: a SIM swap or an SMS interception defeats it). */
  twoFactorBySms?: boolean;
  passwordChangedAt: Date | null;
  emailVerified: boolean;
  /** A phone number on file that was confirmed (recovery by SMS possible). */
  phoneVerified: boolean;
  /** Sign-ins from a new device or unusual country in the last 90 days that the customer has not confirmed. */
  unrecognisedSignIns: number;
  /**
   * Of the last three 30-day periods before `now`, how many saw at least one successful sign-in (0 to 3): how
   * regularly the customer comes and looks at their account.
   */
  activeMonths: number;
  now: Date;
}

export const SecurityFactorKey = {
  PASSWORD_STRENGTH: 'PASSWORD_STRENGTH',
  TWO_FACTOR: 'TWO_FACTOR',
  PASSWORD_AGE: 'PASSWORD_AGE',
  EMAIL_VERIFIED: 'EMAIL_VERIFIED',
  PHONE_VERIFIED: 'PHONE_VERIFIED',
  NO_UNRECOGNISED_SIGN_INS: 'NO_UNRECOGNISED_SIGN_INS',
  CONNECTION_REGULARITY: 'CONNECTION_REGULARITY',
} as const;
export type SecurityFactorKey = (typeof SecurityFactorKey)[keyof typeof SecurityFactorKey];

export interface SecurityFactor {
  key: SecurityFactorKey;
  /** French, shown to the customer. */
  label: string;
  points: number;
  maxPoints: number;
  /** True when the factor earns all its points. */
  ok: boolean;
}

export interface SecurityScore {
  /** Integer from 0 to 100. */
  score: number;
  factors: SecurityFactor[];
  /** French, one per factor short of its maximum, most points to win first. */
  recommendations: string[];
}

// Weights sum to 100. Two-factor weighs most because it is the only factor that still protects a leaked password.
const MAX_POINTS: Record<SecurityFactorKey, number> = {
  PASSWORD_STRENGTH: 25,
  TWO_FACTOR: 30,
  PASSWORD_AGE: 5,
  EMAIL_VERIFIED: 10,
  PHONE_VERIFIED: 10,
  NO_UNRECOGNISED_SIGN_INS: 15,
  CONNECTION_REGULARITY: 5,
};

/** Two-factor by SMS: a real second factor, but one a SIM swap or an intercepted text defeats. */
const SMS_TWO_FACTOR_POINTS = 20;
/** By active months out of the last three: someone who looks every month sees an alert or a strange sign-in soon. */
const REGULARITY_POINTS = [0, 0, 3, 5] as const;

// Indexed by zxcvbn score. The jump between 2 and 3 is zxcvbn's own line between "somewhat guessable" (< 10^8
// guesses) and "safely unguessable" (< 10^10), which is what matters against offline guessing.
const STRENGTH_POINTS = [0, 5, 10, 20, 25] as const;
/** zxcvbn score from which a password counts as strong. */
const STRONG = 3;

// No forced periodic renewal (CNIL and ANSSI advise against it: it breeds predictable variants). Age only costs
// points when the password is weak or unmeasured and past a year, when any password is past three years, or when we
// do not know when it was set.
const WEAK_PASSWORD_MAX_AGE_YEARS = 1;
const ANY_PASSWORD_MAX_AGE_YEARS = 3;

const LABELS: Record<SecurityFactorKey, string> = {
  PASSWORD_STRENGTH: 'Robustesse du mot de passe',
  TWO_FACTOR: 'Double authentification',
  PASSWORD_AGE: 'Ancienneté du mot de passe',
  EMAIL_VERIFIED: 'Adresse e-mail vérifiée',
  PHONE_VERIFIED: 'Numéro de téléphone vérifié',
  NO_UNRECOGNISED_SIGN_INS: 'Aucune connexion non reconnue',
  CONNECTION_REGULARITY: 'Connexions régulières',
};

// Breaks ties between equal missing points: a possible intrusion first, the light advice on age last.
const TIE_BREAK: readonly SecurityFactorKey[] = [
  'TWO_FACTOR',
  'NO_UNRECOGNISED_SIGN_INS',
  'PASSWORD_STRENGTH',
  'EMAIL_VERIFIED',
  'PHONE_VERIFIED',
  'CONNECTION_REGULARITY',
  'PASSWORD_AGE',
];

/** `date` minus whole calendar years, in UTC (29 February minus one year is 1 March). */
function yearsBefore(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() - years);
  return result;
}

type PasswordAge = 'fresh' | 'unknown' | 'old-and-weak' | 'very-old';

function passwordAge({ passwordChangedAt, passwordStrength, now }: SecurityInputs): PasswordAge {
  if (!passwordChangedAt || Number.isNaN(passwordChangedAt.getTime())) return 'unknown';
  // A change exactly N years ago is still "within N years"; a date in the future (clock skew) counts as fresh.
  if (passwordChangedAt < yearsBefore(now, ANY_PASSWORD_MAX_AGE_YEARS)) return 'very-old';
  const strong = passwordStrength !== null && passwordStrength >= STRONG;
  if (!strong && passwordChangedAt < yearsBefore(now, WEAK_PASSWORD_MAX_AGE_YEARS)) return 'old-and-weak';
  return 'fresh';
}

function pointsFor(key: SecurityFactorKey, inputs: SecurityInputs): number {
  switch (key) {
    case 'PASSWORD_STRENGTH':
      // Unknown earns nothing: the score vouches only for what was measured, and one password change fixes it.
      return inputs.passwordStrength === null ? 0 : STRENGTH_POINTS[inputs.passwordStrength];
    case 'TWO_FACTOR':
      if (!inputs.twoFactorEnabled) return 0;
      return inputs.twoFactorBySms ? SMS_TWO_FACTOR_POINTS : MAX_POINTS.TWO_FACTOR;
    case 'PASSWORD_AGE':
      return passwordAge(inputs) === 'fresh' ? MAX_POINTS.PASSWORD_AGE : 0;
    case 'EMAIL_VERIFIED':
      return inputs.emailVerified ? MAX_POINTS.EMAIL_VERIFIED : 0;
    case 'PHONE_VERIFIED':
      return inputs.phoneVerified ? MAX_POINTS.PHONE_VERIFIED : 0;
    case 'NO_UNRECOGNISED_SIGN_INS':
      // One unconfirmed sign-in may already be an intruder, so any count loses everything. Written so that NaN
      // (a broken count) fails closed.
      return inputs.unrecognisedSignIns <= 0 ? MAX_POINTS.NO_UNRECOGNISED_SIGN_INS : 0;
    case 'CONNECTION_REGULARITY': {
      // Written so that a broken count (NaN, out of range) earns nothing.
      const months = Math.trunc(inputs.activeMonths);
      return months >= 0 && months <= 3 ? REGULARITY_POINTS[months as 0 | 1 | 2 | 3] : 0;
    }
  }
}

function recommendationFor(key: SecurityFactorKey, inputs: SecurityInputs): string {
  switch (key) {
    case 'PASSWORD_STRENGTH':
      return inputs.passwordStrength === null
        ? 'Changez votre mot de passe pour que nous puissions évaluer sa robustesse : choisissez une phrase de passe longue, que vous n’utilisez sur aucun autre site.'
        : 'Choisissez un mot de passe plus robuste : une phrase de passe de plusieurs mots, longue et que vous n’utilisez sur aucun autre site.';
    case 'TWO_FACTOR':
      return inputs.twoFactorEnabled
        ? 'Préférez une application d’authentification aux codes par SMS : un SMS peut être détourné, par exemple en cas de vol de votre carte SIM.'
        : 'Activez la double authentification : un code de votre application d’authentification, ou reçu par SMS, vous sera demandé en plus du mot de passe.';
    case 'PASSWORD_AGE':
      switch (passwordAge(inputs)) {
        case 'unknown':
          return 'Changez votre mot de passe : nous ne connaissons pas la date de sa dernière modification.';
        case 'very-old':
          return 'Votre mot de passe a plus de 3 ans : remplacez-le par un nouveau mot de passe robuste.';
        default:
          return 'Votre mot de passe est peu robuste et a plus d’un an : remplacez-le par un mot de passe robuste.';
      }
    case 'EMAIL_VERIFIED':
      return 'Confirmez votre adresse e-mail avec le lien que nous vous avons envoyé : elle sert à récupérer votre compte et à recevoir nos alertes de sécurité.';
    case 'PHONE_VERIFIED':
      return 'Ajoutez et confirmez votre numéro de téléphone mobile : il permet de récupérer votre compte par SMS.';
    case 'CONNECTION_REGULARITY':
      return 'Connectez-vous au moins une fois par mois : vous verrez plus tôt une connexion ou une modification que vous n’avez pas faite.';
    case 'NO_UNRECOGNISED_SIGN_INS': {
      const n = inputs.unrecognisedSignIns;
      const what =
        n === 1
          ? 'la connexion non reconnue'
          : Number.isInteger(n) && n > 1
            ? `les ${n} connexions non reconnues`
            : 'les connexions non reconnues';
      return `Vérifiez ${what} de ces 90 derniers jours dans votre historique de connexion : si ce n’était pas vous, changez votre mot de passe immédiatement.`;
    }
  }
}

/** Scores the account from 0 to 100 and says, most valuable first, what the customer can do to raise it. */
export function securityScore(inputs: SecurityInputs): SecurityScore {
  const factors: SecurityFactor[] = Object.values(SecurityFactorKey).map((key) => {
    const maxPoints = MAX_POINTS[key];
    const points = pointsFor(key, inputs);
    return {
      key,
      label: LABELS[key],
      points,
      maxPoints,
      ok: points === maxPoints,
    };
  });
  const total = factors.reduce((sum, factor) => sum + factor.points, 0);
  const recommendations = factors
    .filter((factor) => !factor.ok)
    .sort(
      (a, b) =>
        b.maxPoints - b.points - (a.maxPoints - a.points) || TIE_BREAK.indexOf(a.key) - TIE_BREAK.indexOf(b.key),
    )
    .map((factor) => recommendationFor(factor.key, inputs));
  return {
    score: Math.min(100, Math.max(0, Math.round(total))),
    factors,
    recommendations,
  };
}
