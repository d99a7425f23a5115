import { describe, expect, it } from 'vitest';
import {
  type Answers,
  type ClaimForm,
  type FormError,
  validateAgainstForm,
  validateAnswers,
} from '../src/domain/forms/index.ts';
import { COMPLETE, context } from './forms.fixtures.ts';

const codes = (errors: FormError[]) => errors.map((e) => ({ questionId: e.questionId, code: e.code }));
const errorsOf = (result: ReturnType<typeof validateAnswers>) => (result.ok ? [] : codes(result.errors));

// One optional question of each bounded kind, with the default bounds.
const FORM: ClaimForm = {
  type: 'FIRE',
  title: 'Essai',
  declarationDeadlineWorkingDays: 5,
  questions: [
    { id: 'short', label: 'Texte court', kind: 'TEXT', required: false },
    { id: 'long', label: 'Texte long', kind: 'LONG_TEXT', required: false },
    { id: 'amount', label: 'Montant', kind: 'AMOUNT', required: false },
    { id: 'when', label: 'Date', kind: 'DATE', required: false },
    { id: 'since', label: 'Date de la plainte', kind: 'DATE', required: false, notBeforeOccurrence: true },
    { id: 'items', label: 'Objets', kind: 'ITEMS', required: false },
  ],
};
const check = (answers: Answers, ctx = context) => validateAgainstForm(FORM, answers, ctx);

describe('texts', () => {
  it('bounds a text to 500 characters and a long text to 4000, counted after trimming', () => {
    expect(check({ short: ` ${'a'.repeat(500)} `, long: 'b'.repeat(4_000) }).ok).toBe(true);
    expect(errorsOf(check({ short: 'a'.repeat(501), long: 'b'.repeat(4_001) }))).toEqual([
      { questionId: 'short', code: 'TOO_LONG' },
      { questionId: 'long', code: 'TOO_LONG' },
    ]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(check({ short: '🏠'.repeat(500) }).ok).toBe(true);
  });

  it('applies a question’s own bound', () => {
    const answers = (name: string) => ({ ...COMPLETE.WATER_DAMAGE, thirdPartyName: name });
    expect(validateAnswers('WATER_DAMAGE', answers('d'.repeat(200)), context).ok).toBe(true);
    expect(errorsOf(validateAnswers('WATER_DAMAGE', answers('d'.repeat(201)), context))).toEqual([
      { questionId: 'thirdPartyName', code: 'TOO_LONG' },
    ]);
  });

  it('trims a choice before comparing it with the options', () => {
    const result = validateAnswers('GLASS_BREAKAGE', { element: ' WINDOW ', damage: 'BREAK' }, context);
    expect(result).toEqual({ ok: true, answers: { element: 'WINDOW', damage: 'BREAK' } });
  });
});

describe('amounts', () => {
  it('accepts whole cents from 0 to 1 000 000 €', () => {
    expect(check({ amount: 0 }).ok).toBe(true);
    expect(check({ amount: 100_000_000 }).ok).toBe(true);
  });

  it.each([-1, 100_000_001])('refuses %i cents as out of range', (amount) => {
    expect(errorsOf(check({ amount }))).toEqual([{ questionId: 'amount', code: 'OUT_OF_RANGE' }]);
  });

  it.each([12.5, Number.NaN, '350', 1e20])('refuses %s as not a number of cents', (amount) => {
    expect(errorsOf(check({ amount }))).toEqual([{ questionId: 'amount', code: 'WRONG_TYPE' }]);
  });

  it('applies a question’s own minimum and says it in euros', () => {
    const result = validateAnswers('GLASS_BREAKAGE', { ...COMPLETE.GLASS_BREAKAGE, quoteCents: 0 }, context);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      '« Montant du devis de remplacement, si vous en avez un » : le montant doit être compris entre 0,01\u00a0€ et 1\u00a0000\u00a0000\u00a0€.',
    ]);
  });
});

describe('dates', () => {
  it.each(['2027-02-30', '2027-3-01', '01/03/2027', '2027-03-01T00:00:00Z'])('refuses %s as not a day', (when) => {
    expect(errorsOf(check({ when }))).toEqual([{ questionId: 'when', code: 'WRONG_TYPE' }]);
  });

  it('accepts today but not tomorrow', () => {
    expect(check({ when: '2027-03-20' }).ok).toBe(true);
    expect(errorsOf(check({ when: '2027-03-21' }))).toEqual([{ questionId: 'when', code: 'OUT_OF_RANGE' }]);
  });

  it('takes today in Paris: at 00:30 there, it is already tomorrow', () => {
    const lateEvening = { ...context, today: new Date('2027-03-20T23:30:00Z') };
    expect(check({ when: '2027-03-21' }, lateEvening).ok).toBe(true);
  });

  it('refuses a day before the claim only where that makes no sense', () => {
    expect(check({ when: '2027-03-01', since: '2027-03-10' }).ok).toBe(true);
    const result = check({ since: '2027-03-09' });
    expect(errorsOf(result)).toEqual([{ questionId: 'since', code: 'OUT_OF_RANGE' }]);
    expect(result.ok || result.errors[0]?.message).toBe(
      '« Date de la plainte » : la date ne peut pas précéder celle du sinistre (10 mars 2027).',
    );
  });
});

describe('items', () => {
  const item = (n: number) => ({ description: `Objet ${n}`, valueCents: 1_000 + n });

  it('accepts up to 50 items and refuses more', () => {
    expect(check({ items: Array.from({ length: 50 }, (_, n) => item(n)) }).ok).toBe(true);
    expect(errorsOf(check({ items: Array.from({ length: 51 }, (_, n) => item(n)) }))).toEqual([
      { questionId: 'items', code: 'OUT_OF_RANGE' },
    ]);
  });

  it('reports every problem of every item, with its position', () => {
    const result = check({
      items: [
        item(0),
        { description: '  ', valueCents: 0 },
        { description: 'd'.repeat(201), valueCents: 10.5, proof: 'oui' },
        'Télévision',
        { ...item(4), serial: 'X' },
      ],
    });
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.itemIndex])).toEqual([
      ['INVALID_ITEM', 1],
      ['INVALID_ITEM', 1],
      ['INVALID_ITEM', 2],
      ['INVALID_ITEM', 2],
      ['INVALID_ITEM', 2],
      ['INVALID_ITEM', 3],
      ['INVALID_ITEM', 4],
    ]);
    expect(result.ok || result.errors[0]?.message).toBe(
      '« Objets », objet n°\u00a02 : décrivez l’objet en 200 caractères au plus.',
    );
  });

  it('reads a missing or null proof flag as no proof', () => {
    const result = check({ items: [{ ...item(1), proof: null }, item(2)] });
    expect(result.ok && result.answers.items).toEqual([
      { description: 'Objet 1', valueCents: 1_001, proof: false },
      { description: 'Objet 2', valueCents: 1_002, proof: false },
    ]);
  });
});

describe('multiple choices', () => {
  const storm = (damagedParts: unknown) => validateAnswers('STORM', { ...COMPLETE.STORM, damagedParts }, context);

  it('refuses the same option twice', () => {
    expect(errorsOf(storm(['ROOF', 'ROOF']))).toEqual([{ questionId: 'damagedParts', code: 'INVALID_OPTION' }]);
  });

  it('refuses a list holding anything but option codes', () => {
    expect(errorsOf(storm(['ROOF', 3]))).toEqual([{ questionId: 'damagedParts', code: 'WRONG_TYPE' }]);
  });

  it('shows a conditional question when the list includes the awaited option', () => {
    expect(storm(['FENCE', 'OTHER']).ok).toBe(true);
    expect(errorsOf(storm(['FENCE']))).toEqual([{ questionId: 'otherDamage', code: 'NOT_APPLICABLE' }]);
  });
});

describe('conditional questions', () => {
  it('refuses every answer hidden by an earlier one, down the chain', () => {
    const result = validateAnswers('WATER_DAMAGE', { ...COMPLETE.WATER_DAMAGE, thirdPartyInvolved: false }, context);
    expect(errorsOf(result)).toEqual(
      ['thirdPartyName', 'thirdPartyInsurer', 'jointReport', 'jointReportDate'].map((questionId) => ({
        questionId,
        code: 'NOT_APPLICABLE',
      })),
    );
  });

  it('does not judge what depends on a wrong answer until it is fixed', () => {
    const result = validateAnswers('WATER_DAMAGE', { ...COMPLETE.WATER_DAMAGE, jointReport: 'oui' }, context);
    expect(errorsOf(result)).toEqual([{ questionId: 'jointReport', code: 'WRONG_TYPE' }]);
  });
});

describe('the answers themselves', () => {
  it.each([null, [], 'réponses'])('refuses %j as answers', (answers) => {
    expect(errorsOf(validateAnswers('FIRE', answers as unknown as Answers, context))).toEqual([
      { questionId: '', code: 'WRONG_TYPE' },
    ]);
  });

  it('reports an unknown answer along with the other problems', () => {
    const result = validateAnswers('THEFT', { ...COMPLETE.THEFT, entry: 'CHIMNEY', notes: 'x' }, context);
    expect(errorsOf(result)).toEqual([
      { questionId: 'notes', code: 'UNKNOWN_QUESTION' },
      { questionId: 'entry', code: 'INVALID_OPTION' },
    ]);
  });
});
