// Contact details that need a code: a new e-mail address (the code goes to the new address, the old one is told) and
// a new mobile number saved in the profile (the code goes by SMS; until it is typed, recovery codes and alerts keep
// going to the previous confirmed number). Both ask for the password again when the session's proof is old.
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { dateTime } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { needsStepUp, refusalOf } from '../refusal.ts';
import { StepUp } from './StepUp.tsx';

const RequestEmailChange = graphql(`
  mutation RequestEmailChange($newEmail: String!) {
    requestEmailChange(newEmail: $newEmail) {
      __typename
      ... on EmailChangeRequested { expiresAt }
      ... on Error { message }
    }
  }
`);

const ConfirmEmailChange = graphql(`
  mutation ConfirmEmailChange($code: String!) {
    confirmEmailChange(code: $code) {
      __typename
      ... on ContactConfirmed { customer { id email } }
      ... on Error { message }
    }
  }
`);

const ConfirmPhone = graphql(`
  mutation ConfirmPhone($code: String!) {
    confirmPhone(code: $code) {
      __typename
      ... on ContactConfirmed { customer { id phone phoneConfirmed } }
      ... on Error { message }
    }
  }
`);

const UNAVAILABLE = 'Le service est momentanément indisponible. Réessayez dans un instant.';
type Said = { ok: boolean; text: string } | null;

function CodeField({
  id,
  label,
  busy,
  submit,
}: {
  id: string;
  label: string;
  busy: boolean;
  submit: (code: string) => void;
}) {
  return (
    <form
      className="inline wrap"
      aria-label="Code de confirmation"
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        submit(String(new FormData(e.currentTarget).get('code') ?? '').trim());
      }}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
        />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Valider le code
      </button>
    </form>
  );
}

/** « Adresse e-mail »: the current address and its change by a code sent to the new one. */
export function EmailChange({ email }: { email: string }) {
  const [asking, ask] = useMutation(RequestEmailChange);
  const [confirming, confirm] = useMutation(ConfirmEmailChange);
  const [open, setOpen] = useState(false);
  const [sentUntil, setSentUntil] = useState<string | null>(null);
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const [said, setSaid] = useState<Said>(null);

  async function request(newEmail: string) {
    setSaid(null);
    const result = await ask({ newEmail });
    const outcome = result.data?.requestEmailChange;
    if (outcome?.__typename === 'EmailChangeRequested') setSentUntil(outcome.expiresAt);
    else if (needsStepUp(result.error)) setRetry(() => () => void request(newEmail));
    else
      setSaid({
        ok: false,
        text: outcome && 'message' in outcome ? outcome.message : (refusalOf(result.error) ?? UNAVAILABLE),
      });
  }

  async function enter(code: string) {
    setSaid(null);
    const result = await confirm({ code });
    const outcome = result.data?.confirmEmailChange;
    if (outcome?.__typename === 'ContactConfirmed') {
      setSentUntil(null);
      setOpen(false);
      setSaid({ ok: true, text: `Votre adresse e-mail est désormais ${outcome.customer.email}.` });
    } else
      setSaid({
        ok: false,
        text: outcome && 'message' in outcome ? outcome.message : (refusalOf(result.error) ?? UNAVAILABLE),
      });
  }

  return (
    <section className="card stack" aria-labelledby="email-heading">
      <h2 id="email-heading">Adresse e-mail</h2>
      <p>
        Vos messages arrivent à <strong>{email}</strong>.
      </p>
      {retry && (
        <StepUp
          confirmed={() => {
            const again = retry;
            setRetry(null);
            again();
          }}
          cancel={() => setRetry(null)}
        />
      )}
      {!open && !sentUntil && (
        <p>
          <button type="button" className="secondary" onClick={() => setOpen(true)}>
            Changer d’adresse e-mail
          </button>
        </p>
      )}
      {open && !sentUntil && !retry && (
        <form
          className="inline wrap"
          aria-label="Changement d’adresse e-mail"
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            void request(String(new FormData(e.currentTarget).get('newEmail') ?? '').trim());
          }}
        >
          <div className="field">
            <label htmlFor="newEmail">Nouvelle adresse e-mail</label>
            <input id="newEmail" name="newEmail" type="email" autoComplete="email" required />
          </div>
          <button type="submit" className="primary" disabled={asking.fetching}>
            Recevoir un code
          </button>
        </form>
      )}
      {sentUntil && (
        <>
          <p role="status">
            Un code à 6 chiffres vient d’être envoyé à la nouvelle adresse&nbsp;; il est valable jusqu’à{' '}
            {dateTime(sentUntil)}. Votre adresse actuelle sera prévenue du changement.
          </p>
          <CodeField
            id="emailCode"
            label="Code reçu par e-mail"
            busy={confirming.fetching}
            submit={(c) => void enter(c)}
          />
        </>
      )}
      <div aria-live="polite">{said && <p className={said.ok ? 'ok' : 'error'}>{said.text}</p>}</div>
    </section>
  );
}

/** The code texted to a new mobile number, asked for until it is typed. */
export function PhoneConfirmation({ phone }: { phone: string }) {
  const [confirming, confirm] = useMutation(ConfirmPhone);
  const [said, setSaid] = useState<Said>(null);

  async function enter(code: string) {
    setSaid(null);
    const result = await confirm({ code });
    const outcome = result.data?.confirmPhone;
    if (outcome?.__typename === 'ContactConfirmed') setSaid({ ok: true, text: 'Votre numéro est confirmé.' });
    else
      setSaid({
        ok: false,
        text: outcome && 'message' in outcome ? outcome.message : (refusalOf(result.error) ?? UNAVAILABLE),
      });
  }

  return (
    <section className="card stack notice" aria-labelledby="phone-code-heading">
      <h2 id="phone-code-heading">Confirmer mon numéro</h2>
      <p>
        Un code à 6 chiffres a été envoyé par SMS au {phone}. Tant qu’il n’est pas saisi, vos codes de secours et vos
        alertes continuent d’aller au numéro confirmé précédent.
      </p>
      <CodeField id="phoneCode" label="Code reçu par SMS" busy={confirming.fetching} submit={(c) => void enter(c)} />
      <div aria-live="polite">{said && <p className={said.ok ? 'ok' : 'error'}>{said.text}</p>}</div>
    </section>
  );
}
