// The certificate a bank asks for when it finances the home (owners only): the customer names the lender and the loan
// as the loan offer prints them, and gets at once the certificate of guarantees with the lender clause, kept with the
// contract's documents. A refusal says which field to correct.
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { download } from '../documents/download.ts';
import { graphql } from '../gql/index.ts';

const IssueLenderCertificate = graphql(`
  mutation IssueLenderCertificate($input: LenderCertificateInput!) {
    issueLenderCertificate(input: $input) {
      __typename
      ... on DocumentGenerated { document { id title downloadUrl } }
      ... on InvalidLenderDetails { message field }
      ... on Error { message }
    }
  }
`);

type Field = 'lenderName' | 'lenderAddress' | 'loanReference';
const FIELDS: { name: Field; label: string; help: string; autoComplete: string }[] = [
  {
    name: 'lenderName',
    label: 'Organisme prêteur',
    help: 'Tel qu’il figure sur l’offre de prêt.',
    autoComplete: 'organization',
  },
  {
    name: 'lenderAddress',
    label: 'Adresse du prêteur',
    help: 'Sur une ligne, avec le code postal et la ville.',
    autoComplete: 'off',
  },
  {
    name: 'loanReference',
    label: 'Numéro du prêt',
    help: 'Lettres, chiffres, espaces, «\u00a0-\u00a0», «\u00a0/\u00a0» ou «\u00a0.\u00a0».',
    autoComplete: 'off',
  },
];

export function LenderCertificate({ policyId }: { policyId: string }) {
  const [values, setValues] = useState<Record<Field, string>>({ lenderName: '', lenderAddress: '', loanReference: '' });
  const [refused, setRefused] = useState<{ message: string; field: Field | null } | null>(null);
  const [issued, setIssued] = useState<{ title: string; downloadUrl: string } | null>(null);
  const [{ fetching }, issue] = useMutation(IssueLenderCertificate);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefused(null);
    setIssued(null);
    const result = await issue({ input: { policyId, ...values } });
    const outcome = result.data?.issueLenderCertificate;
    if (outcome?.__typename === 'DocumentGenerated') setIssued(outcome.document);
    else if (outcome?.__typename === 'InvalidLenderDetails')
      setRefused({ message: outcome.message, field: outcome.field as Field });
    else
      setRefused({
        message:
          outcome && 'message' in outcome
            ? outcome.message
            : 'Le certificat n’a pas pu être émis. Réessayez dans un instant.',
        field: null,
      });
  }

  return (
    <form className="card stack" aria-labelledby={`lender-${policyId}`} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`lender-${policyId}`}>Certificat pour votre banque</h2>
      <p className="muted">
        Votre banque finance votre logement&nbsp;? Elle demande un certificat d’assurance avec une clause en sa
        faveur&nbsp;: en cas de sinistre touchant le bâtiment, l’indemnité lui est versée à hauteur de ce qui lui reste
        dû, et elle est prévenue avant toute interruption de la garantie.
      </p>
      {FIELDS.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={`${f.name}-${policyId}`}>{f.label}</label>
          <input
            id={`${f.name}-${policyId}`}
            autoComplete={f.autoComplete}
            value={values[f.name]}
            aria-invalid={refused?.field === f.name || undefined}
            aria-describedby={`${f.name}-${policyId}-help`}
            onChange={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
          />
          <p id={`${f.name}-${policyId}-help`} className={refused?.field === f.name ? 'error' : 'help'}>
            {refused?.field === f.name ? refused.message : f.help}
          </p>
        </div>
      ))}
      {refused && !refused.field && (
        <p className="error" role="alert">
          {refused.message}
        </p>
      )}
      {issued && (
        <p className="ok" role="status">
          Votre certificat est prêt, il est aussi dans Mes documents.{' '}
          <a
            href={issued.downloadUrl}
            onClick={(e) => {
              e.preventDefault();
              void download(issued.downloadUrl).then((ok) =>
                ok ? null : setRefused({ message: 'Le téléchargement n’a pas pu commencer. Réessayez.', field: null }),
              );
            }}
          >
            Télécharger le certificat
          </a>
        </p>
      )}
      <button type="submit" className="secondary" disabled={fetching}>
        Obtenir le certificat
      </button>
    </form>
  );
}
