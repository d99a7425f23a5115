// « Dernières connexions »: each sign-in with its device and place, and the customer's word on it. A sign-in from a
// new device can be recognised (« C'est moi ») or reported (« Ce n'était pas moi »: that device is signed out, or
// every device, and the password is blocked until a new one is chosen, as the alert e-mail's link does).
import { useState } from 'react';
import { useMutation } from 'urql';
import { signOut } from '../auth/session.ts';
import { dateTime } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { SIGN_IN_OUTCOME } from '../labels.ts';
import { refusalOf } from '../refusal.ts';

const Acknowledge = graphql(`
  mutation AcknowledgeSignIn($id: ID!) {
    acknowledgeSignIn(signInId: $id) {
      __typename
      ... on SignInReviewed { signIn { id review reviewedAt } }
      ... on Error { message }
    }
  }
`);

const Report = graphql(`
  mutation ReportSignIn($id: ID!, $everywhere: Boolean) {
    reportSignIn(signInId: $id, everywhere: $everywhere) {
      __typename
      ... on SignInReviewed { endedSessions signIn { id review reviewedAt } }
      ... on Error { message }
    }
  }
`);

export interface SignInEntry {
  id: string;
  at: string;
  outcome: string;
  city?: string | null;
  country?: string | null;
  device?: string | null;
  unrecognised: boolean;
  review?: 'ACKNOWLEDGED' | 'REPORTED' | null;
}

const REVIEW = { ACKNOWLEDGED: 'Reconnue par vous', REPORTED: 'Signalée' } as const;
const place = (p: { city?: string | null; country?: string | null }) =>
  [p.city, p.country].filter(Boolean).join(', ') || 'lieu inconnu';

/** `changed`: a review moved the account's state (the page reloads it: sessions, score). */
export function SignInHistory({ events, changed }: { events: readonly SignInEntry[]; changed: () => void }) {
  const [, acknowledge] = useMutation(Acknowledge);
  const [, report] = useMutation(Report);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function itWasMe(id: string) {
    setBusy(true);
    setNotice(null);
    const result = await acknowledge({ id });
    setBusy(false);
    const outcome = result.data?.acknowledgeSignIn;
    if (outcome?.__typename === 'SignInReviewed') {
      setNotice({ ok: true, text: 'C’est noté\u00a0: cette connexion est reconnue.' });
      changed();
    } else setNotice({ ok: false, text: outcome?.message ?? refusalOf(result.error) ?? UNAVAILABLE });
  }

  async function itWasNotMe(id: string, everywhere: boolean) {
    setBusy(true);
    setNotice(null);
    const result = await report({ id, everywhere });
    setBusy(false);
    setConfirming(null);
    const outcome = result.data?.reportSignIn;
    if (outcome?.__typename !== 'SignInReviewed') {
      setNotice({ ok: false, text: outcome?.message ?? refusalOf(result.error) ?? UNAVAILABLE });
      return;
    }
    // Every session ended, this one too: the page goes back to the sign-in.
    if (everywhere) {
      await signOut(false);
      return;
    }
    setNotice({
      ok: true,
      text: 'La connexion est signalée\u00a0: cet appareil est déconnecté et votre mot de passe est bloqué. Choisissez-en un nouveau dès maintenant avec « Changer mon mot de passe ».',
    });
    changed();
  }

  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Dernières connexions</h2>
      <ul className="guarantees" aria-label="Dernières connexions">
        {events.map((event) => {
          const device = event.device ?? 'appareil inconnu';
          const when = dateTime(event.at);
          const open = event.outcome === 'SUCCESS' && !event.review;
          return (
            <li key={event.id}>
              <strong>{SIGN_IN_OUTCOME[event.outcome] ?? event.outcome}</strong>{' '}
              {event.unrecognised && <span className="badge">Nouvel appareil</span>}{' '}
              {event.review && <span className="badge">{REVIEW[event.review]}</span>}
              <p className="muted note">
                {when} · {device} · {place(event)}
              </p>
              {open && confirming !== event.id && (
                <p className="actions">
                  {event.unrecognised && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy}
                      onClick={() => void itWasMe(event.id)}
                      aria-label={`C’est moi (${device}, le ${when})`}
                    >
                      C’est moi
                    </button>
                  )}
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => setConfirming(event.id)}
                    aria-label={`Ce n’était pas moi (${device}, le ${when})`}
                  >
                    Ce n’était pas moi
                  </button>
                </p>
              )}
              {confirming === event.id && (
                <fieldset className="notice">
                  <legend>Signaler cette connexion</legend>
                  <p>
                    Nous déconnectons l’appareil et bloquons votre mot de passe jusqu’à ce que vous en choisissiez un
                    nouveau.
                  </p>
                  <p className="actions">
                    <button
                      type="button"
                      className="primary"
                      disabled={busy}
                      onClick={() => void itWasNotMe(event.id, false)}
                    >
                      Déconnecter cet appareil
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy}
                      onClick={() => void itWasNotMe(event.id, true)}
                    >
                      Déconnecter tous mes appareils
                    </button>
                    <button type="button" className="link" onClick={() => setConfirming(null)}>
                      Annuler
                    </button>
                  </p>
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
      <div aria-live="polite">{notice && <p className={notice.ok ? 'ok' : 'error'}>{notice.text}</p>}</div>
    </section>
  );
}

const UNAVAILABLE = 'Le service est momentanément indisponible. Réessayez dans un instant.';
