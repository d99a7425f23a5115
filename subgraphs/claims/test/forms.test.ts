import { describe, expect, it } from 'vitest';
import {
  type Answers,
  ClaimType,
  claimForm,
  type FormError,
  type Question,
  validateAnswers,
} from '../src/domain/forms/index.ts';
import { COMPLETE, context } from './forms.fixtures.ts';

const TYPES = Object.values(ClaimType);
const codes = (errors: FormError[]) => errors.map((e) => ({ questionId: e.questionId, code: e.code }));
const without = (answers: Answers, ...ids: string[]) =>
  Object.fromEntries(Object.entries(answers).filter(([id]) => !ids.includes(id)));

// What the issue asks of each form, written independently of the definitions.
interface Conditional {
  id: string;
  required: boolean;
  /** The earlier answer that hides it, and any questions hidden with it. */
  hiddenBy: [string, unknown];
  hiddenWith?: string[];
}
const SPEC: Record<ClaimType, { required: string[]; conditional: Conditional[] }> = {
  WATER_DAMAGE: {
    required: ['source', 'leakStopped', 'thirdPartyInvolved'],
    conditional: [
      {
        id: 'thirdPartyName',
        required: true,
        hiddenBy: ['thirdPartyInvolved', false],
        hiddenWith: ['thirdPartyInsurer', 'jointReport', 'jointReportDate'],
      },
      {
        id: 'thirdPartyInsurer',
        required: false,
        hiddenBy: ['thirdPartyInvolved', false],
        hiddenWith: ['thirdPartyName', 'jointReport', 'jointReportDate'],
      },
      {
        id: 'jointReport',
        required: true,
        hiddenBy: ['thirdPartyInvolved', false],
        hiddenWith: ['thirdPartyName', 'thirdPartyInsurer', 'jointReportDate'],
      },
      { id: 'jointReportDate', required: true, hiddenBy: ['jointReport', false] },
    ],
  },
  FIRE: {
    required: ['fireBrigadeCalled', 'origin', 'homeHabitable'],
    conditional: [
      { id: 'complaintFiled', required: true, hiddenBy: ['origin', 'ELECTRICAL'] },
      { id: 'rehousingNeeded', required: true, hiddenBy: ['homeHabitable', true] },
    ],
  },
  THEFT: { required: ['policeReportReference', 'policeReportDate', 'entry', 'items'], conditional: [] },
  GLASS_BREAKAGE: {
    required: ['element', 'damage'],
    conditional: [{ id: 'otherElement', required: true, hiddenBy: ['element', 'BAY_WINDOW'] }],
  },
  STORM: {
    required: ['phenomenon', 'damagedParts', 'homeHabitable'],
    conditional: [
      { id: 'otherDamage', required: true, hiddenBy: ['damagedParts', ['ROOF', 'FENCE']] },
      { id: 'rehousingNeeded', required: true, hiddenBy: ['homeHabitable', true] },
    ],
  },
  NATURAL_DISASTER: {
    required: ['decreeReference', 'decreePublishedOn', 'eventKind', 'homeHabitable'],
    conditional: [{ id: 'rehousingNeeded', required: true, hiddenBy: ['homeHabitable', true] }],
  },
};

// A value of the wrong JSON type for each kind of question.
const WRONG_TYPE: Record<Question['kind'], unknown> = {
  TEXT: 42,
  LONG_TEXT: false,
  BOOLEAN: 'oui',
  CHOICE: true,
  MULTI_CHOICE: 'ROOF',
  DATE: '12/03/2027',
  AMOUNT: '350',
  ITEMS: { description: 'Vélo', valueCents: 30_000 },
};

describe.each(TYPES)('the %s form', (type) => {
  const form = claimForm(type);
  const complete = COMPLETE[type];
  const spec = SPEC[type];

  it('asks exactly the required questions of the issue, unconditionally', () => {
    expect(form.questions.filter((q) => q.required && !q.showWhen).map((q) => q.id)).toEqual(spec.required);
  });

  it('asks exactly the conditional questions of the issue', () => {
    const conditional = form.questions.filter((q) => q.showWhen);
    expect(conditional.map((q) => [q.id, q.required])).toEqual(spec.conditional.map((c) => [c.id, c.required]));
  });

  it('accepts a complete declaration and keeps it, trimmed', () => {
    const result = validateAnswers(type, complete, context);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(Object.keys(result.answers)).toEqual(form.questions.map((q) => q.id));
    for (const [id, value] of Object.entries(result.answers)) {
      if (typeof value === 'string') expect(value).toBe(value.trim());
      else expect(id in complete).toBe(true);
    }
  });

  it.each(spec.required)('requires %s, even sent blank', (id) => {
    for (const blank of [undefined, null, '  ', []]) {
      const result = validateAnswers(type, { ...complete, [id]: blank }, context);
      // Questions that depend on the missing answer are not judged until it is given.
      expect(result.ok ? [] : codes(result.errors)).toEqual([{ questionId: id, code: 'REQUIRED' }]);
    }
  });

  describe.each(spec.conditional)(
    'conditional $id',
    ({ id, required, hiddenBy: [parent, hidingValue], hiddenWith }) => {
      const hidden = { ...without(complete, ...(hiddenWith ?? [])), [parent]: hidingValue };

      it('is refused when an earlier answer hides it', () => {
        const result = validateAnswers(type, hidden, context);
        expect(result.ok ? [] : codes(result.errors)).toEqual([{ questionId: id, code: 'NOT_APPLICABLE' }]);
      });

      it('may be left out, or blank, when hidden, and is then not kept', () => {
        for (const answers of [without(hidden, id), { ...hidden, [id]: null }]) {
          const result = validateAnswers(type, answers, context);
          expect(result.ok && id in result.answers).toBe(false);
          expect(result.ok).toBe(true);
        }
      });

      it(required ? 'is required when shown' : 'is optional when shown', () => {
        const result = validateAnswers(type, without(complete, id), context);
        if (required) expect(result.ok ? [] : codes(result.errors)).toEqual([{ questionId: id, code: 'REQUIRED' }]);
        else expect(result.ok).toBe(true);
      });
    },
  );

  it.each(form.questions.map((q) => [q.id, q.kind] as const))('refuses %s answered with the wrong type', (id, kind) => {
    const result = validateAnswers(type, { ...complete, [id]: WRONG_TYPE[kind] }, context);
    expect(result.ok ? [] : codes(result.errors)).toEqual([{ questionId: id, code: 'WRONG_TYPE' }]);
  });

  const choices = form.questions.filter((q) => q.kind === 'CHOICE' || q.kind === 'MULTI_CHOICE');
  it.each(choices.map((q) => [q.id, q.kind] as const))('refuses %s answered outside its options', (id, kind) => {
    const invented = kind === 'CHOICE' ? 'SOMETHING_ELSE' : ['SOMETHING_ELSE'];
    const result = validateAnswers(type, { ...complete, [id]: invented }, context);
    expect(result.ok ? [] : codes(result.errors)).toEqual([{ questionId: id, code: 'INVALID_OPTION' }]);
  });

  it('refuses an answer to a question it does not ask', () => {
    const stranger = type === 'THEFT' ? 'leakStopped' : 'policeReportReference';
    const result = validateAnswers(type, { ...complete, [stranger]: 'X', __proto__x: 1 }, context);
    expect(result.ok ? [] : codes(result.errors)).toEqual([
      { questionId: stranger, code: 'UNKNOWN_QUESTION' },
      { questionId: '__proto__x', code: 'UNKNOWN_QUESTION' },
    ]);
  });

  it('writes every message in French, naming the question', () => {
    const result = validateAnswers(type, without(complete, spec.required[0] ?? ''), context);
    const label = form.questions.find((q) => q.id === spec.required[0])?.label;
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      `« ${label} » : cette réponse est obligatoire.`,
    ]);
  });
});

describe('normalised answers', () => {
  it('trims texts, fills in the proof flag and orders multiple choices as the form does', () => {
    const theft = validateAnswers('THEFT', COMPLETE.THEFT, context);
    expect(theft).toEqual({
      ok: true,
      answers: {
        policeReportReference: 'PV 2027/000123',
        policeReportDate: '2027-03-10',
        entry: 'BREAK_IN_DOOR',
        items: [
          { description: 'Ordinateur portable', valueCents: 120_000, proof: true },
          { description: 'Bague en or', valueCents: 45_000, proof: false },
        ],
      },
    });
    const storm = validateAnswers('STORM', COMPLETE.STORM, context);
    expect(storm.ok && storm.answers.damagedParts).toEqual(['ROOF', 'OTHER']);
  });

  it('drops blank optional answers', () => {
    const result = validateAnswers('GLASS_BREAKAGE', { ...COMPLETE.GLASS_BREAKAGE, quoteCents: null }, context);
    expect(result.ok && Object.keys(result.answers)).toEqual(['element', 'otherElement', 'damage']);
  });
});

describe('claimForm', () => {
  it('gives theft 2 working days, a natural disaster 30 days from its decree, the others 5 working days', () => {
    expect(TYPES.map((t) => [t, claimForm(t).declarationDeadlineWorkingDays])).toEqual(
      TYPES.map((t) => [t, t === 'THEFT' ? 2 : 5]),
    );
    expect(TYPES.filter((t) => claimForm(t).declarationDeadlineDaysAfterDecree === 30)).toEqual(['NATURAL_DISASTER']);
  });

  it('hands out forms no caller can alter', () => {
    const form = claimForm('THEFT');
    expect(() => form.questions.push(form.questions[0] as Question)).toThrow(TypeError);
    expect(claimForm('THEFT').questions).toHaveLength(4);
  });

  it('refuses an unknown claim type', () => {
    expect(() => claimForm('BURGLARY' as ClaimType)).toThrow(RangeError);
  });
});
