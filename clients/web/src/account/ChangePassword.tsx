// Changing the password from the account page: the current one, the new one typed twice. A refusal says each rule
// the new one breaks, in the service's own words; once changed, every other device is signed out by the service.
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql/index.ts';
import { refusalOf } from '../refusal.ts';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on PasswordChanged { message }
      ... on PasswordRejected { message reasons }
      ... on Error { message }
    }
  }
`);

type Outcome = { ok: boolean; message: string; reasons?: string[] } | null;

export function ChangePassword() {
  const [state, change] = useMutation(ChangePasswordMutation);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    setOutcome(null);
    if (newPassword !== String(data.get('confirmPassword') ?? '')) {
      setOutcome({ ok: false, message: 'Les deux saisies du nouveau mot de passe sont différentes.' });
      return;
    }
    const result = await change({ currentPassword, newPassword });
    const answer = result.data?.changePassword;
    if (answer?.__typename === 'PasswordChanged') {
      form.reset();
      setOutcome({ ok: true, message: answer.message });
    } else if (answer?.__typename === 'PasswordRejected')
      setOutcome({ ok: false, message: answer.message, reasons: answer.reasons });
    else
      setOutcome({
        ok: false,
        message:
          answer?.message ??
          refusalOf(result.error) ??
          'Le service est momentanément indisponible. Réessayez dans un instant.',
      });
  }

  return (
    <form className="card stack" aria-labelledby="password-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="password-heading">Changer mon mot de passe</h2>
      <div className="field">
        <label htmlFor="currentPassword">Mot de passe actuel</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
      </div>
      <div className="field">
        <label htmlFor="newPassword">Nouveau mot de passe</label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          aria-describedby="newPassword-help"
          required
        />
        <p id="newPassword-help" className="help">
          Au moins 8 caractères, avec majuscule, minuscule, chiffre et caractère spécial ; plusieurs mots sans rapport
          le rendent plus sûr.
        </p>
      </div>
      <div className="field">
        <label htmlFor="confirmPassword">Nouveau mot de passe, une seconde fois</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required />
      </div>
      <div aria-live="polite">
        {outcome && (
          <div className={outcome.ok ? 'ok' : 'error'}>
            <p>{outcome.message}</p>
            {outcome.reasons && outcome.reasons.length > 0 && (
              <ul>
                {outcome.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <button type="submit" className="primary" disabled={state.fetching}>
        Changer le mot de passe
      </button>
    </form>
  );
}
