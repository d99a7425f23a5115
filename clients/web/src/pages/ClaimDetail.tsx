// One claim and its timeline. The status and the steps change live: the claim events subscription updates the
// same cache entry this page reads, so an adjuster's move appears without a reload.
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { date, dateTime, money } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { CLAIM_DONE, CLAIM_STATUS, CLAIM_TYPE } from '../labels.ts';

const ClaimQuery = graphql(`
  query ClaimPage {
    me {
      id
      claims {
        id
        reference
        type
        status
        occurredOn
        declaredAt
        description
        deadline
        lateByWorkingDays
        indemnity { amountCents currency }
        policy { id number }
        history { from to at note }
        attachments { id filename contentType sizeBytes }
      }
    }
  }
`);

const kilobytes = (bytes: number) => `${new Intl.NumberFormat('fr-FR').format(Math.ceil(bytes / 1024))}\u00a0Ko`;

export function ClaimDetail() {
  const { claimId } = useParams();
  const [{ data, error }] = useQuery({ query: ClaimQuery });
  const claim = data?.me?.claims.find((c) => c.id === claimId);
  if (data && !claim)
    return (
      <>
        <h1 tabIndex={-1}>Sinistre introuvable</h1>
        <p>
          <Link to="/sinistres">Voir mes sinistres</Link>
        </p>
      </>
    );
  if (!claim)
    return (
      <>
        <h1 tabIndex={-1}>Sinistre</h1>
        {error ? (
          <p className="error" role="alert">
            Ce sinistre n’a pas pu être chargé. Réessayez dans un instant.
          </p>
        ) : (
          <p role="status">Chargement…</p>
        )}
      </>
    );
  return (
    <>
      <p>
        <Link to="/sinistres">← Mes sinistres</Link>
      </p>
      <h1 tabIndex={-1}>
        {CLAIM_TYPE[claim.type] ?? claim.type} · {claim.reference}
      </h1>
      <section className="card" aria-labelledby="claim-status">
        <h2 id="claim-status">
          Statut :{' '}
          <output className="badge" data-testid="claim-status">
            {CLAIM_STATUS[claim.status] ?? claim.status}
          </output>
        </h2>
        <p className="muted">
          Survenu le {date(claim.occurredOn)}, déclaré le {date(claim.declaredAt)} sur le contrat {claim.policy.number}.
          {claim.lateByWorkingDays > 0 &&
            ` Déclaré ${claim.lateByWorkingDays}\u00a0jour${claim.lateByWorkingDays > 1 ? 's' : ''} ouvré${claim.lateByWorkingDays > 1 ? 's' : ''} après le délai.`}
        </p>
        {claim.indemnity && (
          <p>
            Indemnité : <strong>{money(claim.indemnity)}</strong>
          </p>
        )}
        {!CLAIM_DONE.has(claim.status) && (
          <p className="muted">Cette page se met à jour toute seule à chaque étape du traitement.</p>
        )}
      </section>
      <section className="card" aria-labelledby="claim-timeline">
        <h2 id="claim-timeline">Suivi</h2>
        <ol className="timeline" aria-live="polite">
          {claim.history.map((step) => (
            <li key={`${step.to}-${step.at}`}>
              <strong>{CLAIM_STATUS[step.to] ?? step.to}</strong>
              <span className="muted"> · {dateTime(step.at)}</span>
              {step.note && <p className="note">{step.note}</p>}
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="claim-description">
        <h2 id="claim-description">Votre déclaration</h2>
        <p className="prewrap">{claim.description}</p>
        {claim.attachments.length > 0 && (
          <>
            <h3>Pièces jointes</h3>
            <ul>
              {claim.attachments.map((file) => (
                <li key={file.id}>
                  {file.filename} <span className="muted">({kilobytes(file.sizeBytes)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
