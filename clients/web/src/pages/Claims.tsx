// The customer's claims, newest first, each opening its timeline; the way in to declare a new one.

import { Link } from 'react-router';
import { useQuery } from 'urql';
import { date } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { CLAIM_STATUS, CLAIM_TYPE } from '../labels.ts';

const ClaimsQuery = graphql(`
  query Claims {
    me {
      id
      claims { id reference type status declaredAt policy { id number } }
    }
  }
`);

export function Claims() {
  const [{ data, error }] = useQuery({ query: ClaimsQuery });
  const claims = [...(data?.me?.claims ?? [])].sort((a, b) => b.declaredAt.localeCompare(a.declaredAt));
  return (
    <>
      <h1 tabIndex={-1}>Mes sinistres</h1>
      <p>
        <Link className="button primary" to="/sinistres/declarer">
          Déclarer un sinistre
        </Link>
      </p>
      {error && !data && (
        <p className="error" role="alert">
          Vos sinistres n’ont pas pu être chargés. Réessayez dans un instant.
        </p>
      )}
      {data && claims.length === 0 && <p>Vous n’avez déclaré aucun sinistre.</p>}
      <ul className="cards">
        {claims.map((claim) => (
          <li key={claim.id} className="card">
            <h2>
              <Link to={`/sinistres/${claim.id}`}>
                {CLAIM_TYPE[claim.type] ?? claim.type} · {claim.reference}
              </Link>
            </h2>
            <p>
              <span className="badge">{CLAIM_STATUS[claim.status] ?? claim.status}</span>{' '}
              <span className="muted">
                déclaré le {date(claim.declaredAt)}, contrat {claim.policy.number}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
