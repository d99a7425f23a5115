// « Qui a consulté mon dossier »: every read of, or action on, the customer's data by Abri's staff, in any part of
// Abri, with who, when, what and why (support gives a reason for every read).
import { useQuery } from 'urql';
import { dateTime } from '../format.ts';
import { graphql } from '../gql/index.ts';

export const StaffAccessQuery = graphql(`
  query StaffAccessLog {
    me {
      id
      staffAccess(first: 50) { at staffName role kind what area reason }
    }
  }
`);

export type Access = {
  at: string;
  staffName: string;
  role?: string | null;
  kind: string;
  what: string;
  area: string;
  reason?: string | null;
};

/** One line of the log: what, the part of the file, who, when and why. */
export function AccessLine({ access }: { access: Access }) {
  return (
    <li>
      <strong>
        {access.kind === 'ACTION' ? 'Action' : 'Consultation'} · {access.area}&nbsp;: {access.what}
      </strong>
      <p className="muted note">
        {dateTime(access.at)} · {access.staffName}
        {access.role ? ` (${access.role})` : ''}
      </p>
      {access.reason && <p className="note">Motif&nbsp;: {access.reason}</p>}
    </li>
  );
}

export function StaffAccessLog() {
  const [{ data, error }] = useQuery({ query: StaffAccessQuery });
  const log = data?.me?.staffAccess ?? [];
  return (
    <section className="card" aria-labelledby="access-heading">
      <h2 id="access-heading">Qui a consulté mon dossier</h2>
      <p>
        Chaque fois qu’un collaborateur d’Abri consulte votre dossier ou agit dessus, nous l’enregistrons avec son nom,
        la date, ce qu’il a fait et pourquoi.
      </p>
      {error && !data && (
        <p className="error" role="alert">
          Ce journal n’a pas pu être chargé. Réessayez dans un instant.
        </p>
      )}
      {data && log.length === 0 && <p>Personne chez Abri n’a consulté votre dossier.</p>}
      {log.length > 0 && (
        <ul className="guarantees" aria-label="Consultations de mon dossier">
          {log.map((access) => (
            <AccessLine key={`${access.at}-${access.area}-${access.what}`} access={access} />
          ))}
        </ul>
      )}
    </section>
  );
}
