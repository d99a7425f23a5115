// « Vérifier une attestation »: the public page the attestation's QR code opens (/verifier?t=…), for a landlord, a
// bank or a syndic, with no account. It says in one line whether the attestation can be relied on today, then what
// Abri signed (contract, insured, address, period), so the reader compares it with the paper. Without a code in the
// address, the code printed under the QR code can be typed in.
import { type FormEvent, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Provider, useQuery } from 'urql';
import { createPublicClient } from '../client.ts';
import { date } from '../format.ts';
import type { AttestationStatus } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';

const VerifyQuery = graphql(`
  query VerifyAttestation($token: String!) {
    verifyAttestation(token: $token) {
      status
      authentic
      validToday
      contractNumber
      holder
      address
      periodStart
      periodEnd
      issuedAt
      documentSignedBy
    }
  }
`);

/** The verdict in the reader's words: a title, what it means for them, and how it looks. */
const VERDICT: Record<AttestationStatus, { title: string; meaning: string; tone: 'ok' | 'warn' | 'bad' }> = {
  VALID: {
    title: 'Attestation valide',
    meaning: 'Cette attestation a bien été émise par Abri et le contrat couvre ce logement aujourd’hui.',
    tone: 'ok',
  },
  EXPIRED: {
    title: 'Attestation expirée',
    meaning:
      'Cette attestation a bien été émise par Abri, mais sa période de validité est terminée. Demandez une attestation à jour à l’assuré.',
    tone: 'warn',
  },
  NOT_YET_VALID: {
    title: 'Attestation pas encore valide',
    meaning: 'Cette attestation a bien été émise par Abri, pour une période qui n’a pas encore commencé.',
    tone: 'warn',
  },
  CONTRACT_ENDED: {
    title: 'Contrat résilié',
    meaning:
      'Cette attestation a bien été émise par Abri, mais le contrat a pris fin : le logement n’est plus assuré par ce contrat.',
    tone: 'bad',
  },
  COVER_SUSPENDED: {
    title: 'Garanties suspendues',
    meaning:
      'Cette attestation a bien été émise par Abri, mais les garanties du contrat sont suspendues aujourd’hui (cotisation impayée).',
    tone: 'bad',
  },
  SUPERSEDED: {
    title: 'Attestation remplacée',
    meaning:
      'Cette attestation a bien été émise par Abri, mais l’assuré a déménagé : une attestation pour sa nouvelle adresse la remplace. Demandez-la à l’assuré.',
    tone: 'warn',
  },
  TAMPERED: {
    title: 'Attestation falsifiée ou modifiée',
    meaning: 'Ce code n’a pas été émis par Abri, ou le document a été modifié : ne vous fiez pas à cette attestation.',
    tone: 'bad',
  },
};

function Verdict({ token }: { token: string }) {
  const [{ data, error, fetching }] = useQuery({ query: VerifyQuery, variables: { token } });
  const check = data?.verifyAttestation;
  if (fetching && !check) return <p role="status">Vérification en cours…</p>;
  if (!check)
    return (
      <p className="error" role="alert">
        {error ? 'La vérification n’a pas pu être faite pour le moment. Réessayez dans un instant.' : 'Aucun résultat.'}
      </p>
    );
  const verdict = VERDICT[check.status];
  return (
    <section className={`card verdict verdict-${verdict.tone}`} aria-labelledby="verdict" role="status">
      <h2 id="verdict">{verdict.title}</h2>
      <p>{verdict.meaning}</p>
      {check.authentic && (
        <>
          <h3>Ce qu’Abri a attesté</h3>
          <dl className="facts">
            <div>
              <dt>Contrat</dt>
              <dd>n°&nbsp;{check.contractNumber}</dd>
            </div>
            <div>
              <dt>Assuré</dt>
              <dd>{check.holder}</dd>
            </div>
            <div>
              <dt>Logement assuré</dt>
              <dd>{check.address}</dd>
            </div>
            <div>
              <dt>Période couverte</dt>
              <dd>
                du {date(check.periodStart)} au {date(check.periodEnd)}
              </dd>
            </div>
            <div>
              <dt>Attestation émise le</dt>
              <dd>{date(check.issuedAt)}</dd>
            </div>
            <div>
              <dt>Signature électronique du PDF</dt>
              <dd>{check.documentSignedBy}</dd>
            </div>
          </dl>
          <p className="muted">
            Vérifiez que ces informations sont celles imprimées sur l’attestation qu’on vous a remise. Le fichier PDF
            est signé électroniquement par l’assureur : votre lecteur de PDF doit indiquer ce signataire et un document
            non modifié depuis sa signature.
          </p>
        </>
      )}
    </section>
  );
}

export function Verify() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = (params.get('t') ?? '').trim();
  // Anyone may check: an anonymous client, with nothing cached from a signed-in session.
  const client = useMemo(() => createPublicClient(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    // A pasted check address works as well as the bare code.
    let code = typed;
    if (/^https?:\/\//i.test(typed)) {
      try {
        code = new URL(typed).searchParams.get('t') ?? '';
      } catch {
        code = '';
      }
    }
    if (code) navigate(`/verifier?t=${encodeURIComponent(code)}`);
  }

  return (
    <Provider value={client}>
      <main id="contenu" className="narrow">
        <p className="brand big" aria-hidden="true">
          Abri
        </p>
        <h1 tabIndex={-1}>Vérifier une attestation d’assurance</h1>
        {token ? (
          <>
            <Verdict token={token} />
            <p>
              <Link to="/verifier">Vérifier une autre attestation</Link>
            </p>
          </>
        ) : (
          <form className="card stack" onSubmit={submit}>
            <p>
              Scannez le QR code imprimé sur l’attestation avec l’appareil photo de votre téléphone : cette page s’ouvre
              avec le résultat. Vous pouvez aussi coller ci-dessous le code de vérification ou l’adresse du QR code.
            </p>
            <div className="field">
              <label htmlFor="code">Code de vérification</label>
              <textarea id="code" name="code" rows={3} spellCheck={false} autoCapitalize="none" required />
            </div>
            <button type="submit" className="primary">
              Vérifier
            </button>
          </form>
        )}
        <p className="muted">
          Abri vérifie la signature de l’attestation et l’état du contrat au jour de la consultation. Aucune connexion
          n’est nécessaire.
        </p>
      </main>
    </Provider>
  );
}
