// What the customer chose to be pushed: categories they turned off, and quiet hours (Paris time) during which only
// security notifications wake the phone (the others are held and pushed when quiet hours end). Security notifications (a new sign-in, an access closed, profile, payment
// methods, second factor) cannot be turned off: they are how someone learns that their account is being taken over.
export const CATEGORIES = ['CLAIMS', 'CONTRACT', 'PAYMENTS'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The category of a notification by its tag (push/messages.ts); null: security, always sent. */
const CATEGORY_OF_TAG: Record<string, Category | null> = {
  claim: 'CLAIMS',
  contract: 'CONTRACT',
  document: 'CONTRACT',
  payment: 'PAYMENTS',
  security: null,
};

export interface Preferences {
  muted: readonly string[];
  /** Minutes after midnight, Paris time; both set or both null. */
  quietFrom: number | null;
  quietUntil: number | null;
}

/** True when `minute` (after midnight, Paris) is within quiet hours, which may span midnight (22:00 to 07:00). */
export function isQuiet(preferences: Preferences, minute: number): boolean {
  const { quietFrom: from, quietUntil: until } = preferences;
  if (from === null || until === null || from === until) return false;
  return from < until ? minute >= from && minute < until : minute >= from || minute < until;
}

/** What to do with a notification now: push it, hold it until quiet hours end, or drop it (category muted). */
export type PushDecision = 'send' | 'hold' | 'drop';

export function pushDecision(tag: string, preferences: Preferences | null, minute: number): PushDecision {
  const category = CATEGORY_OF_TAG[tag] ?? null;
  if (!preferences || category === null) return 'send';
  if (preferences.muted.includes(category)) return 'drop';
  return isQuiet(preferences, minute) ? 'hold' : 'send';
}

export const shouldPush = (tag: string, preferences: Preferences | null, minute: number) =>
  pushDecision(tag, preferences, minute) === 'send';

/** "HH:MM" → minutes after midnight; null when it is not a time of day. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export type PreferencesCheck =
  | { kind: 'valid'; preferences: Preferences }
  | { kind: 'invalid'; field: string; message: string };

export function checkPreferences(input: {
  muted: readonly string[];
  quietFrom?: string | null;
  quietUntil?: string | null;
}): PreferencesCheck {
  const from = input.quietFrom ? minutesOf(input.quietFrom) : null;
  const until = input.quietUntil ? minutesOf(input.quietUntil) : null;
  if (input.quietFrom && from === null)
    return { kind: 'invalid', field: 'quietFrom', message: 'Indiquez une heure au format 22:00.' };
  if (input.quietUntil && until === null)
    return { kind: 'invalid', field: 'quietUntil', message: 'Indiquez une heure au format 07:00.' };
  if ((from === null) !== (until === null))
    return {
      kind: 'invalid',
      field: from === null ? 'quietFrom' : 'quietUntil',
      message: 'Indiquez le début et la fin des heures de silence.',
    };
  return {
    kind: 'valid',
    preferences: { muted: [...new Set(input.muted)].sort(), quietFrom: from, quietUntil: until },
  };
}
