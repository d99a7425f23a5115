// Sign-in by contract number and password, then the second factor when the account has one. Every refusal is the
// server's own French message (locked until when, not activated, password to change).
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type AuthOutcome, signIn, verifySecondFactor } from '../auth/session.ts';
import { dateTime } from '../format.ts';

function refusal(outcome: AuthOutcome | null): string | null {
  if (!outcome) return 'Le service est momentanément indisponible. Réessayez dans un instant.';
  switch (outcome.__typename) {
    case 'LoginSuccess':
    case 'TwoFactorRequired':
      return null;
    case 'AccountLocked':
      return `${outcome.message} (jusqu’au ${dateTime(outcome.lockedUntil)})`;
    case 'SignedOut':
      return 'Votre session a pris fin. Connectez-vous à nouveau.';
    default:
      return outcome.message;
  }
}

export function SignIn() {
  const [challenge, setChallenge] = useState<string | null>(null);
  // Where the code comes from: the authenticator app, or an SMS just sent to the confirmed phone.
  const [method, setMethod] = useState<'TOTP' | 'SMS'>('TOTP');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovery, setRecovery] = useState(false);
  // What the refusal asks for next: a new activation link, or a new password.
  const [next, setNext] = useState<'activate' | 'reset' | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const outcome = challenge
      ? await verifySecondFactor(challenge, String(form.get('code') ?? '').replace(/\s/g, ''))
      : await signIn(String(form.get('contractNumber') ?? '').trim(), String(form.get('password') ?? ''));
    setBusy(false);
    if (outcome?.__typename === 'TwoFactorRequired') {
      setChallenge(outcome.challengeToken);
      setMethod(outcome.method);
    } else setError(refusal(outcome));
    setNext(
      outcome?.__typename === 'AccountNotActivated'
        ? 'activate'
        : outcome?.__typename === 'PasswordChangeRequired' || outcome?.__typename === 'AccountLocked'
          ? 'reset'
          : null,
    );
  }

  return (
    <main id="contenu" className="narrow">
      <p className="brand big" aria-hidden="true">
        Abri
      </p>
      <h1 tabIndex={-1}>{challenge ? 'Vérification en deux étapes' : 'Connexion à votre espace client'}</h1>
      <form onSubmit={(e) => void submit(e)} className="card stack" noValidate>
        {challenge ? (
          <div className="field">
            <label htmlFor="code">
              {recovery
                ? 'Code de secours'
                : method === 'SMS'
                  ? 'Code à 6 chiffres reçu par SMS'
                  : 'Code à 6 chiffres de votre application d’authentification'}
            </label>
            {method === 'SMS' && !recovery && (
              <p id="code-help" className="help">
                Nous venons de l’envoyer à votre numéro de mobile confirmé. Il est valable 5&nbsp;minutes.
              </p>
            )}
            <input
              key={recovery ? 'recovery' : 'totp'}
              id="code"
              name="code"
              // A recovery code has letters: a phone must show its full keyboard for it.
              inputMode={recovery ? 'text' : 'numeric'}
              autoComplete="one-time-code"
              aria-describedby={method === 'SMS' && !recovery ? 'code-help' : undefined}
              autoCapitalize="none"
              spellCheck={false}
              required
              // biome-ignore lint/a11y/noAutofocus: the only field of this step, right after the previous one
              autoFocus
            />
            <button type="button" className="link" onClick={() => setRecovery(!recovery)}>
              {recovery
                ? method === 'SMS'
                  ? 'Utiliser le code reçu par SMS'
                  : 'Utiliser le code de l’application'
                : 'Je n’ai plus mon téléphone\u00a0: utiliser un code de secours'}
            </button>
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="contractNumber">Numéro de contrat</label>
              <input
                id="contractNumber"
                name="contractNumber"
                autoComplete="username"
                autoCapitalize="characters"
                spellCheck={false}
                aria-describedby="contractNumber-help"
                required
              />
              <p id="contractNumber-help" className="help">
                Il figure sur vos conditions particulières, par exemple HAB0012345.
              </p>
            </div>
            <div className="field">
              <label htmlFor="password">Mot de passe</label>
              <input id="password" name="password" type="password" autoComplete="current-password" required />
            </div>
          </>
        )}
        {error && (
          <div className="error" role="alert">
            <p>{error}</p>
            {next === 'activate' && (
              <p>
                <Link to="/activation">Recevoir un nouveau lien d’activation</Link>
              </p>
            )}
            {next === 'reset' && (
              <p>
                <Link to="/mot-de-passe/oublie">Choisir un nouveau mot de passe</Link>
              </p>
            )}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {challenge ? 'Valider' : 'Se connecter'}
        </button>
      </form>
      {!challenge && (
        <ul className="lines" aria-label="Aide à la connexion">
          <li>
            <Link to="/mot-de-passe/oublie">Mot de passe oublié&nbsp;?</Link>
          </li>
          <li>
            <Link to="/numero-de-contrat-oublie">Numéro de contrat oublié&nbsp;?</Link>
          </li>
          <li>
            <Link to="/creer-mon-acces">Première visite&nbsp;: créer mon accès</Link>
          </li>
        </ul>
      )}
    </main>
  );
}
