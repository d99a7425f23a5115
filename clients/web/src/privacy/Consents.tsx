// « Vos consentements »: each purpose Abri asks for (offers by e-mail, partners' offers, sign-in alerts by SMS), the
// answer given now and every change before it, with when and from which device. A box ticked or unticked is saved at
// once; every message sender checks the answer before sending.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { dateTime } from '../format.ts';
import type { ConsentPurpose } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { refusalOf } from '../refusal.ts';

const ConsentsQuery = graphql(`
  query Consents {
    me {
      id
      consents { purpose label description given changedAt device history { given at device } }
    }
  }
`);

const SetConsent = graphql(`
  mutation SetConsent($purpose: ConsentPurpose!, $given: Boolean!) {
    setConsent(purpose: $purpose, given: $given) {
      __typename
      ... on SetConsentSuccess { consent { purpose label description given changedAt device history { given at device } } }
      ... on Error { message }
    }
  }
`);

type Said = { purpose: string; ok: boolean; text: string } | null;

export function Consents() {
  const [{ data, error }] = useQuery({ query: ConsentsQuery });
  const [saving, save] = useMutation(SetConsent);
  const [said, setSaid] = useState<Said>(null);
  const consents = data?.me?.consents ?? [];

  async function answer(purpose: ConsentPurpose, label: string, given: boolean) {
    // One answer at a time (the box stays focusable: disabling it would drop the keyboard's focus).
    if (saving.fetching) return;
    setSaid(null);
    const result = await save({ purpose, given });
    const outcome = result.data?.setConsent;
    if (outcome?.__typename === 'SetConsentSuccess')
      setSaid({
        purpose,
        ok: true,
        text: given ? `Consentement donné\u00a0: ${label}.` : `Consentement retiré\u00a0: ${label}.`,
      });
    else
      setSaid({
        purpose,
        ok: false,
        text:
          (outcome && 'message' in outcome ? outcome.message : null) ??
          refusalOf(result.error) ??
          'Votre choix n’a pas pu être enregistré. Réessayez dans un instant.',
      });
  }

  return (
    <section className="card" aria-labelledby="consents-heading">
      <h2 id="consents-heading">Vos consentements</h2>
      <p>
        Cochez ce que vous acceptez&nbsp;: votre choix est enregistré aussitôt, et vous pouvez le changer à tout moment.
      </p>
      {error && !data && (
        <p className="error" role="alert">
          Vos consentements n’ont pas pu être chargés. Réessayez dans un instant.
        </p>
      )}
      <ul className="guarantees">
        {consents.map((consent) => {
          const id = `consent-${consent.purpose}`;
          return (
            <li key={consent.purpose}>
              <div className="choice">
                <input
                  type="checkbox"
                  id={id}
                  checked={consent.given}
                  aria-busy={saving.fetching || undefined}
                  aria-describedby={`${id}-description`}
                  onChange={(event) => void answer(consent.purpose, consent.label, event.currentTarget.checked)}
                />
                <label htmlFor={id}>{consent.label}</label>
              </div>
              <p id={`${id}-description`} className="muted note">
                {consent.description}{' '}
                {consent.changedAt
                  ? `${consent.given ? 'Donné' : 'Retiré'} le ${dateTime(consent.changedAt)}${consent.device ? ` depuis ${consent.device}` : ''}.`
                  : 'Vous n’avez pas encore répondu.'}
              </p>
              {consent.history.length > 0 && (
                <details>
                  <summary>Historique ({consent.history.length})</summary>
                  <ul className="lines" aria-label={`Historique\u00a0: ${consent.label}`}>
                    {consent.history.map((change) => (
                      <li key={`${change.at}-${String(change.given)}`}>
                        <span>{change.given ? 'Donné' : 'Retiré'}</span>
                        <span>
                          {dateTime(change.at)}
                          {change.device ? ` · ${change.device}` : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              <div aria-live="polite">
                {said?.purpose === consent.purpose && <p className={said.ok ? 'ok' : 'error'}>{said.text}</p>}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
