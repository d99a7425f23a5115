// Two-step verification on the account page: its state; turning it on (the QR code to scan, or the secret to type,
// then the app's first code; the ten recovery codes are shown this once); turning it off (password and a code).
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

const DisableTwoFactor = graphql(`
  mutation DisableTwoFactor($password: String!, $code: String!) {
    disableTwoFactor(password: $password, code: $code)
  }
`);

const UNAVAILABLE = 'Le service est momentanément indisponible. Réessayez dans un instant.';
const field = (event: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(event.currentTarget).get(name) ?? '').replace(/\s/g, '');

/** `changed`: the account's two-factor state moved (the page reloads it). */
export function TwoFactor({ enabled, changed }: { enabled: boolean; changed: () => void }) {
  const [enrolment, setEnrolment] = useState<{ qrCode: string; secret: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [steppingUp, setSteppingUp] = useState(false);
  const [, start] = useMutation(StartEnrolment);
  const [, confirm] = useMutation(ConfirmEnrolment);
  const [, disable] = useMutation(DisableTwoFactor);

  async function begin() {
    setProblem(null);
    setBusy(true);
    const result = await start({});
    setBusy(false);
    if (result.data) setEnrolment(result.data.startTwoFactorEnrolment);
    else if (needsStepUp(result.error)) setSteppingUp(true);
    else setProblem(refusalOf(result.error) ?? UNAVAILABLE);
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
        Validation en deux étapes : <strong>{enabled ? 'activée' : 'désactivée'}</strong>
      </p>
      {recoveryCodes && (
        <div className="notice">
          <h3>Vos codes de secours</h3>
          <p>
            Notez-les et gardez-les en lieu sûr : ils ne seront plus affichés. Chacun remplace une fois le code de votre
            application, si vous n’avez plus votre téléphone.
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
      {!enabled && !enrolment && (
        <>
          <p className="muted">
            À chaque connexion, un code de votre application d’authentification vous sera demandé en plus du mot de
            passe.
          </p>
          <button type="button" className="secondary" disabled={busy || steppingUp} onClick={() => void begin()}>
            Activer la validation en deux étapes
          </button>
          {error}
          {steppingUp && (
            <StepUp
              confirmed={() => {
                setSteppingUp(false);
                void begin();
              }}
              cancel={() => setSteppingUp(false)}
            />
          )}
        </>
      )}
      {!enabled && enrolment && (
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
              <label htmlFor="disableCode">Code de l’application ou code de secours</label>
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
