// Checks one answer against its question's kind and bounds, and returns it normalised. Visibility and
// requiredness are decided by the caller; here the answer is known to be present and not blank.

import { eurosInText, frenchDate as frenchDay, grouped, isoDay, NBSP } from '@abri/platform/french';
import {
  AMOUNT_MAX_CENTS,
  type ClaimItem,
  type FormError,
  type FormErrorCode,
  ITEM_DESCRIPTION_MAX_LENGTH,
  ITEMS_MAX,
  LONG_TEXT_MAX_LENGTH,
  type Question,
  QuestionKind,
  TEXT_MAX_LENGTH,
} from './types.ts';

/** Calendar days, `YYYY-MM-DD`, which compare as strings. */
export interface DateBounds {
  today: string;
  occurredOn: string;
}

export type Checked = { ok: true; value: unknown } | { ok: false; errors: FormError[] };

/** A `YYYY-MM-DD` day as French prose writes it. */
const frenchDate = (day: string): string => frenchDay(new Date(`${day}T00:00:00Z`));
const characters = (text: string): number => [...text].length;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nothing said: what a client sends for a field left empty. Blank answers count as no answer at all. */
export const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

export function checkValue(q: Question, raw: unknown, bounds: DateBounds): Checked {
  const fail = (code: FormErrorCode, why: string): Checked => ({
    ok: false,
    errors: [{ questionId: q.id, code, message: `« ${q.label} » : ${why}` }],
  });
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  switch (q.kind) {
    case QuestionKind.TEXT:
    case QuestionKind.LONG_TEXT: {
      if (text === undefined) return fail('WRONG_TYPE', 'un texte est attendu.');
      const max = q.maxLength ?? (q.kind === QuestionKind.TEXT ? TEXT_MAX_LENGTH : LONG_TEXT_MAX_LENGTH);
      if (characters(text) > max) return fail('TOO_LONG', `${grouped(max)} caractères au maximum.`);
      return { ok: true, value: text };
    }
    case QuestionKind.BOOLEAN:
      return typeof raw === 'boolean' ? { ok: true, value: raw } : fail('WRONG_TYPE', 'répondez par oui ou par non.');
    case QuestionKind.CHOICE: {
      if (text === undefined) return fail('WRONG_TYPE', 'une seule réponse est attendue.');
      // The refused value is not echoed: it would show the customer whatever a faulty client sent.
      const known = q.options?.some((o) => o.value === text);
      return known ? { ok: true, value: text } : fail('INVALID_OPTION', 'choisissez l’une des réponses proposées.');
    }
    case QuestionKind.MULTI_CHOICE: {
      if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string')) {
        return fail('WRONG_TYPE', 'une liste de réponses est attendue.');
      }
      const chosen = raw.map((v: string) => v.trim());
      const order = (q.options ?? []).map((o) => o.value);
      if (!chosen.every((v) => order.includes(v))) {
        return fail('INVALID_OPTION', 'choisissez parmi les réponses proposées.');
      }
      if (new Set(chosen).size !== chosen.length)
        return fail('INVALID_OPTION', 'chaque réponse ne compte qu’une fois.');
      // In the form's order, so equal selections are stored equal.
      return { ok: true, value: order.filter((v) => chosen.includes(v)) };
    }
    case QuestionKind.DATE: {
      if (text === undefined || !isCalendarDay(text)) {
        return fail('WRONG_TYPE', 'une date au format AAAA-MM-JJ est attendue.');
      }
      if (text > bounds.today) return fail('OUT_OF_RANGE', 'la date ne peut pas être postérieure à aujourd’hui.');
      if (q.notBeforeOccurrence && text < bounds.occurredOn) {
        return fail(
          'OUT_OF_RANGE',
          `la date ne peut pas précéder celle du sinistre (${frenchDate(bounds.occurredOn)}).`,
        );
      }
      return { ok: true, value: text };
    }
    case QuestionKind.AMOUNT: {
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) {
        return fail('WRONG_TYPE', 'un montant en centimes d’euro (nombre entier) est attendu.');
      }
      const min = q.min ?? 0;
      const max = q.max ?? AMOUNT_MAX_CENTS;
      if (raw < min || raw > max) {
        return fail('OUT_OF_RANGE', `le montant doit être compris entre ${eurosInText(min)} et ${eurosInText(max)}.`);
      }
      return { ok: true, value: raw };
    }
    case QuestionKind.ITEMS: {
      if (!Array.isArray(raw)) return fail('WRONG_TYPE', 'une liste d’objets est attendue.');
      const max = q.max ?? ITEMS_MAX;
      if (raw.length > max) return fail('OUT_OF_RANGE', `${grouped(max)} objets au maximum.`);
      return checkItems(q, raw);
    }
  }
}

/** `YYYY-MM-DD` naming a day that exists (no 30 February). */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === text;
}

const ITEM_KEYS = new Set(['description', 'valueCents', 'proof']);

// Every problem of every item is reported, so the customer fixes the list in one go.
function checkItems(q: Question, raw: unknown[]): Checked {
  const errors: FormError[] = [];
  const items: Required<ClaimItem>[] = [];
  raw.forEach((item, itemIndex) => {
    const problems: string[] = [];
    if (!isPlainObject(item)) {
      problems.push('une description, une valeur et un justificatif éventuel sont attendus.');
    } else {
      const { description, valueCents, proof } = item;
      if (Object.keys(item).some((key) => !ITEM_KEYS.has(key))) {
        problems.push('seuls la description, la valeur et le justificatif sont attendus.');
      }
      const described = typeof description === 'string' ? description.trim() : '';
      if (described === '' || characters(described) > ITEM_DESCRIPTION_MAX_LENGTH) {
        problems.push(`décrivez l’objet en ${ITEM_DESCRIPTION_MAX_LENGTH} caractères au plus.`);
      }
      const valued = typeof valueCents === 'number' && Number.isSafeInteger(valueCents);
      if (!valued || valueCents < 1 || valueCents > AMOUNT_MAX_CENTS) {
        problems.push(`indiquez sa valeur en centimes, entre ${eurosInText(1)} et ${eurosInText(AMOUNT_MAX_CENTS)}.`);
      }
      if (proof !== undefined && proof !== null && typeof proof !== 'boolean') {
        problems.push('indiquez par oui ou par non si vous avez un justificatif.');
      }
      // An absent proof flag means none was declared: downstream code reads a plain boolean.
      if (problems.length === 0)
        items.push({ description: described, valueCents: valueCents as number, proof: proof === true });
    }
    for (const why of problems) {
      errors.push({
        questionId: q.id,
        code: 'INVALID_ITEM',
        message: `« ${q.label} », objet n°${NBSP}${itemIndex + 1} : ${why}`,
        itemIndex,
      });
    }
  });
  return errors.length === 0 ? { ok: true, value: items } : { ok: false, errors };
}
