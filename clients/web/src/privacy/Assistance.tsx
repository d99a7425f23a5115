// « Assistance à distance »: the customer lets a support agent see their space, read-only, for a few minutes (the
// agent opens it with the contract number the customer reads out), and may take it back at any moment. While it
// runs, what was consulted since it was given is listed and read again every few seconds.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { dateTime } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { refusalOf } from '../refusal.ts';
import { AccessLine } from './StaffAccessLog.tsx';

const AssistanceQuery = graphql(`
  query Assistance {
    me {
      id
      supportAccess { grantedAt expiresAt device }
      staffAccess(first: 50) { at staffName role kind what area reason }
    }
  }
`);

const GrantSupportAccess = graphql(`
  mutation GrantSupportAccess($minutes: Int!) {
    grantSupportAccess(minutes: $minutes) {
      __typename
      ... on SupportAccessGranted { grant { grantedAt expiresAt device } }
      ... on Error { message }
    }
  }
`);

const RevokeSupportAccess = graphql(`
  mutation RevokeSupportAccess {
    revokeSupportAccess {
      __typename
      ... on Error { message }
    }
  }
`);

const DURATIONS = [15, 30, 60] as const;
/** How often the list of what support consulted is read again while a grant runs. */
const REFRESH_MS = 10_000;

export function Assistance() {
  const [{ data, error }, refetch] = useQuery({ query: AssistanceQuery });
  const [granting, grant] = useMutation(GrantSupportAccess);
  const [revoking, revoke] = useMutation(RevokeSupportAccess);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const running = data?.me?.supportAccess;
  const since = running
    ? (data?.me?.staffAccess ?? []).filter((a) => new Date(a.at) >= new Date(running.grantedAt))
    : [];

  // The button pressed goes away with the state it changed: focus follows to what replaces it.
  const focusNext = useRef<'notice' | 'form' | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  const grantButton = useRef<HTMLButtonElement>(null);
  const isRunning = Boolean(running);
  useEffect(() => {
    const target = isRunning
      ? focusNext.current === 'notice' && notice.current
      : focusNext.current === 'form' && grantButton.current;
    if (!target) return;
    focusNext.current = null;
    target.focus();
  }, [isRunning]);

  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), REFRESH_MS);
    return () => clearInterval(timer);
  }, [isRunning, refetch]);

  async function give(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaid(null);
    const minutes = Number(new FormData(event.currentTarget).get('minutes') ?? 30);
    const result = await grant({ minutes });
    const outcome = result.data?.grantSupportAccess;
    if (outcome?.__typename === 'SupportAccessGranted') {
      focusNext.current = 'notice';
      setSaid({ ok: true, text: 'Accès accordé au service client.' });
    } else
      setSaid({
        ok: false,
        text:
          (outcome && 'message' in outcome ? outcome.message : null) ??
          refusalOf(result.error) ??
          'L’accès n’a pas pu être accordé. Réessayez dans un instant.',
      });
    refetch({ requestPolicy: 'network-only' });
  }

  async function takeBack() {
    setSaid(null);
    const result = await revoke({});
    const outcome = result.data?.revokeSupportAccess;
    if (outcome?.__typename === 'SupportAccessRevoked') {
      focusNext.current = 'form';
      setSaid({ ok: true, text: 'Le service client ne voit plus votre espace.' });
    } else
      setSaid({
        ok: false,
        text:
          (outcome && 'message' in outcome ? outcome.message : null) ??
          refusalOf(result.error) ??
          'L’accès n’a pas pu être retiré. Réessayez dans un instant.',
      });
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section className="card" aria-labelledby="assistance-heading">
      <h2 id="assistance-heading">Assistance à distance</h2>
      <p>
        Un conseiller vous aide au téléphone ? Autorisez-le à voir votre espace, en lecture seule et pour la durée
        choisie&nbsp;: il l’ouvre avec votre numéro de contrat. Sans votre accord, le service client ne voit rien de
        votre dossier.
      </p>
      {error && !data && (
        <p className="error" role="alert">
          L’état de l’assistance n’a pas pu être chargé. Réessayez dans un instant.
        </p>
      )}
      {data?.me && !running && (
        <form className="stack" aria-label="Autoriser le service client" onSubmit={(e) => void give(e)}>
          <fieldset className="choices">
            <legend>Durée de l’accès</legend>
            <div className="inline wrap">
              {DURATIONS.map((minutes) => (
                <div className="choice" key={minutes}>
                  <input
                    type="radio"
                    id={`grant-${minutes}`}
                    name="minutes"
                    value={minutes}
                    defaultChecked={minutes === 30}
                  />
                  <label htmlFor={`grant-${minutes}`}>
                    {minutes === 60 ? '1\u00a0heure' : `${minutes}\u00a0minutes`}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="secondary" disabled={granting.fetching} ref={grantButton}>
            Autoriser le service client
          </button>
        </form>
      )}
      {running && (
        <div className="notice stack" ref={notice} tabIndex={-1}>
          <p>
            <strong>
              Le service client peut voir votre espace, en lecture seule, jusqu’au {dateTime(running.expiresAt)}.
            </strong>{' '}
            Accordé le {dateTime(running.grantedAt)}
            {running.device ? ` depuis ${running.device}` : ''}.
          </p>
          <h3 id="assistance-since">Consulté depuis votre accord</h3>
          {since.length === 0 ? (
            <p className="muted">Rien pour le moment.</p>
          ) : (
            <ul className="guarantees" aria-labelledby="assistance-since">
              {since.map((access) => (
                <AccessLine key={`${access.at}-${access.area}-${access.what}`} access={access} />
              ))}
            </ul>
          )}
          <button type="button" className="secondary" disabled={revoking.fetching} onClick={() => void takeBack()}>
            Retirer l’accès maintenant
          </button>
        </div>
      )}
      <div aria-live="polite">{said && <p className={said.ok ? 'ok' : 'error'}>{said.text}</p>}</div>
    </section>
  );
}
