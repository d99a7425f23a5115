import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_MAX_CENTS,
  type Answers,
  type ClaimForm,
  ClaimType,
  claimForm,
  type Question,
  validateAnswers,
} from '../src/domain/forms/index.ts';
import { context } from './forms.fixtures.ts';

const TYPES = Object.values(ClaimType);
const DAY_MS = 86_400_000;
const CODES = [
  'REQUIRED',
  'UNKNOWN_QUESTION',
  'NOT_APPLICABLE',
  'WRONG_TYPE',
  'INVALID_OPTION',
  'TOO_LONG',
  'OUT_OF_RANGE',
  'INVALID_ITEM',
];

// Every showWhen must point at an earlier question with an answer that can meet it; else the question could never
// be shown, or a one-pass validation would judge it before its condition is known.
function illFormed(form: ClaimForm): string[] {
  const problems: string[] = [];
  form.questions.forEach((q, index) => {
    if (form.questions.findIndex((other) => other.id === q.id) !== index) problems.push(`${q.id}: duplicate id`);
    const choice = q.kind === 'CHOICE' || q.kind === 'MULTI_CHOICE';
    const values = (q.options ?? []).map((o) => o.value);
    if (choice !== values.length > 0 || new Set(values).size !== values.length) problems.push(`${q.id}: options`);
    if (!q.showWhen) return;
    const parent = form.questions.slice(0, index).find((p) => p.id === q.showWhen?.questionId);
    const equals = q.showWhen.equals;
    if (!parent) problems.push(`${q.id}: shown after a later or unknown question`);
    else if (parent.kind === 'BOOLEAN' ? typeof equals !== 'boolean' : !parent.options?.some((o) => o.value === equals))
      problems.push(`${q.id}: shown on an answer ${parent.id} cannot take`);
  });
  return problems;
}

// The test's own reading of showWhen, to build declarations the way a client fills the form.
const meets = (answer: unknown, equals: string | boolean) =>
  Array.isArray(answer) ? answer.includes(equals) : answer === equals;

const text = (max: number) =>
  fc
    .tuple(fc.string({ minLength: 1, maxLength: Math.min(max, 60) }), fc.boolean())
    .filter(([s]) => s.trim() !== '')
    .map(([s, padded]) => (padded ? ` ${s} ` : s));
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

function validValue(q: Question): fc.Arbitrary<unknown> {
  const values = (q.options ?? []).map((o) => o.value);
  switch (q.kind) {
    case 'TEXT':
    case 'LONG_TEXT':
      return text(q.maxLength ?? 500);
    case 'BOOLEAN':
      return fc.boolean();
    case 'CHOICE':
      return fc.constantFrom(...values);
    case 'MULTI_CHOICE':
      return fc.shuffledSubarray(values, { minLength: 1 });
    case 'DATE':
      return fc
        .integer({ min: context.occurredOn.getTime() / DAY_MS, max: Math.floor(context.today.getTime() / DAY_MS) })
        .map(dayOf);
    case 'AMOUNT':
      return fc.integer({ min: q.min ?? 0, max: q.max ?? AMOUNT_MAX_CENTS });
    case 'ITEMS': {
      const item = fc.record(
        { description: text(200), valueCents: fc.integer({ min: 1, max: AMOUNT_MAX_CENTS }), proof: fc.boolean() },
        { requiredKeys: ['description', 'valueCents'] },
      );
      return fc.array(item, { minLength: 1, maxLength: 5 });
    }
  }
}

/** A declaration as a client fills it: every shown required question answered, some optional ones. */
const declaration = (form: ClaimForm): fc.Arbitrary<Answers> =>
  fc
    .tuple(...form.questions.map((q) => (q.required ? validValue(q) : fc.option(validValue(q), { nil: undefined }))))
    .map((values) => {
      const answers: Answers = {};
      form.questions.forEach((q, i) => {
        const shown = !q.showWhen || meets(answers[q.showWhen.questionId], q.showWhen.equals);
        if (shown && values[i] !== undefined) answers[q.id] = values[i];
      });
      return answers;
    });

describe('forms are well formed', () => {
  it('never shows a question on a later or unknown question, nor on an impossible answer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), (type) => {
        expect(illFormed(claimForm(type))).toEqual([]);
      }),
    );
  });

  it('notices a form that refers to a later question', () => {
    const form = claimForm('FIRE');
    const reversed = { ...form, questions: [...form.questions].reverse() };
    expect(illFormed(reversed)).toContain('rehousingNeeded: shown after a later or unknown question');
  });
});

describe('validateAnswers, on any declaration', () => {
  const typed = fc.constantFrom(...TYPES).chain((type) => fc.tuple(fc.constant(type), declaration(claimForm(type))));

  it('accepts a declaration filled as the form says, keeping only shown questions, each after its condition', () => {
    fc.assert(
      fc.property(typed, ([type, answers]) => {
        const result = validateAnswers(type, answers, context);
        expect(result).toMatchObject({ ok: true });
        if (!result.ok) return;
        const kept = Object.keys(result.answers);
        expect(kept).toEqual(Object.keys(answers));
        for (const q of claimForm(type).questions.filter((q) => kept.includes(q.id) && q.showWhen)) {
          const parent = q.showWhen?.questionId ?? '';
          expect(kept.indexOf(parent)).toBeGreaterThanOrEqual(0);
          expect(kept.indexOf(parent)).toBeLessThan(kept.indexOf(q.id));
          expect(meets(result.answers[parent], q.showWhen?.equals ?? '')).toBe(true);
        }
      }),
    );
  });

  it('gives back answers that validate to themselves', () => {
    fc.assert(
      fc.property(typed, ([type, answers]) => {
        const once = validateAnswers(type, answers, context);
        const twice = once.ok ? validateAnswers(type, once.answers, context) : once;
        expect(twice).toEqual(once);
      }),
    );
  });

  it('never throws on arbitrary JSON, and names a question and a French reason for every refusal', () => {
    const anyAnswers = fc.constantFrom(...TYPES).chain((type) => {
      const ids = claimForm(type).questions.map((q) => q.id);
      return fc.tuple(
        fc.constant(type),
        fc.dictionary(fc.constantFrom(...ids, 'items', 'comment'), fc.jsonValue({ maxDepth: 2 })),
      );
    });
    fc.assert(
      fc.property(anyAnswers, ([type, answers]) => {
        const result = validateAnswers(type, answers, context);
        const ids = claimForm(type).questions.map((q) => q.id);
        if (result.ok) {
          expect(Object.keys(result.answers).every((id) => ids.includes(id))).toBe(true);
          return;
        }
        for (const error of result.errors) {
          expect(CODES).toContain(error.code);
          expect(ids.includes(error.questionId) || error.questionId in answers).toBe(true);
          expect(error.message).toMatch(/[a-zé]{3,}/);
        }
      }),
    );
  });
});
