// The dashboard, in one query: next due date and amount, premium, guarantees, claims in progress. Each answer is kept
// for the customer to read again without a network (offline/store.ts), where the view shows it without its actions.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { date, money } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { CLAIM_DONE, CLAIM_STATUS, CLAIM_TYPE, POLICY_STATUS } from '../labels.ts';
import { type DashboardData, saveDashboard } from '../offline/store.ts';

const DashboardQuery = graphql(`
  query Dashboard {
    me {
      id
      firstName
      policies {
        id
        number
        status
        annualPremium { amountCents currency }
        nextDueDate
        nextPaymentAmount { amountCents currency }
        dwelling { addressLine postalCode city }
        guarantees { id label ceiling { amountCents currency } }
      }
      claims { id reference type status declaredAt }
    }
  }
`);

export function Dashboard() {
  const [{ data, fetching, error, stale }] = useQuery({ query: DashboardQuery });
  const me = data?.me;
  useEffect(() => {
    if (me && !stale) void saveDashboard(me);
  }, [me, stale]);
  return (
    <>
      <h1 tabIndex={-1}>{me ? `Bonjour ${me.firstName}` : 'Accueil'}</h1>
      {fetching && !data && <p role="status">Chargement…</p>}
      {error && !data && (
        <p className="error" role="alert">
          Votre espace n’a pas pu être chargé. Réessayez dans un instant.
        </p>
      )}
      {me && <DashboardView me={me} />}
    </>
  );
}

/** The contracts and claims in progress; `offline` leaves out what needs the network (links, declaring a claim). */
export function DashboardView({ me, offline = false }: { me: DashboardData; offline?: boolean }) {
  const open = me.claims.filter((c) => !CLAIM_DONE.has(c.status));
  return (
    <>
      {me.policies.map((policy) => (
        <section key={policy.id} className="card" aria-labelledby={`policy-${policy.id}`}>
          <h2 id={`policy-${policy.id}`}>
            Contrat {policy.number} <span className="badge">{POLICY_STATUS[policy.status] ?? policy.status}</span>
          </h2>
          {policy.dwelling && (
            <p className="muted">
              {policy.dwelling.addressLine}, {policy.dwelling.postalCode} {policy.dwelling.city}
            </p>
          )}
          <dl className="figures">
            <div>
              <dt>Prochaine échéance</dt>
              <dd>
                {policy.nextDueDate ? (
                  <>
                    {money(policy.nextPaymentAmount)} le {date(policy.nextDueDate)}
                  </>
                ) : (
                  'Aucune échéance à venir'
                )}
              </dd>
            </div>
            <div>
              <dt>Cotisation annuelle</dt>
              <dd>{money(policy.annualPremium)}</dd>
            </div>
          </dl>
          <h3>Vos garanties</h3>
          <ul className="guarantees">
            {policy.guarantees.map((g) => (
              <li key={g.id}>
                <span>{g.label}</span> <span className="muted">jusqu’à {money(g.ceiling)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="card" aria-labelledby="claims-heading">
        <h2 id="claims-heading">Sinistres en cours</h2>
        {open.length === 0 ? (
          <p>Aucun sinistre en cours.</p>
        ) : (
          <ul className="claims">
            {open.map((claim) => (
              <li key={claim.id}>
                {offline ? (
                  <span>
                    <strong>{CLAIM_TYPE[claim.type] ?? claim.type}</strong> · {claim.reference}
                  </span>
                ) : (
                  <Link to={`/sinistres/${claim.id}`}>
                    <strong>{CLAIM_TYPE[claim.type] ?? claim.type}</strong> · {claim.reference}
                  </Link>
                )}{' '}
                <span className="badge">{CLAIM_STATUS[claim.status] ?? claim.status}</span>
                <span className="muted"> déclaré le {date(claim.declaredAt)}</span>
              </li>
            ))}
          </ul>
        )}
        {!offline && (
          <p className="actions">
            <Link className="button primary" to="/sinistres/declarer">
              Déclarer un sinistre
            </Link>{' '}
            <Link to="/sinistres">Tous mes sinistres</Link>
          </p>
        )}
      </section>
    </>
  );
}
