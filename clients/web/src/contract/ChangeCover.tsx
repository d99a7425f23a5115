// Changing the cover online: deductible, options, contents capital (furniture, appliances, clothes), declared valuables. Each change is priced as the customer makes it
// (quotePolicyChange, a moment after the last keystroke): current and new annual premium, the difference and what is
// due or refunded for the rest of the period; accepting the quote (applyPolicyChange) makes the avenant. The policy
// the mutation returns updates the shared cache, so the dashboard shows the new premium at once.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { date, money } from '../format.ts';
import type { PolicyOption, QuotePolicyChangeMutation } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { POLICY_OPTION } from '../labels.ts';
import { AvenantLink, QuoteFigures } from './QuoteFigures.tsx';

const QuoteChange = graphql(`
  mutation QuotePolicyChange($input: PolicyChangeInput!) {
    quotePolicyChange(input: $input) {
      __typename
      ... on PolicyChangeQuoted {
        quote {
          id
          changes
          effectiveDate
          currentAnnualPremium { amountCents currency }
          newAnnualPremium { amountCents currency }
          annualDifference { amountCents currency }
          proRata { amountCents currency }
          validUntil
        }
      }
      ... on InvalidPolicyChange { message field }
      ... on Error { message }
    }
  }
`);

const ApplyChange = graphql(`
  mutation ApplyPolicyChange($quoteId: ID!) {
    applyPolicyChange(quoteId: $quoteId) {
      __typename
      ... on PolicyChangeApplied {
        policy {
          id
          version
          options
          annualPremium { amountCents currency }
          deductible { amountCents currency }
          valuables { amountCents currency }
          contentsCapital { amountCents currency }
          guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }
          premiumLines { code label amount { amountCents currency } }
          versions { version effectiveFrom reason annualPremium { amountCents currency } }
        }
        avenant { id title downloadUrl }
      }
      ... on Error { message }
    }
  }
`);

/** The deductibles the contract offers, in cents (the policies service refuses any other). */
const DEDUCTIBLES = [15_000, 30_000, 50_000];
const OPTIONS = Object.keys(POLICY_OPTION) as PolicyOption[];

export interface CoverPolicy {
  id: string;
  options: string[];
  deductible: { amountCents: number };
  valuables: { amountCents: number };
  contentsCapital: { amountCents: number };
}

interface Draft {
  deductibleCents: number;
  options: string[];
  /** Whole euros as typed. */
  valuables: string;
  /** Whole euros as typed. */
  contents: string;
}

/** The policies service's ceiling for declared contents, in whole euros. */
const MAX_CONTENTS_EUROS = 300_000;
const digitsOf = (typed: string) => typed.replace(/[\s\u00a0\u202f]/g, '');

const draftOf = (policy: CoverPolicy): Draft => ({
  deductibleCents: policy.deductible.amountCents,
  options: [...policy.options],
  valuables: policy.valuables.amountCents ? String(policy.valuables.amountCents / 100) : '',
  contents: String(Math.round(policy.contentsCapital.amountCents / 100)),
});

type Quote = Extract<QuotePolicyChangeMutation['quotePolicyChange'], { __typename: 'PolicyChangeQuoted' }>['quote'];
type Pricing =
  | { state: 'unchanged' }
  | { state: 'pricing' }
  | { state: 'quoted'; quote: Quote }
  | { state: 'refused'; message: string };

/** The change as the API takes it, or a French message when what was typed cannot be priced. */
function changeOf(policy: CoverPolicy, draft: Draft): { input: Record<string, unknown> | null } | { problem: string } {
  const input: Record<string, unknown> = { policyId: policy.id };
  const add = draft.options.filter((o) => !policy.options.includes(o));
  const remove = policy.options.filter((o) => !draft.options.includes(o));
  if (add.length) input.addOptions = add;
  if (remove.length) input.removeOptions = remove;
  if (draft.deductibleCents !== policy.deductible.amountCents) input.deductibleCents = draft.deductibleCents;
  const hasValuables = draft.options.includes('VALUABLES');
  const contents = digitsOf(draft.contents);
  if (!/^\d{1,7}$/.test(contents) || Number(contents) > MAX_CONTENTS_EUROS)
    return {
      problem: 'Indiquez la valeur de vos meubles et équipements en euros, sans centimes, jusqu’à 300\u00a0000\u00a0€.',
    };
  const contentsCents = Number(contents) * 100;
  if (contentsCents !== policy.contentsCapital.amountCents) input.contentsCents = contentsCents;
  const typed = digitsOf(draft.valuables);
  if (hasValuables && !/^\d{1,7}$/.test(typed))
    return { problem: 'Indiquez la valeur de vos objets de valeur en euros, sans centimes (par exemple 8000).' };
  const valuablesCents = hasValuables ? Number(typed) * 100 : 0;
  if (valuablesCents !== policy.valuables.amountCents) input.valuablesCents = valuablesCents;
  return { input: Object.keys(input).length > 1 ? input : null };
}

export function ChangeCover({ policy }: { policy: CoverPolicy }) {
  const [draft, setDraft] = useState(() => draftOf(policy));
  const [pricing, setPricing] = useState<Pricing>({ state: 'unchanged' });
  const [applied, setApplied] = useState<{ title: string; downloadUrl: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [, quote] = useMutation(QuoteChange);
  const [applying, apply] = useMutation(ApplyChange);
  // Only the answer to the latest draft counts: an older quote arriving late is dropped.
  const latest = useRef(0);

  const change = changeOf(policy, draft);
  const key = JSON.stringify(change);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the change; the rest is read through it
  useEffect(() => {
    const ticket = ++latest.current;
    if ('problem' in change || !change.input) {
      setPricing('problem' in change ? { state: 'refused', message: change.problem } : { state: 'unchanged' });
      return;
    }
    setPricing({ state: 'pricing' });
    const timer = setTimeout(async () => {
      const result = await quote({ input: change.input as never });
      if (ticket !== latest.current) return;
      const outcome = result.data?.quotePolicyChange;
      if (outcome?.__typename === 'PolicyChangeQuoted') setPricing({ state: 'quoted', quote: outcome.quote });
      else
        setPricing({
          state: 'refused',
          message:
            outcome && 'message' in outcome
              ? outcome.message
              : 'Le prix n’a pas pu être calculé. Réessayez dans un instant.',
        });
    }, 350);
    return () => clearTimeout(timer);
  }, [key]);

  function toggle(option: string, on: boolean) {
    setApplied(null);
    setDraft((d) => ({ ...d, options: on ? [...d.options, option] : d.options.filter((o) => o !== option) }));
  }

  async function accept(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pricing.state !== 'quoted') return;
    setFailure(null);
    const result = await apply({ quoteId: pricing.quote.id });
    const outcome = result.data?.applyPolicyChange;
    if (outcome?.__typename === 'PolicyChangeApplied') {
      setApplied(outcome.avenant);
      latest.current += 1;
      setDraft(draftOf(outcome.policy));
      setPricing({ state: 'unchanged' });
    } else
      setFailure(
        outcome && 'message' in outcome
          ? outcome.message
          : 'Le changement n’a pas pu être enregistré. Réessayez dans un instant.',
      );
  }

  return (
    <form className="card stack" aria-labelledby="change-heading" onSubmit={(e) => void accept(e)} noValidate>
      <h2 id="change-heading">Modifier ma couverture</h2>
      <fieldset className="choices">
        <legend>Franchise générale</legend>
        <p className="help">Une franchise plus élevée fait baisser votre cotisation.</p>
        <div className="inline wrap">
          {DEDUCTIBLES.map((cents) => (
            <label key={cents} className="choice">
              <input
                type="radio"
                name="deductible"
                checked={draft.deductibleCents === cents}
                onChange={() => {
                  setApplied(null);
                  setDraft((d) => ({ ...d, deductibleCents: cents }));
                }}
              />
              {money({ amountCents: cents, currency: 'EUR' })}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="choices">
        <legend>Options</legend>
        {OPTIONS.map((option) => (
          <label key={option} className="choice">
            <input
              type="checkbox"
              checked={draft.options.includes(option)}
              onChange={(e) => toggle(option, e.currentTarget.checked)}
            />
            {POLICY_OPTION[option]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="contents">Valeur de vos meubles et équipements (en euros)</label>
        <input
          id="contents"
          inputMode="numeric"
          autoComplete="off"
          value={draft.contents}
          aria-describedby="contents-help"
          onChange={(e) => {
            setApplied(null);
            setDraft({ ...draft, contents: e.currentTarget.value });
          }}
        />
        <p id="contents-help" className="help">
          Meubles, électroménager, vêtements, matériel informatique : ce que vous emporteriez en déménageant. Le capital
          prévu pour votre nombre de pièces reste acquis si vous indiquez moins.
        </p>
      </div>
      {draft.options.includes('VALUABLES') && (
        <div className="field">
          <label htmlFor="valuables">Valeur de vos objets de valeur (en euros)</label>
          <input
            id="valuables"
            inputMode="numeric"
            autoComplete="off"
            value={draft.valuables}
            aria-describedby="valuables-help"
            onChange={(e) => {
              setApplied(null);
              setDraft({ ...draft, valuables: e.currentTarget.value });
            }}
          />
          <p id="valuables-help" className="help">
            Bijoux, œuvres d’art, collections : leur valeur totale, jusqu’à 200&nbsp;000&nbsp;€.
          </p>
        </div>
      )}
      <section aria-labelledby="price-heading" aria-live="polite" className="price">
        <h3 id="price-heading">Votre nouveau prix</h3>
        {pricing.state === 'unchanged' && !applied && (
          <p className="muted">Modifiez une franchise, une option ou une valeur pour voir le nouveau prix.</p>
        )}
        {pricing.state === 'pricing' && <p className="muted">Calcul du prix…</p>}
        {pricing.state === 'refused' && <p className="error">{pricing.message}</p>}
        {pricing.state === 'quoted' && (
          <>
            <QuoteFigures quote={pricing.quote} testId="quote" />
            <ul>
              {pricing.quote.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <p className="muted">
              À partir du {date(pricing.quote.effectiveDate)}. Vos prochaines échéances seront ajustées.
            </p>
          </>
        )}
        {applied && (
          <p className="ok">
            Votre contrat est modifié. <AvenantLink downloadUrl={applied.downloadUrl} failed={setFailure} />
          </p>
        )}
      </section>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="primary" disabled={pricing.state !== 'quoted' || applying.fetching}>
        Accepter ce changement
      </button>
    </form>
  );
}
