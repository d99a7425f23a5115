// One question of a claim form, rendered from its data (kind, options, help, bounds): the form is whatever the
// claims service says it is for this type of claim.
import type { ClaimFormQuery } from '../gql/graphql.ts';

export type Question = ClaimFormQuery['claimForm']['questions'][number];
export type Item = { description: string; valueCents: number; proof: boolean };
export type Answer = string | boolean | number | string[] | Item[] | undefined;

/** The form's rule: a question is shown when the answer it depends on equals the given text. */
export function isShown(question: Question, answers: Record<string, Answer>): boolean {
  if (!question.showWhen) return true;
  const answer = answers[question.showWhen.questionId];
  return answer !== undefined && String(answer) === question.showWhen.equals;
}

/** "1 234,50" → 123450 cents; null when it is not an amount. */
export function centsOf(text: string): number | null {
  const normalised = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}

interface Props {
  question: Question;
  value: Answer;
  error?: string | undefined;
  onChange(value: Answer): void;
}

export function QuestionField({ question: q, value, error, onChange }: Props) {
  const id = `q-${q.id}`;
  const describedBy = [q.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const help = q.help ? (
    <p id={`${id}-help`} className="help">
      {q.help}
    </p>
  ) : null;
  const problem = error ? (
    <p id={`${id}-error`} className="error">
      {error}
    </p>
  ) : null;
  const label = (
    <>
      {q.label}
      {!q.required && <span className="muted"> (facultatif)</span>}
    </>
  );

  if (q.kind === 'BOOLEAN' || q.kind === 'CHOICE' || q.kind === 'MULTI_CHOICE') {
    const options =
      q.kind === 'BOOLEAN'
        ? [
            { value: 'true', label: 'Oui' },
            { value: 'false', label: 'Non' },
          ]
        : q.options;
    const multi = q.kind === 'MULTI_CHOICE';
    const chosen = (v: string) =>
      multi ? Array.isArray(value) && (value as string[]).includes(v) : value !== undefined && String(value) === v;
    return (
      <fieldset className="field choices" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        <legend>{label}</legend>
        {help}
        <div className={q.kind === 'BOOLEAN' ? 'inline' : ''}>
          {options.map((o) => (
            <label key={o.value} className="choice">
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={id}
                value={o.value}
                checked={chosen(o.value)}
                required={q.required && !multi}
                onChange={(e) => {
                  if (q.kind === 'BOOLEAN') onChange(o.value === 'true');
                  else if (!multi) onChange(o.value);
                  else {
                    const list = Array.isArray(value) ? (value as string[]) : [];
                    onChange(e.target.checked ? [...list, o.value] : list.filter((v) => v !== o.value));
                  }
                }}
              />{' '}
              {o.label}
            </label>
          ))}
        </div>
        {problem}
      </fieldset>
    );
  }

  if (q.kind === 'ITEMS') {
    const items = Array.isArray(value) ? (value as Item[]) : [];
    const set = (index: number, patch: Partial<Item>) =>
      onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
    return (
      <fieldset className="field" aria-describedby={describedBy}>
        <legend>{label}</legend>
        {help}
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div key={index} className="item-row">
            <label>
              Objet {index + 1}
              <input value={item.description} onChange={(e) => set(index, { description: e.target.value })} />
            </label>
            <label>
              Valeur (€)
              <input
                inputMode="decimal"
                defaultValue={item.valueCents ? String(item.valueCents / 100).replace('.', ',') : ''}
                onChange={(e) => set(index, { valueCents: centsOf(e.target.value) ?? 0 })}
              />
            </label>
            <label className="choice">
              <input type="checkbox" checked={item.proof} onChange={(e) => set(index, { proof: e.target.checked })} />{' '}
              J’ai un justificatif
            </label>
            <button type="button" className="link" onClick={() => onChange(items.filter((_, i) => i !== index))}>
              Retirer l’objet {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => onChange([...items, { description: '', valueCents: 0, proof: false }])}
        >
          Ajouter un objet
        </button>
        {problem}
      </fieldset>
    );
  }

  const common = {
    id,
    name: q.id,
    required: q.required,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help}
      {q.kind === 'LONG_TEXT' ? (
        <textarea
          {...common}
          rows={4}
          maxLength={q.maxLength ?? undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : q.kind === 'AMOUNT' ? (
        <input
          {...common}
          inputMode="decimal"
          defaultValue={typeof value === 'number' ? String(value / 100).replace('.', ',') : ''}
          onChange={(e) => onChange(centsOf(e.target.value) ?? (e.target.value.trim() ? e.target.value : undefined))}
        />
      ) : (
        <input
          {...common}
          type={q.kind === 'DATE' ? 'date' : 'text'}
          maxLength={q.maxLength ?? undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {problem}
    </div>
  );
}
