// « Effacer mes données » (RGPD article 17): first what an erasure would do, part by part (deleted now; kept until
// when and why; what prevents it today), read on demand since every part of Abri answers; then, when nothing
// prevents it, the request, behind the password confirmed again (the step-up the other sensitive changes use).
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { StepUp } from '../account/StepUp.tsx';
import { date, dateTime } from '../format.ts';
import type { ErasurePreviewQuery } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { needsStepUp, refusalOf } from '../refusal.ts';

const ErasureStatusQuery = graphql(`
  query ErasureStatus {
    me {
      id
      erasureRequest { id status requestedAt decidedAt blockers { kind reference message } }
    }
  }
`);

const ErasurePreview = graphql(`
  query ErasurePreview {
    me {
      id
      erasurePreview {
        customerId
        account { ...ErasureSectionFields }
        contracts { ...ErasureSectionFields }
        claims { ...ErasureSectionFields }
        payments { ...ErasureSectionFields }
      }
    }
  }
  fragment ErasureSectionFields on ErasureSection {
    service
    title
    deletedNow { key label }
    kept { key label retainUntil reason }
    blockers { kind reference message }
  }
`);

const RequestErasure = graphql(`
  mutation RequestErasure {
    requestErasure {
      __typename
      ... on ErasureRequested { request { id status requestedAt decidedAt blockers { kind reference message } } }
    }
  }
`);

type Preview = NonNullable<ErasurePreviewQuery['me']>['erasurePreview'];
type Section = Preview['account'];

function SectionPreview({ section }: { section: Section }) {
  const id = `erasure-${section.service}`;
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{section.title}</h4>
      {section.deletedNow.length > 0 && (
        <>
          <p className="note">Supprimé dès votre demande&nbsp;:</p>
          <ul>
            {section.deletedNow.map((item) => (
              <li key={item.key}>{item.label}</li>
            ))}
          </ul>
        </>
      )}
      {section.kept.length > 0 && (
        <>
          <p className="note">Conservé, puis supprimé au terme que la loi fixe&nbsp;:</p>
          <ul>
            {section.kept.map((item) => (
              <li key={item.key}>
                <strong>{item.label}</strong>,{' '}
                {item.retainUntil
                  ? `jusqu’au ${date(item.retainUntil)}`
                  : 'jusqu’au terme légal (il court à partir de la fin de votre contrat ou de votre sinistre)'}
                {item.reason && <span className="muted"> — {item.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const STATUS: Record<string, string> = {
  CHECKING: 'Votre demande d’effacement est en cours d’examen\u00a0: nous vous écrirons dès qu’elle aura abouti.',
  REFUSED: 'Votre demande d’effacement n’a pas pu aboutir',
  DONE: 'Vos données ont été effacées, sauf ce que la loi nous oblige à conserver.',
};

function Preview({ onRequest }: { onRequest: () => void }) {
  const [{ data, error }] = useQuery({ query: ErasurePreview });
  const [understood, setUnderstood] = useState(false);
  const preview = data?.me?.erasurePreview;
  if (error && !data)
    return (
      <p className="error" role="alert">
        Ce qu’un effacement supprimerait n’a pas pu être chargé. Réessayez dans un instant.
      </p>
    );
  if (!preview) return <p role="status">Chargement…</p>;
  const sections = [preview.account, preview.contracts, preview.claims, preview.payments];
  const blockers = sections.flatMap((s) => s.blockers);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onRequest();
  }

  return (
    <div className="stack">
      {blockers.length > 0 && (
        <section className="notice" aria-labelledby="erasure-blockers">
          <h3 id="erasure-blockers">Ce qui empêche l’effacement aujourd’hui</h3>
          <ul>
            {blockers.map((b) => (
              <li key={`${b.kind}-${b.reference}`}>{b.message}</li>
            ))}
          </ul>
          <p className="note">Une fois ces points réglés, vous pourrez demander l’effacement ici.</p>
        </section>
      )}
      <h3>Ce que l’effacement ferait</h3>
      {sections.map((section) => (
        <SectionPreview key={section.service} section={section} />
      ))}
      {blockers.length === 0 && (
        <form className="stack" aria-label="Demander l’effacement" onSubmit={submit}>
          <div className="choice">
            <input
              type="checkbox"
              id="erasure-understood"
              checked={understood}
              onChange={(event) => setUnderstood(event.currentTarget.checked)}
            />
            <label htmlFor="erasure-understood">
              J’ai compris que mon compte sera fermé et mes données effacées, sauf ce qui est conservé ci-dessus.
            </label>
          </div>
          <button type="submit" className="primary" disabled={!understood}>
            Demander l’effacement de mes données
          </button>
        </form>
      )}
    </div>
  );
}

export function Erasure() {
  const [{ data }, refetch] = useQuery({ query: ErasureStatusQuery });
  const [sending, send] = useMutation(RequestErasure);
  const [open, setOpen] = useState(false);
  const [steppingUp, setSteppingUp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const request = data?.me?.erasureRequest;

  async function ask() {
    setProblem(null);
    const result = await send({});
    if (needsStepUp(result.error)) {
      setSteppingUp(true);
      return;
    }
    if (result.data?.requestErasure.__typename === 'ErasureRequested') {
      setOpen(false);
      refetch({ requestPolicy: 'network-only' });
    } else
      setProblem(refusalOf(result.error) ?? 'Votre demande n’a pas pu être enregistrée. Réessayez dans un instant.');
  }

  return (
    <section className="card" aria-labelledby="erasure-heading">
      <h2 id="erasure-heading">Effacer mes données</h2>
      <p>
        Vous pouvez demander l’effacement de vos données. La loi nous oblige à en conserver certaines pendant un temps
        (contrats et sinistres pour la prescription du Code des assurances, pièces comptables 10&nbsp;ans)&nbsp;: voyez
        d’abord ce qui serait supprimé, ce qui serait conservé et jusqu’à quand.
      </p>
      <div aria-live="polite">
        {request && (
          <div className={request.status === 'REFUSED' ? 'notice' : ''}>
            <p className={request.status === 'REFUSED' ? 'error' : 'ok'}>
              {STATUS[request.status] ?? request.status}
              {request.status === 'REFUSED' && request.decidedAt ? ` (le ${dateTime(request.decidedAt)})\u00a0:` : ''}
            </p>
            {request.status === 'REFUSED' && (
              <ul>
                {request.blockers.map((b) => (
                  <li key={`${b.kind}-${b.reference}`}>{b.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
      </div>
      {steppingUp && (
        <StepUp
          confirmed={() => {
            setSteppingUp(false);
            void ask();
          }}
          cancel={() => setSteppingUp(false)}
        />
      )}
      {request?.status !== 'CHECKING' && (
        <>
          <p className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => setOpen(!open)}
              aria-expanded={open}
              aria-controls="erasure-preview"
            >
              Voir ce que l’effacement supprimerait
            </button>
          </p>
          <div id="erasure-preview">{open && <Preview onRequest={() => void ask()} />}</div>
        </>
      )}
      {sending.fetching && <p role="status">Envoi de votre demande…</p>}
    </section>
  );
}
