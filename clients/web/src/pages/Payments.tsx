// « Mes paiements »: the instalments to come, the payments of the last ten years by year with that year's payment
// certificate (a plain link, signed by the gateway), the cards and mandates, and the monthly due day moved after a
// preview of the schedule it gives.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { download } from '../documents/download.ts';
import { date, dateTime, money } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { useLivePayments } from '../live/payments.ts';
import { PaymentMethods, RefusedDebit } from '../payments/Incidents.tsx';

const PaymentsQuery = graphql(`
  query Payments($year: Int) {
    me {
      id
      policies { id number paymentFrequency }
      paymentSchedule { id dueDate status amount { amountCents currency } policy { id number } }
      paymentHistory(first: 50, year: $year) {
        edges { cursor node { id paidAt status reference rejectionCode amount { amountCents currency } } }
      }
      paymentMethods { id kind label isDefault mandateReference cardExpiry }
      arrears {
        id dueDate rejectionCode explanation suggestions stage suspensionAt paidAt
        amount { amountCents currency }
      }
    }
  }
`);

const ChangeDueDay = graphql(`
  mutation ChangeDueDay($policyId: ID!, $day: Int!, $confirm: Boolean) {
    changeDueDay(policyId: $policyId, day: $day, confirm: $confirm) {
      __typename
      ... on DueDayChange { nextDebitDate applied dueDates }
      ... on Error { message }
    }
  }
`);

const PAYMENT_STATUS: Record<string, string> = {
  SUCCEEDED: 'Payé',
  REJECTED: 'Refusé par la banque',
  REFUNDED: 'Remboursé',
};
const SCHEDULED_STATUS: Record<string, string> = {
  PLANNED: 'Prévu',
  PAID: 'Payé',
  REJECTED: 'Refusé',
  CANCELLED: 'Annulé',
};

function DueDay({ policyId, changed }: { policyId: string; changed: () => void }) {
  const [day, setDay] = useState('');
  const [state, run] = useMutation(ChangeDueDay);
  const [preview, setPreview] = useState<{ nextDebitDate?: string | null; dueDates: string[] } | null>(null);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);

  async function ask(value: string, confirm: boolean) {
    setSaid(null);
    if (!confirm) setPreview(null);
    if (!value) return;
    const result = await run({ policyId, day: Number(value), confirm });
    const outcome = result.data?.changeDueDay;
    if (outcome?.__typename === 'DueDayChange') {
      if (!confirm) return setPreview(outcome);
      setPreview(null);
      setDay('');
      setSaid({ ok: true, text: `C’est fait\u00a0: vos prélèvements auront lieu le ${value} de chaque mois.` });
      changed();
    } else
      setSaid({ ok: false, text: outcome && 'message' in outcome ? outcome.message : 'Réessayez dans un instant.' });
  }

  return (
    <div className="stack">
      <div className="field">
        <label htmlFor="due-day">Nouveau jour de prélèvement</label>
        <select
          id="due-day"
          value={day}
          onChange={(e) => {
            setDay(e.currentTarget.value);
            void ask(e.currentTarget.value, false);
          }}
        >
          <option value="">Choisir un jour</option>
          {Array.from({ length: 28 }, (_, i) => String(i + 1)).map((d) => (
            <option key={d} value={d}>
              le {d === '1' ? '1er' : d} du mois
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">
        {preview && (
          <>
            <p>
              Prochain prélèvement le <strong>{date(preview.nextDebitDate)}</strong>, puis&nbsp;:
            </p>
            <ul aria-label="Nouvel échéancier">
              {preview.dueDates.slice(1, 4).map((d) => (
                <li key={d}>{date(d)}</li>
              ))}
            </ul>
          </>
        )}
        {said && <p className={said.ok ? 'ok' : 'error'}>{said.text}</p>}
      </div>
      {preview && (
        <button type="button" className="primary" disabled={state.fetching} onClick={() => void ask(day, true)}>
          Confirmer ce changement
        </button>
      )}
    </div>
  );
}

export function Payments() {
  const thisYear = Number(new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'Europe/Paris' }).format());
  const [year, setYear] = useState(thisYear);
  const [{ data, error, fetching }, refetch] = useQuery({ query: PaymentsQuery, variables: { year } });
  useLivePayments(() => refetch({ requestPolicy: 'network-only' }));
  const [failure, setFailure] = useState<string | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);
  const me = data?.me;
  const monthly = me?.policies.filter((p) => p.paymentFrequency === 'MONTHLY') ?? [];

  return (
    <>
      <h1 tabIndex={-1}>Mes paiements</h1>
      {error && !data && (
        <p className="error" role="alert">
          Vos paiements n’ont pas pu être chargés. Réessayez dans un instant.
        </p>
      )}
      {!data && !error && <p role="status">Chargement…</p>}
      {me && (
        <>
          {thanks && (
            <p className="ok card" role="status">
              {thanks}
            </p>
          )}
          {me.arrears
            .filter((a) => !a.paidAt)
            .map((arrear) => (
              <RefusedDebit
                key={arrear.id}
                arrear={arrear}
                methods={me.paymentMethods}
                changed={() => refetch({ requestPolicy: 'network-only' })}
                paid={setThanks}
              />
            ))}
          <section className="card" aria-labelledby="schedule-heading">
            <h2 id="schedule-heading">Prochaines échéances</h2>
            {me.paymentSchedule.length === 0 ? (
              <p>Aucune échéance à venir.</p>
            ) : (
              <ul className="lines" aria-label="Prochaines échéances">
                {me.paymentSchedule.slice(0, 12).map((p) => (
                  <li key={p.id}>
                    <span>
                      {date(p.dueDate)} <span className="muted">· {SCHEDULED_STATUS[p.status] ?? p.status}</span>
                    </span>
                    <strong>{money(p.amount)}</strong>
                  </li>
                ))}
              </ul>
            )}
            {monthly.map((policy) => (
              <details key={policy.id}>
                <summary>
                  Changer le jour de prélèvement{monthly.length > 1 ? ` (contrat ${policy.number})` : ''}
                </summary>
                <DueDay policyId={policy.id} changed={() => refetch({ requestPolicy: 'network-only' })} />
              </details>
            ))}
          </section>
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">Historique des paiements</h2>
            <div className="field">
              <label htmlFor="year">Année</label>
              <select id="year" value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
                {Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <ul className="lines" aria-label={`Paiements ${year}`} aria-busy={fetching}>
              {me.paymentHistory.edges.map(({ node }) => (
                <li key={node.id}>
                  <span>
                    {dateTime(node.paidAt)}{' '}
                    <span className="muted">
                      · {PAYMENT_STATUS[node.status] ?? node.status}
                      {node.rejectionCode ? ` (motif ${node.rejectionCode})` : ''}
                    </span>
                  </span>
                  <strong>{money(node.amount)}</strong>
                </li>
              ))}
            </ul>
            {me.paymentHistory.edges.length === 0 && <p>Aucun paiement en {year}.</p>}
            <p>
              <a
                className="button secondary"
                href={`/payment-certificates/${year}`}
                onClick={(e) => {
                  e.preventDefault();
                  setFailure(null);
                  void download(`/payment-certificates/${year}`).then((ok) =>
                    setFailure(ok ? null : 'Le téléchargement n’a pas pu commencer. Réessayez dans un instant.'),
                  );
                }}
              >
                Attestation de paiement {year} (PDF)
              </a>
            </p>
            {failure && (
              <p className="error" role="alert">
                {failure}
              </p>
            )}
          </section>
          <PaymentMethods methods={me.paymentMethods} changed={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      )}
    </>
  );
}
