// The declaration wizard: what happened (the type), then that type's form as the claims service describes it
// (questions shown or hidden by earlier answers), photos and PDFs from the camera or the files, and the claim is
// declared; its page then follows it live.
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { prepare } from '../claims/files.ts';
import { type Answer, isShown, QuestionField } from '../claims/QuestionField.tsx';
import type { ClaimType } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { CLAIM_TYPE } from '../labels.ts';

const DeclarePolicies = graphql(`
  query DeclarePolicies {
    me { id policies { id number status dwelling { addressLine city } } }
  }
`);

const ClaimFormQuery = graphql(`
  query ClaimForm($type: ClaimType!) {
    claimForm(type: $type) {
      type
      title
      declarationDeadlineWorkingDays
      questions {
        id
        label
        help
        kind
        required
        maxLength
        options { value label }
        showWhen { questionId equals }
      }
    }
  }
`);

const DeclareMutation = graphql(`
  mutation DeclareClaim($input: DeclareClaimInput!) {
    declareClaim(input: $input) {
      __typename
      ... on ClaimDeclared { claim { id reference status } }
      ... on InvalidDeclaration { message errors { questionId message } }
      ... on Error { message }
    }
  }
`);

const AttachMutation = graphql(`
  mutation AttachToClaim($claimId: ID!, $filename: String!, $contentBase64: String!) {
    addClaimAttachment(claimId: $claimId, filename: $filename, contentBase64: $contentBase64) {
      __typename
      ... on AttachmentAdded { attachment { id filename } }
      ... on Error { message }
    }
  }
`);

const TYPES = Object.keys(CLAIM_TYPE) as ClaimType[];
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

export function DeclareClaim() {
  const [type, setType] = useState<ClaimType | null>(null);
  return type ? (
    <ClaimFormStep type={type} onChangeType={() => setType(null)} />
  ) : (
    <>
      <h1 tabIndex={-1}>Déclarer un sinistre</h1>
      <fieldset className="card">
        <legend>Que s’est-il passé ?</legend>
        <div className="type-grid">
          {TYPES.map((t) => (
            <button key={t} type="button" className="type" onClick={() => setType(t)}>
              {CLAIM_TYPE[t]}
            </button>
          ))}
        </div>
      </fieldset>
      <p>
        <Link to="/sinistres">Annuler</Link>
      </p>
    </>
  );
}

function ClaimFormStep({ type, onChangeType }: { type: ClaimType; onChangeType(): void }) {
  const navigate = useNavigate();
  const [{ data: policiesData }] = useQuery({ query: DeclarePolicies });
  const [{ data: formData, error: formError }] = useQuery({ query: ClaimFormQuery, variables: { type } });
  const [, declare] = useMutation(DeclareMutation);
  const [, attach] = useMutation(AttachMutation);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const policies = policiesData?.me?.policies.filter((p) => p.status === 'ACTIVE') ?? [];
  const form = formData?.claimForm;
  const shown = form?.questions.filter((q) => isShown(q, answers)) ?? [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const policyId = String(fields.get('policyId') ?? policies[0]?.id ?? '');
    const sent: Record<string, unknown> = {};
    for (const q of shown) if (answers[q.id] !== undefined && answers[q.id] !== '') sent[q.id] = answers[q.id];
    setBusy(true);
    setMessage(null);
    setErrors({});
    const result = await declare({
      input: {
        policyId,
        type,
        occurredOn: String(fields.get('occurredOn') ?? ''),
        description: String(fields.get('description') ?? ''),
        answers: sent,
      },
    });
    const outcome = result.data?.declareClaim;
    if (!outcome) {
      setBusy(false);
      setMessage('La déclaration n’a pas pu être envoyée. Vérifiez votre connexion et réessayez.');
      return;
    }
    if (outcome.__typename !== 'ClaimDeclared') {
      setBusy(false);
      setMessage(outcome.message);
      if (outcome.__typename === 'InvalidDeclaration')
        setErrors(Object.fromEntries(outcome.errors.map((e) => [e.questionId, e.message])));
      return;
    }
    const refused: string[] = [];
    for (const file of files) {
      const added = await attach({ claimId: outcome.claim.id, ...(await prepare(file)) });
      const answer = added.data?.addClaimAttachment;
      if (answer?.__typename !== 'AttachmentAdded')
        refused.push(`${file.name} : ${answer && 'message' in answer ? answer.message : 'envoi impossible'}`);
    }
    setBusy(false);
    navigate(`/sinistres/${outcome.claim.id}`, { state: { declared: outcome.claim.reference, refused } });
  }

  return (
    <>
      <h1 tabIndex={-1}>Déclarer : {CLAIM_TYPE[type]}</h1>
      <p>
        <button type="button" className="link" onClick={onChangeType}>
          Changer le type de sinistre
        </button>
      </p>
      {formError && !form && (
        <p className="error" role="alert">
          Le formulaire n’a pas pu être chargé. Réessayez dans un instant.
        </p>
      )}
      {form && (
        <form className="card stack" onSubmit={(e) => void submit(e)} noValidate>
          <p className="help">
            À déclarer dans les {form.declarationDeadlineWorkingDays}&nbsp;jours ouvrés qui suivent le sinistre.
          </p>
          {policies.length > 1 && (
            <div className="field">
              <label htmlFor="policyId">Contrat concerné</label>
              <select id="policyId" name="policyId">
                {policies.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.number}
                    {p.dwelling ? ` · ${p.dwelling.addressLine}, ${p.dwelling.city}` : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="occurredOn">Date du sinistre (ou de sa découverte)</label>
            <input
              id="occurredOn"
              name="occurredOn"
              type="date"
              defaultValue={today()}
              max={today()}
              required
              aria-describedby={errors['occurredOn'] ? 'occurredOn-error' : undefined}
            />
            {errors['occurredOn'] && (
              <p id="occurredOn-error" className="error">
                {errors['occurredOn']}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="description">Que s’est-il passé ?</label>
            <textarea
              id="description"
              name="description"
              rows={4}
              minLength={10}
              maxLength={4000}
              required
              aria-describedby={`description-help${errors['description'] ? ' description-error' : ''}`}
            />
            <p id="description-help" className="help">
              En quelques phrases : les pièces et les biens touchés, ce que vous avez déjà fait.
            </p>
            {errors['description'] && (
              <p id="description-error" className="error">
                {errors['description']}
              </p>
            )}
          </div>
          {shown.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              value={answers[q.id]}
              error={errors[q.id]}
              onChange={(value) => setAnswers((previous) => ({ ...previous, [q.id]: value }))}
            />
          ))}
          <div className="field">
            <label htmlFor="files">Photos et documents (facultatif)</label>
            <p id="files-help" className="help">
              Photos des dégâts, factures, constat ou dépôt de plainte : JPEG, PNG, WebP, HEIC ou PDF, 5&nbsp;Mo au plus
              chacun.
            </p>
            <input
              id="files"
              type="file"
              accept="image/*,application/pdf"
              multiple
              aria-describedby="files-help"
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
            {files.length > 0 && (
              <ul className="muted">
                {files.map((f) => (
                  <li key={f.name}>{f.name}</li>
                ))}
              </ul>
            )}
          </div>
          {message && (
            <p className="error" role="alert">
              {message}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Envoi en cours…' : 'Envoyer la déclaration'}
          </button>
        </form>
      )}
    </>
  );
}
