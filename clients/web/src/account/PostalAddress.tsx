// « Mon adresse postale » in « Mon compte »: where letters go, shown and changed (updateProfile with postalAddress).
// A new address answers, for each contract insuring a main home elsewhere, the price of moving it there (move quote):
// the new premium against the current one, the difference, the pro-rata, when it would start and until when the
// quote holds. The insured home moves only when the customer accepts a quote (applyPolicyChange), which gives the
// avenant to download; until then the contract keeps insuring the current home.
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AvenantLink, QuoteFigures } from '../contract/QuoteFigures.tsx';
import { date, dateTime } from '../format.ts';
import type { UpdatePostalAddressMutation } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';

const PostalAddressQuery = graphql(`
  query PostalAddress {
    me { id postalAddress { addressLine postalCode city } }
  }
`);

const UpdatePostalAddress = graphql(`
  mutation UpdatePostalAddress($input: ProfileInput!) {
    updateProfile(input: $input) {
      __typename
      ... on UpdateProfileSuccess {
        changedFields
        customer { id postalAddress { addressLine postalCode city } }
        addressChange {
          id
          moveQuotes {
            id
            policy { id number }
            changes
            effectiveDate
            currentAnnualPremium { amountCents currency }
            newAnnualPremium { amountCents currency }
            annualDifference { amountCents currency }
            proRata { amountCents currency }
            validUntil
          }
        }
      }
      ... on InvalidProfile { message field }
    }
  }
`);

const ApplyMove = graphql(`
  mutation ApplyMove($quoteId: ID!) {
    applyPolicyChange(quoteId: $quoteId) {
      __typename
      ... on PolicyChangeApplied {
        policy {
          id
          version
          annualPremium { amountCents currency }
          dwelling { addressLine postalCode city type surfaceM2 rooms occupancy residence }
          premiumLines { code label amount { amountCents currency } }
          versions { version effectiveFrom reason annualPremium { amountCents currency } }
        }
        avenant { id title downloadUrl }
      }
      ... on Error { message }
    }
  }
`);

type Saved = Extract<UpdatePostalAddressMutation['updateProfile'], { __typename: 'UpdateProfileSuccess' }>;
type MoveQuote = NonNullable<Saved['addressChange']>['moveQuotes'][number];

type Outcome =
  | { kind: 'saved'; quotes: MoveQuote[] }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; field: string; message: string }
  | { kind: 'failed'; message: string };

const FIELDS = [
  { name: 'addressLine', label: 'Numéro et voie', autoComplete: 'address-line1' },
  { name: 'postalCode', label: 'Code postal', autoComplete: 'postal-code', inputMode: 'numeric' },
  { name: 'city', label: 'Commune', autoComplete: 'address-level2' },
] as const;

/** One contract's move, priced: accepted here, or left to expire (the contract then stays where it is). */
function MoveOffer({ quote }: { quote: MoveQuote }) {
  const [applying, apply] = useMutation(ApplyMove);
  const [applied, setApplied] = useState<{ title: string; downloadUrl: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = `move-${quote.id}`;

  async function accept() {
    setFailure(null);
    const result = await apply({ quoteId: quote.id });
    const outcome = result.data?.applyPolicyChange;
    if (outcome?.__typename === 'PolicyChangeApplied') setApplied(outcome.avenant);
    else
      setFailure(
        outcome && 'message' in outcome
          ? outcome.message
          : 'Le déménagement de votre contrat n’a pas pu être enregistré. Réessayez dans un instant.',
      );
  }

  return (
    <li>
      <section aria-labelledby={heading} className="stack">
        <h4 id={heading}>Contrat {quote.policy.number}</h4>
        {quote.changes.map((c) => (
          <p key={c} data-testid="move-change">
            {c}
          </p>
        ))}
        <QuoteFigures quote={quote} testId="move-quote" />
        <p className="muted">
          À partir du {date(quote.effectiveDate)}, si vous acceptez avant le {dateTime(quote.validUntil)}.
        </p>
        <div aria-live="polite">
          {applied ? (
            <p className="ok">
              Votre contrat assure désormais votre nouveau logement.{' '}
              <AvenantLink downloadUrl={applied.downloadUrl} failed={setFailure} />
            </p>
          ) : (
            <p>
              Tant que vous n’acceptez pas, votre contrat continue d’assurer votre logement actuel. Vous pourrez aussi
              déclarer votre déménagement plus tard depuis «&nbsp;Mon contrat&nbsp;».
            </p>
          )}
        </div>
        {failure && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        {!applied && (
          <button
            type="button"
            className="primary"
            disabled={applying.fetching}
            aria-describedby={heading}
            onClick={() => void accept()}
          >
            Déménager mon contrat à cette adresse
          </button>
        )}
      </section>
    </li>
  );
}

export function PostalAddress() {
  const [{ data }] = useQuery({ query: PostalAddressQuery });
  const address = data?.me?.postalAddress ?? null;
  const [saving, save] = useMutation(UpdatePostalAddress);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setOutcome(null);
    const result = await save({
      input: {
        postalAddress: { addressLine: text('addressLine'), postalCode: text('postalCode'), city: text('city') },
      },
    });
    const answer = result.data?.updateProfile;
    if (answer?.__typename === 'UpdateProfileSuccess')
      setOutcome(
        answer.changedFields.includes('postalAddress')
          ? { kind: 'saved', quotes: answer.addressChange?.moveQuotes ?? [] }
          : { kind: 'unchanged' },
      );
    else if (answer?.__typename === 'InvalidProfile')
      setOutcome({ kind: 'invalid', field: answer.field.replace(/^postalAddress\./, ''), message: answer.message });
    else setOutcome({ kind: 'failed', message: 'Votre adresse n’a pas pu être enregistrée. Réessayez.' });
  }

  const fieldError = (field: string) =>
    outcome?.kind === 'invalid' && outcome.field === field ? outcome.message : null;

  return (
    <section className="card stack" aria-labelledby="postal-heading">
      <h2 id="postal-heading">Mon adresse postale</h2>
      {!data && <p className="muted">Chargement…</p>}
      {data && (
        <p data-testid="postal-current">
          {address ? (
            <>
              Vos courriers sont envoyés à&nbsp;: <strong>{address.addressLine}</strong>, {address.postalCode}{' '}
              {address.city}
            </>
          ) : (
            'Vous n’avez pas encore indiqué d’adresse postale.'
          )}
        </p>
      )}
      <form
        className="stack"
        aria-label="Changer mon adresse postale"
        onSubmit={(e) => void submit(e)}
        noValidate
        key={address ? [address.addressLine, address.postalCode, address.city].join('\n') : ''}
      >
        {FIELDS.map((f) => {
          const error = fieldError(f.name);
          return (
            <div className="field" key={f.name}>
              <label htmlFor={`postal-${f.name}`}>{f.label}</label>
              <input
                id={`postal-${f.name}`}
                name={f.name}
                defaultValue={address?.[f.name] ?? ''}
                autoComplete={f.autoComplete}
                inputMode={'inputMode' in f ? f.inputMode : undefined}
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `postal-${f.name}-error` : undefined}
              />
              {error && (
                <p id={`postal-${f.name}-error`} className="error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <button type="submit" className="primary" disabled={saving.fetching}>
          Enregistrer mon adresse
        </button>
      </form>
      <div aria-live="polite" data-testid="postal-outcome">
        {outcome?.kind === 'unchanged' && <p className="ok">C’est déjà votre adresse&nbsp;: rien n’a changé.</p>}
        {outcome?.kind === 'saved' && (
          <p className="ok">
            Votre adresse est enregistrée&nbsp;: vos courriers y seront envoyés.
            {outcome.quotes.length === 0 && ' Aucun contrat n’est à déménager.'}
          </p>
        )}
        {outcome?.kind === 'failed' && <p className="error">{outcome.message}</p>}
        {outcome?.kind === 'invalid' && !FIELDS.some((f) => f.name === outcome.field) && (
          <p className="error">{outcome.message}</p>
        )}
      </div>
      {outcome?.kind === 'saved' && outcome.quotes.length > 0 && (
        <section aria-labelledby="move-heading" className="stack">
          <h3 id="move-heading">Déménager votre contrat</h3>
          <p>
            Votre contrat assure toujours votre logement actuel. Pour qu’il assure votre nouvelle adresse, acceptez le
            prix ci-dessous&nbsp;; sans votre accord, il continue d’assurer votre logement actuel.
          </p>
          <ul className="guarantees" aria-label="Déménagements proposés">
            {outcome.quotes.map((q) => (
              <MoveOffer key={q.id} quote={q} />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
