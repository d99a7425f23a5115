// Two-step verification on the account page: its state; turning it on with an app (the QR code to scan, or the
// secret to type, then the app's first code; the ten recovery codes are shown this once) or with codes by SMS to the
// confirmed mobile number; switching from one to the other; turning it off (password and a code).
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql/index.ts';
import { needsStepUp, refusalOf } from '../refusal.ts';
import { StepUp } from './StepUp.tsx';

const StartEnrolment = graphql(`
  mutation StartTwoFactorEnrolment {
    startTwoFactorEnrolment { qrCode secret }
  }
`);

const ConfirmEnrolment = graphql(`
  mutation ConfirmTwoFactorEnrolment($code: String!) {
    confirmTwoFactorEnrolment(code: $code) {
      __typename
      ... on TwoFactorEnabled { recoveryCodes }
      ... on Error { message }
    }
  }
`);

const ChooseSms = graphql(`
  mutation ChooseSmsSecondFactor($code: String) {
    chooseSmsSecondFactor(code: $code) {
      __typename
      ... on SmsSecondFactorChosen { recoveryCodes }
      ... on Error { message }
    }
  }
`);

const DisableTwoFactor = graphql(`
  mutation DisableTwoFactor($password: String!, $code: String!) {
    disableTwoFactor(password: $password, code: $code)
  }
`);

const UNAVAILABLE = 'Le service est momentanément indisponible. Réessayez dans un instant.';
const field = (event: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(event.currentTarget).get(name) ?? '').replace(/\s/g, '');

type Method = 'TOTP' | 'SMS';
const STATE: Record<Method, string> = {
  TOTP: 'activée (application d’authentification)',
  SMS: 'activée (code par SMS)',
};

/**
 * `method`: the second factor asked at sign-in, null when there is none; `phoneConfirmed`: SMS codes can be chosen;
 * `changed`: the account's two-factor state moved (the page reloads it).
 */
export function TwoFactor({
  method,
  phoneConfirmed,
  changed,
}: {
  method: Method | null;
  phoneConfirmed: boolean;
  changed: () => void;
}) {
  const enabled = method !== null;
  // What the password confirmation, when asked for, is for.
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const [, chooseSms] = useMutation(ChooseSms);
  const [enrolment, setEnrolment] = useState<{ qrCode: string; secret: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const steppingUp = retry !== null;
  const [, start] = useMutation(StartEnrolment);
  const [, confirm] = useMutation(ConfirmEnrolment);
  const [, disable] = useMutation(DisableTwoFactor);

  async function begin() {
    setProblem(null);
    setBusy(true);
    const result = await start({});
    setBusy(false);
    if (result.data) setEnrolment(result.data.startTwoFactorEnrolment);
    else if (needsStepUp(result.error)) setRetry(() => () => void begin());
    else setProblem(refusalOf(result.error) ?? UNAVAILABLE);
  }

  /** SMS codes as the second factor; `appCode` proves the app when one is active. */
  async function chooseSmsCodes(appCode: string | null) {
    setProblem(null);
    setBusy(true);
    const result = await chooseSms({ code: appCode });
    setBusy(false);
    const outcome = result.data?.chooseSmsSecondFactor;
    if (outcome?.__typename === 'SmsSecondFactorChosen') {
      setEnrolment(null);
      setRecoveryCodes(outcome.recoveryCodes);
      changed();
    } else if (needsStepUp(result.error)) setRetry(() => () => void chooseSmsCodes(appCode));
    else setProblem(outcome && 'message' in outcome ? outcome.message : (refusalOf(result.error) ?? UNAVAILABLE));
  }

  async function finish(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    const result = await confirm({ code: field(event, 'totp') });
    setBusy(false);
    const outcome = result.data?.confirmTwoFactorEnrolment;
    if (outcome?.__typename === 'TwoFactorEnabled') {
      setEnrolment(null);
      setRecoveryCodes(outcome.recoveryCodes);
      changed();
    } else setProblem(outcome && 'message' in outcome ? outcome.message : (refusalOf(result.error) ?? UNAVAILABLE));
  }

  async function turnOff(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    const result = await disable({ password, code: field(event, 'disableCode') });
    setBusy(false);
    if (result.data?.disableTwoFactor) {
      setRecoveryCodes(null);
      changed();
    } else setProblem(result.data ? 'Le mot de passe ou le code est incorrect : rien n’a été changé.' : UNAVAILABLE);
  }

  const error = problem && (
    <p className="error" role="alert">
      {problem}
    </p>
  );

  return (
    <div className="stack">
      <p>
        Validation en deux étapes&nbsp;: <strong>{method ? STATE[method] : 'désactivée'}</strong>
      </p>
      {recoveryCodes && (
        <div className="notice">
          <h3>Vos codes de secours</h3>
          <p>
            Notez-les et gardez-les en lieu sûr : ils ne seront plus affichés. Chacun remplace une fois le code demandé
            à la connexion, si vous n’avez plus votre téléphone.
          </p>
          <ul className="codes" aria-label="Codes de secours">
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {method !== 'TOTP' && !enrolment && (
        <>
          <p className="muted">
            {method === 'SMS'
              ? 'Une application d’authentification protège mieux qu’un SMS, qui peut être détourné.'
              : 'À chaque connexion, un code vous sera demandé en plus du mot de passe\u00a0: celui de votre application d’authentification, ou un code reçu par SMS.'}
          </p>
          <p className="actions">
            <button type="button" className="secondary" disabled={busy || steppingUp} onClick={() => void begin()}>
              {method === 'SMS' ? 'Utiliser plutôt une application' : 'Activer avec une application'}
            </button>
            {!enabled && phoneConfirmed && (
              <button
                type="button"
                className="secondary"
                disabled={busy || steppingUp}
                onClick={() => void chooseSmsCodes(null)}
              >
                Recevoir les codes par SMS
              </button>
            )}
          </p>
          {!enabled && !phoneConfirmed && (
            <p className="muted note">
              Pour recevoir les codes par SMS, ajoutez votre numéro de mobile et confirmez-le avec le code reçu.
            </p>
          )}
          {error}
        </>
      )}
      {steppingUp && (
        <StepUp
          confirmed={() => {
            const again = retry;
            setRetry(null);
            again?.();
          }}
          cancel={() => setRetry(null)}
        />
      )}
      {method === 'TOTP' && phoneConfirmed && (
        <details>
          <summary>Recevoir plutôt les codes par SMS</summary>
          <form
            className="stack"
            aria-label="Recevoir plutôt les codes par SMS"
            onSubmit={(e) => {
              e.preventDefault();
              void chooseSmsCodes(field(e, 'appCode'));
            }}
          >
            <div className="field">
              <label htmlFor="appCode">Code actuel de votre application (ou code de secours)</label>
              <input id="appCode" name="appCode" autoComplete="one-time-code" required />
            </div>
            {error}
            <button type="submit" className="secondary" disabled={busy || steppingUp}>
              Passer au SMS
            </button>
          </form>
        </details>
      )}
      {method !== 'TOTP' && enrolment && (
        <form className="stack" aria-label="Activer la validation en deux étapes" onSubmit={(e) => void finish(e)}>
          <p>1. Scannez ce QR code avec votre application d’authentification.</p>
          <img
            className="qr"
            src={enrolment.qrCode}
            width={200}
            height={200}
            alt="QR code à scanner avec votre application d’authentification"
          />
          <p className="muted">
            Ou saisissez cette clé dans l’application : <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <div className="field">
            <label htmlFor="totp">2. Code à 6 chiffres affiché par l’application</label>
            <input id="totp" name="totp" inputMode="numeric" autoComplete="one-time-code" required />
          </div>
          {error}
          <button type="submit" className="primary" disabled={busy}>
            Confirmer
          </button>
        </form>
      )}
      {enabled && (
        <details>
          <summary>Désactiver la validation en deux étapes</summary>
          <form
            className="stack"
            aria-label="Désactiver la validation en deux étapes"
            onSubmit={(e) => void turnOff(e)}
          >
            <div className="field">
              <label htmlFor="disablePassword">Mot de passe</label>
              <input id="disablePassword" name="password" type="password" autoComplete="current-password" required />
            </div>
            <div className="field">
              <label htmlFor="disableCode">
                {method === 'SMS' ? 'Code de secours' : 'Code de l’application ou code de secours'}
              </label>
              <input id="disableCode" name="disableCode" autoComplete="one-time-code" required />
            </div>
            {error}
            <button type="submit" className="secondary" disabled={busy}>
              Désactiver
            </button>
          </form>
        </details>
      )}
    </div>
  );
}
