// A refused debit and what the customer can do about it (pay now with a method on file, have it presented again on
// a chosen date, or change the method), and the cards and SEPA mandates: add a mandate, choose the default, remove
// one. Changes to payment methods need the password proven in the last minutes: the step-up asks for it in place,
// then the change is sent again as typed.
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { StepUp } from '../account/StepUp.tsx';
import { date, money } from '../format.ts';
import { graphql } from '../gql/index.ts';
import { needsStepUp, refusalOf } from '../refusal.ts';

const PayArrear = graphql(`
  mutation PayArrear($arrearId: ID!, $paymentMethodId: ID!) {
    payArrear(arrearId: $arrearId, paymentMethodId: $paymentMethodId) {
      __typename
      ... on ArrearPaid { coverRestoresAt arrear { id paidAt stage } }
      ... on DebitRetryScheduled { dueDate arrear { id stage } }
      ... on Error { message }
    }
  }
`);

const RetryDebit = graphql(`
  mutation RetryDebit($arrearId: ID!, $on: Date!) {
    retryDebit(arrearId: $arrearId, on: $on) {
      __typename
      ... on DebitRetryScheduled { dueDate arrear { id stage } }
      ... on InvalidRetryDate { message earliest latest }
      ... on Error { message }
    }
  }
`);

const AddMandate = graphql(`
  mutation AddSepaMandate($input: SepaMandateInput!) {
    addSepaMandate(input: $input) {
      __typename
      ... on PaymentMethodAdded { paymentMethod { id label isDefault } }
      ... on InvalidPaymentMethod { message field }
      ... on Error { message }
    }
  }
`);

const SetDefault = graphql(`
  mutation SetDefaultPaymentMethod($id: ID!) {
    setDefaultPaymentMethod(paymentMethodId: $id) {
      __typename
      ... on Error { message }
    }
  }
`);

const RemoveMethod = graphql(`
  mutation RemovePaymentMethod($id: ID!) {
    removePaymentMethod(paymentMethodId: $id) {
      __typename
      ... on Error { message }
    }
  }
`);

const UNAVAILABLE = 'Le service est momentanément indisponible. Réessayez dans un instant.';

export interface Arrear {
  id: string;
  dueDate: string;
  rejectionCode: string;
  explanation: string;
  suggestions: readonly string[];
  stage: string;
  suspensionAt: string;
  paidAt?: string | null;
  amount: { amountCents: number; currency: string };
}
export interface Method {
  id: string;
  kind: string;
  label: string;
  isDefault: boolean;
  mandateReference?: string | null;
  cardExpiry?: string | null;
}

type Said = { ok: boolean; text: string } | null;
const answer = (outcome: { __typename: string; message?: string } | undefined, error?: unknown): Said =>
  outcome && 'message' in outcome && outcome.message
    ? { ok: false, text: outcome.message }
    : { ok: false, text: refusalOf(error as never) ?? UNAVAILABLE };

function Said({ said }: { said: Said }) {
  if (!said) return null;
  return (
    <p className={said.ok ? 'ok' : 'error'} role={said.ok ? 'status' : 'alert'}>
      {said.text}
    </p>
  );
}

/** A date input's value for a day from now, in Paris (the retry's earliest day is tomorrow). */
const dayFromNow = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * 86_400_000));

/**
 * One refused debit with its three ways out. Once paid, the debit is no longer refused and this section goes away:
 * `paid` hands the page the thanks to show in its place.
 */
export function RefusedDebit({
  arrear,
  methods,
  changed,
  paid,
}: {
  arrear: Arrear;
  methods: Method[];
  changed: () => void;
  paid: (thanks: string) => void;
}) {
  const [payState, pay] = useMutation(PayArrear);
  const [retryState, retry] = useMutation(RetryDebit);
  const [said, setSaid] = useState<Said>(null);
  const [methodId, setMethodId] = useState(methods.find((m) => m.isDefault)?.id ?? methods[0]?.id ?? '');
  const latest = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(new Date(arrear.suspensionAt).getTime() - 86_400_000),
  );

  async function payNow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await pay({ arrearId: arrear.id, paymentMethodId: methodId });
    const outcome = result.data?.payArrear;
    if (outcome?.__typename === 'ArrearPaid') {
      paid(`C’est réglé\u00a0: ${money(arrear.amount)} payés. Merci.`);
      changed();
    } else if (outcome?.__typename === 'DebitRetryScheduled') {
      // By mandate, nothing is paid until the bank has collected: the debit is announced, the arrear stays.
      setSaid({
        ok: true,
        text: `C’est noté\u00a0: ${money(arrear.amount)} seront prélevés le ${date(outcome.dueDate)}, et l’impayé sera réglé dès l’encaissement.`,
      });
      changed();
    } else setSaid(answer(outcome, result.error));
  }

  async function retryOn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const on = String(new FormData(event.currentTarget).get('on') ?? '');
    const result = await retry({ arrearId: arrear.id, on });
    const outcome = result.data?.retryDebit;
    if (outcome?.__typename === 'DebitRetryScheduled') {
      setSaid({
        ok: true,
        text: `C’est noté\u00a0: le prélèvement sera présenté à nouveau le ${date(outcome.dueDate)}.`,
      });
      changed();
    } else setSaid(answer(outcome, result.error));
  }

  return (
    <section className="card notice stack" aria-labelledby={`arrear-${arrear.id}`}>
      <h2 id={`arrear-${arrear.id}`}>Prélèvement refusé</h2>
      <p>
        Le prélèvement de <strong>{money(arrear.amount)}</strong> du {date(arrear.dueDate)} a été refusé par votre
        banque (motif {arrear.rejectionCode})&nbsp;: {arrear.explanation}
      </p>
      <p>
        Réglez-le avant le <strong>{date(arrear.suspensionAt)}</strong>&nbsp;: à cette date, vos garanties seraient
        suspendues.
      </p>
      <Said said={said} />
      {!said?.ok && (
        <div className="cards stack">
          <form className="stack" onSubmit={(e) => void payNow(e)} aria-labelledby={`pay-${arrear.id}`}>
            <h3 id={`pay-${arrear.id}`}>Payer maintenant</h3>
            <div className="field">
              <label htmlFor={`pay-method-${arrear.id}`}>Moyen de paiement</label>
              <select
                id={`pay-method-${arrear.id}`}
                value={methodId}
                onChange={(e) => setMethodId(e.currentTarget.value)}
              >
                {methods.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="primary" disabled={payState.fetching || !methodId}>
              Payer {money(arrear.amount)}
            </button>
          </form>
          {arrear.suggestions.includes('RETRY') && (
            <form className="stack" onSubmit={(e) => void retryOn(e)} aria-labelledby={`retry-${arrear.id}`}>
              <h3 id={`retry-${arrear.id}`}>Représenter le prélèvement</h3>
              <div className="field">
                <label htmlFor={`retry-on-${arrear.id}`}>Date du nouveau prélèvement</label>
                <input
                  id={`retry-on-${arrear.id}`}
                  name="on"
                  type="date"
                  min={dayFromNow(1)}
                  max={latest}
                  defaultValue={dayFromNow(3) <= latest ? dayFromNow(3) : dayFromNow(1)}
                  required
                />
              </div>
              <button type="submit" className="secondary" disabled={retryState.fetching}>
                Programmer ce prélèvement
              </button>
            </form>
          )}
          <p>
            <a href="#methods-heading">Changer de moyen de paiement</a> (ajouter un mandat SEPA sur un autre compte,
            choisir le moyen par défaut).
          </p>
        </div>
      )}
    </section>
  );
}

/** Cards and mandates: choose the default, remove one, add a SEPA mandate. */
export function PaymentMethods({ methods, changed }: { methods: Method[]; changed: () => void }) {
  const [, add] = useMutation(AddMandate);
  const [, makeDefault] = useMutation(SetDefault);
  const [, remove] = useMutation(RemoveMethod);
  const [said, setSaid] = useState<Said>(null);
  const [adding, setAdding] = useState(false);
  // The change waiting for the password to be confirmed, sent again once it is.
  const [pending, setPending] = useState<(() => Promise<void>) | null>(null);

  /** Runs a change; a step-up keeps it to send again after the password. */
  async function change(
    run: () => Promise<{ outcome?: { __typename: string; message?: string }; error?: unknown }>,
    done: string,
    success: string,
  ) {
    setSaid(null);
    const { outcome, error } = await run();
    if (needsStepUp(error as never)) {
      setPending(() => () => change(run, done, success));
      return;
    }
    if (outcome?.__typename === done) {
      setSaid({ ok: true, text: success });
      setAdding(false);
      changed();
    } else setSaid(answer(outcome, error));
  }

  function addMandate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      iban: String(form.get('iban') ?? '').replace(/\s/g, ''),
      holderName: String(form.get('holderName') ?? '').trim(),
      makeDefault: form.get('makeDefault') === 'on',
    };
    void change(
      async () => {
        const r = await add({ input });
        return { outcome: r.data?.addSepaMandate, error: r.error };
      },
      'PaymentMethodAdded',
      'Le mandat de prélèvement SEPA est enregistré.',
    );
  }

  return (
    <section className="card stack" aria-labelledby="methods-heading">
      <h2 id="methods-heading" tabIndex={-1}>
        Moyens de paiement
      </h2>
      <ul className="guarantees">
        {methods.map((m) => (
          <li key={m.id}>
            <strong>{m.label}</strong> {m.isDefault && <span className="badge">Par défaut</span>}
            <p className="muted note">
              {m.kind === 'SEPA_DEBIT'
                ? `Prélèvement SEPA, mandat ${m.mandateReference ?? ''}`
                : `Carte, expire fin ${m.cardExpiry ?? ''}`}
            </p>
            <p className="actions">
              {!m.isDefault && (
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    void change(
                      async () => {
                        const r = await makeDefault({ id: m.id });
                        return { outcome: r.data?.setDefaultPaymentMethod, error: r.error };
                      },
                      'DefaultPaymentMethodSet',
                      `${m.label} est maintenant votre moyen de paiement par défaut.`,
                    )
                  }
                >
                  Utiliser par défaut<span className="visually-hidden"> : {m.label}</span>
                </button>
              )}
              <button
                type="button"
                className="link"
                onClick={() =>
                  void change(
                    async () => {
                      const r = await remove({ id: m.id });
                      return { outcome: r.data?.removePaymentMethod, error: r.error };
                    },
                    'PaymentMethodRemoved',
                    `${m.label} est retiré de vos moyens de paiement.`,
                  )
                }
              >
                Retirer<span className="visually-hidden"> : {m.label}</span>
              </button>
            </p>
          </li>
        ))}
      </ul>
      {pending && (
        <StepUp
          confirmed={() => {
            const again = pending;
            setPending(null);
            void again();
          }}
          cancel={() => setPending(null)}
        />
      )}
      <Said said={said} />
      {adding ? (
        <form className="stack" onSubmit={addMandate} aria-labelledby="mandate-heading">
          <h3 id="mandate-heading">Nouveau mandat de prélèvement SEPA</h3>
          <div className="field">
            <label htmlFor="iban">IBAN</label>
            <input id="iban" name="iban" autoComplete="off" spellCheck={false} autoCapitalize="characters" required />
          </div>
          <div className="field">
            <label htmlFor="holderName">Titulaire du compte</label>
            <input id="holderName" name="holderName" autoComplete="name" required />
          </div>
          <label className="choice">
            <input type="checkbox" name="makeDefault" defaultChecked /> En faire mon moyen de paiement par défaut
          </label>
          <p className="muted note">
            En signant ce mandat, vous autorisez Abri à prélever les cotisations sur ce compte. Vous êtes prévenu de la
            date et du montant avant chaque prélèvement.
          </p>
          <p className="actions">
            <button type="submit" className="primary">
              Signer le mandat
            </button>
            <button type="button" className="link" onClick={() => setAdding(false)}>
              Annuler
            </button>
          </p>
        </form>
      ) : (
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          Ajouter un mandat SEPA
        </button>
      )}
      <p className="muted note">
        Une carte s’ajoute depuis l’application mobile Abri, qui la fait enregistrer par notre prestataire de
        paiement&nbsp;: ses numéros ne passent jamais par Abri.
      </p>
    </section>
  );
}
