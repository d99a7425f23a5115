// « Mes documents »: every document of the customer's contracts, newest first, each downloaded from a plain link
// (signed for a minute by the gateway); a fresh attestation issued on request, with the way a landlord checks it.
import { type MouseEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { download, fileSize } from '../documents/download.ts';
import { date } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { DOCUMENT_KIND } from '../labels.ts';
import { type AttestationInfo, keepAttestation, offlineEpoch } from '../offline/store.ts';

const DocumentsQuery = graphql(`
  query Documents {
    me {
      id
      policies { id number status }
      documents { id kind title issuedAt sizeBytes downloadUrl policy { id number } }
      claimsStatements { id number policyId issuedAt sizeBytes downloadUrl }
    }
  }
`);

const GenerateAttestation = graphql(`
  mutation GenerateAttestation($policyId: ID!) {
    generateAttestation(policyId: $policyId) {
      __typename
      ... on DocumentGenerated { document { id title downloadUrl } }
      ... on Error { message }
    }
  }
`);

const RequestClaimsStatement = graphql(`
  mutation RequestClaimsStatement($policyId: ID!) {
    requestClaimsStatement(policyId: $policyId) {
      __typename
      ... on ClaimsStatementIssued { statement { id number policyId issuedAt sizeBytes downloadUrl } }
      ... on Error { message }
    }
  }
`);

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function Documents() {
  const [{ data, error }, refetch] = useQuery({ query: DocumentsQuery });
  const [generating, generate] = useMutation(GenerateAttestation);
  const [requesting, requestStatement] = useMutation(RequestClaimsStatement);
  const [notice, setNotice] = useState<Notice>(null);
  const [statementNotice, setStatementNotice] = useState<Notice>(null);
  const me = data?.me;
  const statements = [...(me?.claimsStatements ?? [])].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  const documents = [...(me?.documents ?? [])].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  const active = me?.policies.filter((p) => p.status === 'ACTIVE') ?? [];
  const policies = me?.policies ?? [];
  const numberOf = (policyId: string) => policies.find((p) => p.id === policyId)?.number ?? '';

  async function open(
    event: MouseEvent<HTMLAnchorElement>,
    path: string,
    attestation?: AttestationInfo,
    say: (notice: Notice) => void = setNotice,
  ) {
    event.preventDefault();
    say(null);
    // The last attestation downloaded stays readable offline, for this customer only.
    const customerId = me?.id;
    const since = offlineEpoch();
    const keep =
      attestation && customerId ? (file: Response) => keepAttestation(customerId, attestation, file, since) : undefined;
    if (!(await download(path, keep)))
      say({ kind: 'error', text: 'Le téléchargement n’a pas pu commencer. Réessayez dans un instant.' });
  }

  async function statement(policyId: string) {
    setStatementNotice(null);
    const result = await requestStatement({ policyId });
    const outcome = result.data?.requestClaimsStatement;
    if (outcome?.__typename === 'ClaimsStatementIssued') {
      setStatementNotice({
        kind: 'ok',
        text: `Votre relevé d’information n°\u00a0${outcome.statement.number} est prêt\u00a0: il figure en tête de la liste ci-dessous.`,
      });
      refetch({ requestPolicy: 'network-only' });
    } else
      setStatementNotice({
        kind: 'error',
        text:
          outcome && 'message' in outcome
            ? outcome.message
            : 'Le relevé d’information n’a pas pu être établi. Réessayez dans un instant.',
      });
  }

  async function issue(policyId: string) {
    setNotice(null);
    const result = await generate({ policyId });
    const outcome = result.data?.generateAttestation;
    if (outcome?.__typename === 'DocumentGenerated') {
      setNotice({ kind: 'ok', text: 'Votre attestation est prête : elle figure en tête de la liste.' });
      refetch({ requestPolicy: 'network-only' });
    } else
      setNotice({
        kind: 'error',
        text:
          outcome && 'message' in outcome
            ? outcome.message
            : 'L’attestation n’a pas pu être établie. Réessayez dans un instant.',
      });
  }

  return (
    <>
      <h1 tabIndex={-1}>Mes documents</h1>
      {error && !data && (
        <p className="error" role="alert">
          Vos documents n’ont pas pu être chargés. Réessayez dans un instant.
        </p>
      )}
      {!data && !error && <p role="status">Chargement…</p>}
      {active.length > 0 && (
        <section className="card" aria-labelledby="attestation-heading">
          <h2 id="attestation-heading">Attestation d’assurance habitation</h2>
          <p>
            Votre propriétaire, votre banque ou votre syndic vous la demandent : elle est établie pour la période en
            cours et porte un QR code qu’ils peuvent scanner pour la <Link to="/verifier">vérifier</Link>.
          </p>
          <p className="actions">
            {active.map((policy) => (
              <button
                key={policy.id}
                type="button"
                className="secondary"
                disabled={generating.fetching}
                onClick={() => void issue(policy.id)}
              >
                Obtenir une attestation{active.length > 1 ? ` (contrat ${policy.number})` : ''}
              </button>
            ))}
          </p>
        </section>
      )}
      {policies.length > 0 && (
        <section className="card" aria-labelledby="statement-heading">
          <h2 id="statement-heading">Relevé d’information</h2>
          <p>
            Le nouvel assureur auquel vous vous adressez vous le demande&nbsp;: il récapitule votre contrat et vos
            sinistres des cinq dernières années.
          </p>
          <p className="actions">
            {policies.map((policy) => (
              <button
                key={policy.id}
                type="button"
                className="secondary"
                disabled={requesting.fetching}
                onClick={() => void statement(policy.id)}
              >
                Obtenir un relevé d’information{policies.length > 1 ? ` (contrat ${policy.number})` : ''}
              </button>
            ))}
          </p>
          <div aria-live="polite">
            {statementNotice && (
              <p className={statementNotice.kind === 'error' ? 'error' : 'ok'}>{statementNotice.text}</p>
            )}
          </div>
          {statements.length > 0 && (
            <ul className="guarantees" aria-label="Relevés d’information">
              {statements.map((s) => (
                <li key={s.id}>
                  <strong id={`statement-${s.id}`}>Relevé d’information n°&nbsp;{s.number}</strong>
                  <p className="muted note">
                    Contrat {numberOf(s.policyId)} · émis le {date(s.issuedAt)}
                  </p>
                  <p>
                    <a
                      className="button secondary"
                      href={s.downloadUrl}
                      onClick={(event) => void open(event, s.downloadUrl, undefined, setStatementNotice)}
                      aria-describedby={`statement-${s.id}`}
                    >
                      Télécharger le PDF ({fileSize(s.sizeBytes)})
                    </a>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <div aria-live="polite">
        {notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}
      </div>
      {data && documents.length === 0 && <p>Aucun document pour le moment.</p>}
      {documents.length > 0 && (
        <ul className="cards documents" aria-label="Documents">
          {documents.map((doc) => (
            <li key={doc.id} className="card">
              <h2 id={`document-${doc.id}`}>{doc.title}</h2>
              <p className="muted">
                {DOCUMENT_KIND[doc.kind] ?? doc.kind} · contrat {doc.policy.number} · émis le {date(doc.issuedAt)}
              </p>
              <p>
                <a
                  className="button secondary"
                  href={doc.downloadUrl}
                  onClick={(event) =>
                    void open(
                      event,
                      doc.downloadUrl,
                      doc.kind === 'ATTESTATION'
                        ? {
                            documentId: doc.id,
                            path: doc.downloadUrl,
                            title: doc.title,
                            policyNumber: doc.policy.number,
                            issuedAt: doc.issuedAt,
                          }
                        : undefined,
                    )
                  }
                  aria-describedby={`document-${doc.id}`}
                >
                  Télécharger le PDF ({fileSize(doc.sizeBytes)})
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
