// The password asked again before a sensitive change (a new phone, two-step verification): the service wants a
// proof from the last few minutes. Confirmed, the session's token is renewed (it then carries the proof) and the
// change the customer asked for is tried again.
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { renew } from '../auth/session.ts';
import { graphql } from '../gql/index.ts';
import { refusalOf } from '../refusal.ts';

const ConfirmIdentity = graphql(`
  mutation StepUpConfirmIdentity($password: String!) {
    confirmIdentity(password: $password) {
      __typename
      ... on Error { message }
    }
  }
`);

export function StepUp({ confirmed, cancel }: { confirmed: () => void; cancel: () => void }) {
  const [state, confirm] = useMutation(ConfirmIdentity);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    const result = await confirm({ password });
    const outcome = result.data?.confirmIdentity;
    if (outcome?.__typename === 'IdentityConfirmed' && (await renew())) confirmed();
    else
      setProblem(
        outcome && 'message' in outcome
          ? outcome.message
          : (refusalOf(result.error) ?? 'Le service est momentanément indisponible. Réessayez dans un instant.'),
      );
  }

  return (
    <form className="card stack notice" aria-label="Confirmer mon mot de passe" onSubmit={(e) => void submit(e)}>
      <p>Pour votre sécurité, confirmez votre mot de passe avant ce changement.</p>
      <div className="field">
        <label htmlFor="stepUpPassword">Mot de passe</label>
        <input
          id="stepUpPassword"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          // biome-ignore lint/a11y/noAutofocus: asked in answer to the customer's own action, which waits for it
          autoFocus
        />
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="primary" disabled={state.fetching}>
          Confirmer
        </button>
        <button type="button" className="link" onClick={cancel}>
          Annuler
        </button>
      </p>
    </form>
  );
}
