// « Mon contrat »: the home insured, the premium and how it is made up, every guarantee with its ceiling, deductible
// and exclusions, the cover change priced live, and the contract's versions (one per avenant).
import { useQuery } from 'urql';
import { ChangeCover } from '../contract/ChangeCover.tsx';
import { LenderCertificate } from '../contract/LenderCertificate.tsx';
import { date, money } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { DWELLING_TYPE, OCCUPANCY, PAYMENT_FREQUENCY, POLICY_OPTION, POLICY_STATUS, RESIDENCE } from '../labels.ts';

const ContractQuery = graphql(`
  query Contract {
    me {
      id
      policies {
        id
        number
        status
        startDate
        renewalDate
        version
        paymentFrequency
        options
        annualPremium { amountCents currency }
        deductible { amountCents currency }
        valuables { amountCents currency }
        contentsCapital { amountCents currency }
        dwelling { addressLine postalCode city type surfaceM2 rooms occupancy residence }
        guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }
        premiumLines { code label amount { amountCents currency } }
        versions { version effectiveFrom reason annualPremium { amountCents currency } }
      }
    }
  }
`);

export function Contract() {
  const [{ data, error }] = useQuery({ query: ContractQuery });
  const policies = data?.me?.policies ?? [];
  return (
    <>
      <h1 tabIndex={-1}>Mon contrat</h1>
      {error && !data && (
        <p className="error" role="alert">
          Votre contrat n’a pas pu être chargé. Réessayez dans un instant.
        </p>
      )}
      {!data && !error && <p role="status">Chargement…</p>}
      {policies.map((policy) => (
        <article key={policy.id} aria-labelledby={`contract-${policy.id}`}>
          <section className="card" aria-labelledby={`contract-${policy.id}`}>
            <h2 id={`contract-${policy.id}`}>
              Contrat {policy.number} <span className="badge">{POLICY_STATUS[policy.status] ?? policy.status}</span>
            </h2>
            {policy.dwelling && (
              <p>
                {DWELLING_TYPE[policy.dwelling.type]} de {policy.dwelling.surfaceM2}&nbsp;m², {policy.dwelling.rooms}
                &nbsp;pièce{policy.dwelling.rooms > 1 ? 's' : ''}, {RESIDENCE[policy.dwelling.residence]} (
                {OCCUPANCY[policy.dwelling.occupancy]}) : {policy.dwelling.addressLine}, {policy.dwelling.postalCode}{' '}
                {policy.dwelling.city}
              </p>
            )}
            <dl className="figures">
              <div>
                <dt>Cotisation annuelle</dt>
                <dd data-testid="contract-premium">{money(policy.annualPremium)}</dd>
              </div>
              <div>
                <dt>Franchise générale</dt>
                <dd>{money(policy.deductible)}</dd>
              </div>
              <div>
                <dt>Capital mobilier assuré</dt>
                <dd data-testid="contract-contents">{money(policy.contentsCapital)}</dd>
              </div>
            </dl>
            <p className="muted">
              Depuis le {date(policy.startDate)}, prochain renouvellement le {date(policy.renewalDate)} ; paiement{' '}
              {PAYMENT_FREQUENCY[policy.paymentFrequency]}.
              {policy.options.length > 0 &&
                ` Options : ${policy.options.map((o) => POLICY_OPTION[o] ?? o).join(', ')}.`}
            </p>
            <details>
              <summary>Détail de la cotisation</summary>
              <ul className="lines">
                {policy.premiumLines.map((line) => (
                  <li key={line.code}>
                    <span>{line.label}</span> <span>{money(line.amount)}</span>
                  </li>
                ))}
              </ul>
            </details>
          </section>
          <section className="card" aria-labelledby={`guarantees-${policy.id}`}>
            <h2 id={`guarantees-${policy.id}`}>Vos garanties</h2>
            <ul className="guarantees">
              {policy.guarantees.map((g) => (
                <li key={g.id}>
                  <h3>
                    {g.label}
                    {g.mandatory && (
                      <>
                        {' '}
                        <span className="badge">Obligatoire</span>
                      </>
                    )}
                  </h3>
                  <p className="muted">{g.description}</p>
                  <p>
                    Plafond : <strong>{money(g.ceiling)}</strong> · Franchise :{' '}
                    <strong>{g.deductible.amountCents ? money(g.deductible) : 'aucune'}</strong>
                  </p>
                  {g.exclusions.length > 0 && (
                    <details>
                      <summary>Ce qui n’est pas couvert</summary>
                      <ul>
                        {g.exclusions.map((x) => (
                          <li key={x}>{x}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </section>
          {policy.status === 'ACTIVE' && <ChangeCover policy={policy} />}
          {policy.status === 'ACTIVE' && policy.dwelling?.occupancy === 'OWNER' && (
            <LenderCertificate policyId={policy.id} />
          )}
          <section className="card" aria-labelledby={`versions-${policy.id}`}>
            <h2 id={`versions-${policy.id}`}>Historique du contrat</h2>
            <ol className="guarantees">
              {policy.versions.map((v) => (
                <li key={v.version}>
                  <strong>Version {v.version}</strong> du {date(v.effectiveFrom)} · {money(v.annualPremium)} par an
                  <p className="muted note">{v.reason}</p>
                </li>
              ))}
            </ol>
          </section>
        </article>
      ))}
    </>
  );
}
