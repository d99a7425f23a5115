// The shape of a claim form. Forms are data, not code, so that the client renders exactly the questions the server
// validates against: one definition, two uses.

export const ClaimType = {
  WATER_DAMAGE: 'WATER_DAMAGE',
  FIRE: 'FIRE',
  THEFT: 'THEFT',
  GLASS_BREAKAGE: 'GLASS_BREAKAGE',
  STORM: 'STORM',
  NATURAL_DISASTER: 'NATURAL_DISASTER',
} as const;
export type ClaimType = (typeof ClaimType)[keyof typeof ClaimType];

export const QuestionKind = {
  /** One line of text, at most `maxLength` characters (default {@link TEXT_MAX_LENGTH}). */
  TEXT: 'TEXT',
  /** Free text, at most `maxLength` characters (default {@link LONG_TEXT_MAX_LENGTH}). */
  LONG_TEXT: 'LONG_TEXT',
  BOOLEAN: 'BOOLEAN',
  /** One of `options`, answered with the option's `value`. */
  CHOICE: 'CHOICE',
  /** Several of `options`, answered with an array of distinct values. */
  MULTI_CHOICE: 'MULTI_CHOICE',
  /** A calendar day, `YYYY-MM-DD`, never after today. */
  DATE: 'DATE',
  /** An integer number of cents, between `min` and `max` (default 0 and {@link AMOUNT_MAX_CENTS}). */
  AMOUNT: 'AMOUNT',
  /** A list of {@link ClaimItem}, 1 to `max` of them (default {@link ITEMS_MAX}). */
  ITEMS: 'ITEMS',
} as const;
export type QuestionKind = (typeof QuestionKind)[keyof typeof QuestionKind];

/** @default 500 */
export const TEXT_MAX_LENGTH = 500;
/** @default 4000 */
export const LONG_TEXT_MAX_LENGTH = 4_000;
/** 1 000 000 €: above any home contract's ceiling, so a larger figure is a typing mistake. */
export const AMOUNT_MAX_CENTS = 100_000_000;
/** @default 50 */
export const ITEMS_MAX = 50;
export const ITEM_DESCRIPTION_MAX_LENGTH = 200;

export interface ChoiceOption {
  /** Stable code sent back by the client. */
  value: string;
  /** French, shown to the customer. */
  label: string;
}

/**
 * The question is shown only when the answer to an earlier question equals `equals` (for a MULTI_CHOICE: includes it).
 * Only earlier questions may be referred to, so a form can be filled and checked top to bottom in one pass.
 */
export interface ShowWhen {
  questionId: string;
  equals: string | boolean;
}

export interface Question {
  /** Stable key of the answer in {@link Answers}. */
  id: string;
  /** French, shown to the customer. */
  label: string;
  /** French, shown under the question. */
  help?: string;
  kind: QuestionKind;
  /** Whether a shown question must be answered; a hidden question is never required. */
  required: boolean;
  /** CHOICE and MULTI_CHOICE only. */
  options?: ChoiceOption[];
  showWhen?: ShowWhen;
  /** TEXT and LONG_TEXT: characters. */
  maxLength?: number;
  /** AMOUNT: cents. */
  min?: number;
  /** AMOUNT: cents; ITEMS: number of items. */
  max?: number;
  /** DATE: the day may not precede the day the claim occurred (a police report, a joint report, a decree). */
  notBeforeOccurrence?: boolean;
}

export interface ClaimForm {
  type: ClaimType;
  /** French. */
  title: string;
  /**
   * Working days (Monday to Friday, French public holidays excepted) after the day the customer learned of the
   * damage: 2 for theft, 5 otherwise (Code des assurances, art. L113-2). For a natural disaster this applies only
   * while no decree is known; see `declarationDeadlineDaysAfterDecree`.
   */
  declarationDeadlineWorkingDays: number;
  /**
   * Natural disaster only: calendar days after the decree is published in the Journal officiel (art. L125-2). The
   * form asks for that date, so this is the deadline that applies to a complete declaration.
   */
  declarationDeadlineDaysAfterDecree?: number;
  questions: Question[];
}

/** A stolen or damaged item, for ITEMS questions. `proof`: the customer holds an invoice, photo or certificate. */
export interface ClaimItem {
  description: string;
  valueCents: number;
  proof?: boolean;
}

/** JSON from the client, keyed by question id: string | boolean | number | string[] | ClaimItem[]. */
export type Answers = Record<string, unknown>;

export type FormErrorCode =
  | 'REQUIRED'
  | 'UNKNOWN_QUESTION'
  | 'NOT_APPLICABLE'
  | 'WRONG_TYPE'
  | 'INVALID_OPTION'
  | 'TOO_LONG'
  | 'OUT_OF_RANGE'
  | 'INVALID_ITEM';

export type FormError = {
  questionId: string;
  code: FormErrorCode;
  /** French, shown to the customer as it is. */
  message: string;
  /** INVALID_ITEM: position of the faulty item, from 0. */
  itemIndex?: number;
};

export interface ValidationContext {
  /** The day the claim occurred (or was discovered), a date-only value at UTC midnight. */
  occurredOn: Date;
  /** Now; its calendar day is taken in Europe/Paris. */
  today: Date;
}

export type ValidationResult = { ok: true; answers: Answers } | { ok: false; errors: FormError[] };
