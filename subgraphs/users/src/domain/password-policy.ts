// Password policy for customer accounts. The reasoning (CNIL deliberation 2022-100, threshold, word list) is in the
// README section "Password policy"; this file holds the rules only.
import { readFileSync } from 'node:fs';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as frenchDictionary, translations as frenchTranslations } from '@zxcvbn-ts/language-fr';

/** Why a password was refused. Values equal keys so they can travel as-is in a GraphQL enum or a log line. */
export const PasswordRule = {
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  NO_UPPERCASE: 'NO_UPPERCASE',
  NO_LOWERCASE: 'NO_LOWERCASE',
  NO_DIGIT: 'NO_DIGIT',
  NO_SPECIAL: 'NO_SPECIAL',
  COMMON: 'COMMON',
  TOO_WEAK: 'TOO_WEAK',
  PERSONAL_INFO: 'PERSONAL_INFO',
} as const;
export type PasswordRule = (typeof PasswordRule)[keyof typeof PasswordRule];

/** What we know about the account holder; any part of it found in the password is refused. */
export interface PasswordContext {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  contractNumber?: string | null;
}

/** zxcvbn score: 0 too guessable … 4 very unguessable. */
export type PasswordStrength = 0 | 1 | 2 | 3 | 4;

export type PasswordCheck =
  | { ok: true; strength: PasswordStrength }
  | { ok: false; failures: PasswordRule[]; strength: PasswordStrength };

/** Minimum length in characters (code points). CNIL accepts 8 with four character types when attempts are limited. */
export const MIN_LENGTH = 8;

/**
 * Maximum length in characters. It bounds the work a single request can buy before and during hashing: argon2 reads
 * the whole password, and the strength estimate grows faster than the length (about 0.3 s for 128 characters of a
 * repeated pattern, 0.7 s for 256). The estimator only ever sees the first MAX_LENGTH characters. 128 is far beyond
 * any passphrase a person types.
 */
export const MAX_LENGTH = 128;

/**
 * Lowest zxcvbn score accepted. 3 means an estimated 10^8 guesses or more. Online guessing is already capped by the
 * lockout (lockout.ts), where 2 (10^6) would be enough; the threshold is for a leaked database, where 10^8 argon2id
 * hashes at the parameters of password.ts take about a week of one CPU core per account (some 6 ms a hash here).
 * 3 still accepts the demo passwords (both score 4) and refuses a dictionary word with a year and a symbol such as
 * `Bonjour2024!` (score 2).
 */
export const MIN_STRENGTH = 3;

const PERSONAL_PART_MIN_LENGTH = 3;

const MESSAGES = {
  TOO_SHORT: `Au moins ${MIN_LENGTH} caractères.`,
  TOO_LONG: `Au plus ${MAX_LENGTH} caractères.`,
  NO_UPPERCASE: 'Au moins une lettre majuscule.',
  NO_LOWERCASE: 'Au moins une lettre minuscule.',
  NO_DIGIT: 'Au moins un chiffre.',
  NO_SPECIAL: 'Au moins un caractère spécial, par exemple ! ? - _ @ ou une espace.',
  COMMON: 'Ce mot de passe fait partie des plus utilisés.',
  TOO_WEAK: 'Ce mot de passe est trop facile à deviner. Allongez-le ou assemblez plusieurs mots sans rapport.',
  PERSONAL_INFO:
    'Le mot de passe ne doit contenir ni vos nom et prénom, ni votre adresse e-mail, ni votre numéro de contrat.',
} as const satisfies Record<PasswordRule, string>;

/** A short French sentence telling the customer what to change. */
export const describeFailure = (rule: PasswordRule): string => MESSAGES[rule];

export function checkPasswordPolicy(password: string, context: PasswordContext = {}): PasswordCheck {
  // Composed form, so that `é` typed as `e` plus a combining accent counts as one letter, not a letter and a symbol.
  const text = password.normalize('NFC');
  const length = [...text].length;
  // Too long is all there is to say, and nothing else is computed: the estimate and the list's pattern cost more than
  // linear time in the length.
  if (length > MAX_LENGTH) return { ok: false, failures: [PasswordRule.TOO_LONG], strength: 0 };
  const personal = personalParts(context);
  const folded = fold(password);
  const strength = estimate(password, personal, context);
  const failed: Record<PasswordRule, boolean> = {
    TOO_SHORT: length < MIN_LENGTH,
    TOO_LONG: length > MAX_LENGTH,
    NO_UPPERCASE: !/\p{Lu}/u.test(text),
    NO_LOWERCASE: !/\p{Ll}/u.test(text),
    NO_DIGIT: !/\p{Nd}/u.test(text),
    // Anything that is neither a letter nor a digit, space included: the point is a larger alphabet.
    NO_SPECIAL: !/[^\p{L}\p{Nd}]/u.test(text),
    COMMON: isCommon(password),
    TOO_WEAK: strength < MIN_STRENGTH,
    PERSONAL_INFO: personal.some((part) => folded.includes(part)),
  };
  const failures = Object.values(PasswordRule).filter((rule) => failed[rule]);
  return failures.length ? { ok: false, failures, strength } : { ok: true, strength };
}

/** The zxcvbn score, with the person's own data counted as known to the attacker. */
export const passwordStrength = (password: string, context: PasswordContext = {}): PasswordStrength =>
  estimate(password, personalParts(context), context);

const estimate = (password: string, personal: string[], context: PasswordContext): PasswordStrength => {
  const whole = [context.firstName, context.lastName, context.email, context.contractNumber].filter(
    (value): value is string => !!value?.trim(),
  );
  return estimator().check(password, [...personal, ...whole]).score;
};

/**
 * Refused when the password, lower-cased, is on the list, or is a listed password with only digits and symbols
 * around it. Composition rules push people from `azerty` to `Azerty123!`; matching only the exact entry would let
 * exactly those through, since almost no entry of the list has the four character types.
 */
function isCommon(password: string): boolean {
  const lowered = password.toLowerCase();
  const core = lowered.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const list = commonPasswords();
  return list.has(lowered) || (core.length > 0 && list.has(core));
}

/** Pieces of the person's data long enough to mean something: `Jean-Éric` gives `jean` and `eric`. */
function personalParts({ firstName, lastName, email, contractNumber }: PasswordContext): string[] {
  const at = email?.lastIndexOf('@') ?? -1;
  const localPart = email && at >= 0 ? email.slice(0, at) : email;
  const parts = [firstName, lastName, localPart, contractNumber]
    .flatMap((value) => (value ? fold(value).split(/[^\p{L}\p{N}]+/u) : []))
    .filter((part) => [...part].length >= PERSONAL_PART_MIN_LENGTH);
  return [...new Set(parts)];
}

/** Lower case without accents, so `Hélène` in the profile matches `helene` in the password and the reverse. */
const fold = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('œ', 'oe').replaceAll('æ', 'ae');

// Both are built on first use, then kept. The language packages unpack their word lists on import; ranking those
// ~135,000 words into the matcher costs about as much again (tens of milliseconds), which a process that never
// checks a password need not pay and no check should pay twice.
let commonList: Set<string> | undefined;
const commonPasswords = (): Set<string> =>
  (commonList ??= new Set(
    readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean),
  ));

let zxcvbn: ZxcvbnFactory | undefined;
const estimator = (): ZxcvbnFactory =>
  (zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...frenchDictionary },
    graphs: adjacencyGraphs,
    translations: frenchTranslations,
    // Off: fuzzy matching of the whole password against every list made a check about ten times slower
    // (100-300 ms on the event loop) without changing a decision on the passwords we tried: near misses of listed
    // passwords are caught by isCommon and still score low.
    useLevenshteinDistance: false,
    maxLength: MAX_LENGTH,
  }));
