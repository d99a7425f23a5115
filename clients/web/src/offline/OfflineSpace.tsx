// The customer space without a network (issue 14.3): the last dashboard and the last attestation downloaded on this
// browser, under a banner that says how old they are. Part of the first bundle, as lazy screens may not be cached.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { renew } from '../auth/session.ts';
import { date, dateTime } from '../format.ts';
import { DashboardView } from '../pages/Dashboard.tsx';
import { type AttestationInfo, type DashboardSnapshot, dashboardReceivedAt, keptAttestation } from './store.ts';

/** Offers a PDF kept on this browser as a file, as the download did online. */
function openPdf(pdf: Blob, name: string) {
  const url = URL.createObjectURL(pdf);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function KeptAttestation({ customerId }: { customerId: string }) {
  const [kept, setKept] = useState<{ info: AttestationInfo; pdf: Blob } | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void keptAttestation(customerId).then((found) => {
      if (live) setKept(found);
    });
    return () => {
      live = false;
    };
  }, [customerId]);
  if (kept === undefined) return null;
  return (
    <section className="card" aria-labelledby="offline-attestation-heading">
      <h2 id="offline-attestation-heading">Mon attestation d’assurance</h2>
      {kept ? (
        <>
          <p>
            {kept.info.title} · contrat {kept.info.policyNumber} · émise le {date(kept.info.issuedAt)}
          </p>
          <p className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => openPdf(kept.pdf, `attestation-${kept.info.policyNumber}.pdf`)}
            >
              Ouvrir l’attestation (PDF)
            </button>
          </p>
        </>
      ) : (
        <p>
          Aucune attestation n’est enregistrée sur cet appareil : une fois connecté, téléchargez-la depuis « Documents »
          pour l’avoir aussi hors connexion.
        </p>
      )}
    </section>
  );
}

export function OfflineSpace({ snapshot }: { snapshot: DashboardSnapshot }) {
  return (
    <>
      <header className="top">
        <span className="brand" aria-hidden="true">
          Abri
        </span>
      </header>
      <main id="contenu">
        <p className="offline-banner" role="status">
          Hors connexion — données du {dateTime(snapshot.savedAt)}
        </p>
        <h1 tabIndex={-1}>Bonjour {snapshot.me.firstName}</h1>
        <DashboardView me={snapshot.me} offline />
        <KeptAttestation customerId={snapshot.customerId} />
        <p className="muted">Le reste de votre espace revient dès que la connexion est rétablie.</p>
        <p className="actions">
          <button type="button" className="secondary" onClick={() => void renew()}>
            Réessayer la connexion
          </button>
        </p>
      </main>
    </>
  );
}

const onLine = {
  subscribe(listener: () => void) {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
    };
  },
  get: () => navigator.onLine,
};

/** Over a signed-in session when the network goes: what is on screen is as of the last answer. */
export function OfflineNotice() {
  const online = useSyncExternalStore(onLine.subscribe, onLine.get);
  if (online) return null;
  const at = dashboardReceivedAt();
  return (
    <p className="offline-banner" role="status">
      Hors connexion{at ? ` — données du ${dateTime(at.toISOString())}` : ''}
    </p>
  );
}
