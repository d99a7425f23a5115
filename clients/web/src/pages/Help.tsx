// Search and help: the header's search bar lands here (`/aide?q=`). One query searches the customer's guarantees,
// documents and the help centre together; a help article opens in the app at `/aide/<slug>` (its text is the one
// the search answers: the API has no article page of its own yet).
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { download } from '../documents/download.ts';
import { graphql } from '../gql/index.ts';

const SearchQuery = graphql(`
  query Search($query: String!, $first: Int) {
    search(query: $query, first: $first) { kind id title snippet target }
  }
`);

/** Questions customers ask most, offered before anything is typed. */
const SUGGESTIONS = [
  'dégât des eaux',
  'attestation d’assurance',
  'prélèvement refusé',
  'mot de passe oublié',
  'changer de jour de prélèvement',
  'vol',
];

const KIND: Record<string, string> = { GUARANTEE: 'Ma garantie', DOCUMENT: 'Mon document', ARTICLE: 'Aide' };

type Hit = { kind: string; id: string; title: string; snippet: string; target: string };

/** Where a hit opens in this app: articles here, documents by a signed link, guarantees in « Mon contrat ». */
function HitLink({ hit }: { hit: Hit }) {
  const [failed, setFailed] = useState(false);
  if (hit.kind === 'DOCUMENT')
    return (
      <>
        <a
          href={hit.target}
          onClick={(e) => {
            e.preventDefault();
            void download(hit.target).then((ok) => setFailed(!ok));
          }}
        >
          {hit.title}
        </a>
        {failed && (
          <span className="error" role="alert">
            {' '}
            Le téléchargement n’a pas pu commencer.
          </span>
        )}
      </>
    );
  return <Link to={hit.kind === 'GUARANTEE' ? '/contrat' : hit.target}>{hit.title}</Link>;
}

function Results({ query }: { query: string }) {
  const [{ data, error, fetching }] = useQuery({ query: SearchQuery, variables: { query, first: 10 } });
  if (fetching && !data) return <p role="status">Recherche…</p>;
  if (error && !data)
    return (
      <p className="error" role="alert">
        {error.graphQLErrors[0]?.message ?? 'La recherche n’a pas pu aboutir. Réessayez dans un instant.'}
      </p>
    );
  const hits = data?.search ?? [];
  return (
    <section aria-labelledby="results-heading">
      {/* Announced when the results come (a live region around the heading: a role on the h2 would replace its own). */}
      <div role="status">
        <h2 id="results-heading">
          {hits.length === 0
            ? `Aucun résultat pour «\u00a0${query}\u00a0»`
            : `${hits.length} résultat${hits.length > 1 ? 's' : ''} pour «\u00a0${query}\u00a0»`}
        </h2>
      </div>
      <ul className="cards">
        {hits.map((hit) => (
          <li key={hit.id} className="card">
            <p className="muted note">{KIND[hit.kind] ?? hit.kind}</p>
            <h3>
              <HitLink hit={hit} />
            </h3>
            <p>{hit.snippet}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A help article, read in the app: the search's own copy of it, found by its address. */
function Article({ slug }: { slug: string }) {
  const words = slug.replace(/-/g, ' ');
  const [{ data, error, fetching }] = useQuery({ query: SearchQuery, variables: { query: words, first: 20 } });
  const article = data?.search.find((h) => h.kind === 'ARTICLE' && h.target === `/aide/${slug}`);
  if (fetching && !data) return <p role="status">Chargement…</p>;
  if (!article)
    return (
      <p className={error ? 'error' : ''} role={error ? 'alert' : 'status'}>
        {error ? 'Cet article n’a pas pu être chargé. Réessayez dans un instant.' : 'Cet article n’existe pas ou plus.'}
      </p>
    );
  return (
    <article className="card stack" aria-labelledby="article-title">
      <h2 id="article-title">{article.title}</h2>
      <p>{article.snippet}</p>
      <p>
        <Link to={`/aide?q=${encodeURIComponent(words)}`}>Articles proches</Link>
      </p>
    </article>
  );
}

export function Help() {
  const { articleId } = useParams();
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  return (
    <>
      <h1 tabIndex={-1}>{articleId ? 'Aide' : 'Recherche et aide'}</h1>
      {!articleId && <p>Cherchez avec la barre de recherche en haut de la page, ou partez d’une question fréquente.</p>}
      {!articleId && !query && (
        <section className="card" aria-labelledby="faq-heading">
          <h2 id="faq-heading">Questions fréquentes</h2>
          <ul className="lines">
            {SUGGESTIONS.map((s) => (
              <li key={s}>
                <Link to={`/aide?q=${encodeURIComponent(s)}`}>{s}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {articleId ? <Article slug={articleId} /> : query && <Results query={query} />}
    </>
  );
}
