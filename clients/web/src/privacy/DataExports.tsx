// « Une copie de vos données » (portability): asked for here, gathered in the background from every part of Abri,
// its progress followed live (DataExportUpdate on customerEvents, from the cursor read with the list), then
// downloaded as a ZIP through a link signed for a minute, for 7 days.
import { type MouseEvent, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { download, fileSize } from '../documents/download.ts';
import { dateTime, percent } from '../format.ts';
import type { DataExportsQuery as DataExportsResult } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { refusalOf } from '../refusal.ts';

const DataExportsQuery = graphql(`
  query DataExports {
    me {
      id
      eventsCursor
      dataExports { id status progress requestedAt readyAt expiresAt sizeBytes downloadPath }
    }
  }
`);

const RequestDataExport = graphql(`
  mutation RequestDataExport {
    requestDataExport {
      __typename
      ... on DataExportRequested { export { id status progress requestedAt readyAt expiresAt sizeBytes downloadPath } }
      ... on DataExportTooSoon { message retryAt }
    }
  }
`);

const DataExportEvents = graphql(`
  subscription DataExportEvents($after: String) {
    customerEvents(after: $after) {
      cursor
      ... on DataExportUpdate { exportId status progress }
    }
  }
`);

type Export = NonNullable<DataExportsResult['me']>['dataExports'][number];
type Live = Record<string, { status: string; progress: number }>;

/** Follows the exports' progress from `after`; when one moves, the list is read again (its link, size, dates). */
function useExportProgress(after: string | null, changed: () => void): Live {
  const [{ data }] = useSubscription(
    { query: DataExportEvents, variables: { after }, pause: after === null },
    (live: Live = {}, event): Live => {
      const update = event.customerEvents;
      if (!('exportId' in update)) return live;
      if (live[update.exportId]?.status !== update.status) queueMicrotask(changed);
      return { ...live, [update.exportId]: { status: update.status, progress: update.progress } };
    },
  );
  return data ?? {};
}

const STATUS: Record<string, string> = {
  PENDING: 'Demandée, en attente',
  GATHERING: 'En préparation',
  READY: 'Prête',
  EXPIRED: 'Supprimée',
};

export function DataExports() {
  const [{ data, error }, refetch] = useQuery({ query: DataExportsQuery });
  const [asking, ask] = useMutation(RequestDataExport);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  // The cursor read with the first answer: events after it are followed, none missed in between.
  const cursor = useRef<string | null>(null);
  if (cursor.current === null && data?.me) cursor.current = data.me.eventsCursor;
  const live = useExportProgress(cursor.current, () => refetch({ requestPolicy: 'network-only' }));
  // The copy just asked for shows at once, before the list is read again.
  const [asked, setAsked] = useState<Export | null>(null);
  const listed = data?.me?.dataExports ?? [];
  const exports = asked && !listed.some((e) => e.id === asked.id) ? [asked, ...listed] : listed;

  async function request() {
    setSaid(null);
    const result = await ask({});
    const outcome = result.data?.requestDataExport;
    if (outcome?.__typename === 'DataExportRequested') {
      setAsked(outcome.export);
      setSaid({ ok: true, text: 'Votre demande est enregistrée\u00a0: nous préparons la copie de vos données.' });
      refetch({ requestPolicy: 'network-only' });
    } else if (outcome?.__typename === 'DataExportTooSoon')
      setSaid({ ok: false, text: `${outcome.message} Prochaine demande possible le ${dateTime(outcome.retryAt)}.` });
    else
      setSaid({
        ok: false,
        text: refusalOf(result.error) ?? 'Votre demande n’a pas pu être enregistrée. Réessayez dans un instant.',
      });
  }

  async function open(event: MouseEvent<HTMLAnchorElement>, path: string) {
    event.preventDefault();
    setSaid(null);
    if (!(await download(path)))
      setSaid({ ok: false, text: 'Le téléchargement n’a pas pu commencer. Réessayez dans un instant.' });
  }

  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">Une copie de vos données</h2>
      <p>
        Nous rassemblons tout ce que nous conservons à votre sujet (compte, contrats, sinistres, paiements et les
        documents émis) dans une archive ZIP, avec des fichiers JSON et CSV lisibles par d’autres services. Elle reste
        téléchargeable 7&nbsp;jours&nbsp;; vous êtes prévenu par e-mail quand elle est prête.
      </p>
      {error && !data && (
        <p className="error" role="alert">
          Vos demandes de copie n’ont pas pu être chargées. Réessayez dans un instant.
        </p>
      )}
      <p className="actions">
        <button type="button" className="secondary" disabled={asking.fetching} onClick={() => void request()}>
          Demander une copie de mes données
        </button>
      </p>
      <div aria-live="polite">{said && <p className={said.ok ? 'ok' : 'error'}>{said.text}</p>}</div>
      {exports.length > 0 && (
        <ul className="guarantees" aria-label="Copies demandées">
          {exports.map((copy) => {
            const now = live[copy.id] && copy.status !== 'READY' && copy.status !== 'EXPIRED' ? live[copy.id]! : copy;
            const busy = now.status === 'PENDING' || now.status === 'GATHERING';
            return (
              <li key={copy.id}>
                <strong>Copie demandée le {dateTime(copy.requestedAt)}</strong>{' '}
                <span className="badge">{STATUS[now.status] ?? now.status}</span>
                {busy && (
                  <div className="field">
                    <label htmlFor={`export-${copy.id}`}>Préparation&nbsp;: {percent(now.progress)}</label>
                    <progress id={`export-${copy.id}`} max={100} value={now.progress}>
                      {percent(now.progress)}
                    </progress>
                  </div>
                )}
                {copy.status === 'READY' && copy.downloadPath && (
                  <>
                    <p className="muted note">
                      Prête le {copy.readyAt ? dateTime(copy.readyAt) : '—'}, téléchargeable jusqu’au{' '}
                      {copy.expiresAt ? dateTime(copy.expiresAt) : '—'}.
                    </p>
                    <p>
                      <a
                        className="button secondary"
                        href={copy.downloadPath}
                        onClick={(event) => void open(event, copy.downloadPath!)}
                      >
                        Télécharger l’archive ZIP{copy.sizeBytes ? ` (${fileSize(copy.sizeBytes)})` : ''}
                      </a>
                    </p>
                  </>
                )}
                {copy.status === 'EXPIRED' && (
                  <p className="muted note">Ses 7&nbsp;jours sont passés&nbsp;: l’archive est supprimée.</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
