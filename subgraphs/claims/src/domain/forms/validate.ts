// Server-side validation of a declaration's answers against the very form the client was given.
//
// Answers to questions that are hidden by an earlier answer are refused (NOT_APPLICABLE) rather than dropped: a
// client that sends them is out of step with the form, and saying so is clearer than storing less than it sent.
// Blank answers (null, '', []) count as no answer, so a client may send its hidden fields empty.

import { isoDay, parisDay } from '@abri/platform/french';
import { claimForm } from './claim-form.ts';
import type {
  Answers,
  ClaimForm,
  ClaimType,
  FormError,
  Question,
  ValidationContext,
  ValidationResult,
} from './types.ts';
import { checkValue, isBlank, isPlainObject } from './values.ts';

type Visibility = 'SHOWN' | 'HIDDEN' | 'UNDECIDED';

/** Checks `answers` against the form of `type`; on success returns them trimmed, in form order, shown ones only. */
export function validateAnswers(type: ClaimType, answers: Answers, context: ValidationContext): ValidationResult {
  return validateAgainstForm(claimForm(type), answers, context);
}

/** As {@link validateAnswers}, for a form given as data. */
export function validateAgainstForm(form: ClaimForm, answers: Answers, context: ValidationContext): ValidationResult {
  if (!isPlainObject(answers)) {
    return {
      ok: false,
      errors: [{ questionId: '', code: 'WRONG_TYPE', message: 'Les réponses au questionnaire sont illisibles.' }],
    };
  }
  const known = new Set(form.questions.map((q) => q.id));
  const errors: FormError[] = Object.keys(answers)
    .filter((id) => !known.has(id))
    .map((id) => ({
      questionId: id,
      code: 'UNKNOWN_QUESTION',
      message: `Cette réponse ne correspond à aucune question du formulaire « ${form.title} ».`,
    }));

  const bounds = { today: isoDay(parisDay(context.today)), occurredOn: isoDay(context.occurredOn) };
  const accepted = new Map<string, unknown>();
  // Questions whose answer is wrong or missing: what depends on them cannot be judged until they are fixed, and
  // reporting it would only add noise.
  const undecided = new Set<string>();
  for (const q of form.questions) {
    const shown = visibility(q, accepted, undecided);
    const raw = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    if (shown === 'UNDECIDED') {
      undecided.add(q.id);
    } else if (isBlank(raw)) {
      if (shown === 'SHOWN' && q.required) {
        errors.push({ questionId: q.id, code: 'REQUIRED', message: `« ${q.label} » : cette réponse est obligatoire.` });
        undecided.add(q.id);
      }
    } else if (shown === 'HIDDEN') {
      errors.push({
        questionId: q.id,
        code: 'NOT_APPLICABLE',
        message: `« ${q.label} » : cette question ne se pose pas compte tenu de vos autres réponses.`,
      });
    } else {
      const checked = checkValue(q, raw, bounds);
      if (checked.ok) accepted.set(q.id, checked.value);
      else {
        errors.push(...checked.errors);
        undecided.add(q.id);
      }
    }
  }
  return errors.length === 0 ? { ok: true, answers: Object.fromEntries(accepted) } : { ok: false, errors };
}

function visibility(q: Question, accepted: Map<string, unknown>, undecided: Set<string>): Visibility {
  if (!q.showWhen) return 'SHOWN';
  const { questionId, equals } = q.showWhen;
  if (undecided.has(questionId)) return 'UNDECIDED';
  const answer = accepted.get(questionId);
  const met = Array.isArray(answer) ? answer.includes(equals) : answer === equals;
  return met ? 'SHOWN' : 'HIDDEN';
}
