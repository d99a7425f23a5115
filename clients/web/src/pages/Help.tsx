// Search and help: the header's search bar lands here (`/aide?q=`). One query searches the customer's whole file
// (contract, guarantees, claims, payments, documents) and the help centre together. Without a question, the help
// centre is browsed by category (`/aide/<categorie>`) down to its articles (`/aide/article/<slug>`).
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { download } from '../documents/download.ts';
import { graphql } from '../gql/index.ts';

const SearchQuery = graphql(`
  query SearchFile($query: String!, $first: Int) {
    me { id search(query: $query, first: $first) { kind id title snippet target } }
  }
`);

const CategoriesQuery = graphql(`
  query HelpCategories {
    helpCategories { slug title description target articles { slug } }
  }
`);

const CategoryQuery = graphql(`
  query HelpCategory($slug: String!) {
    helpCategory(slug: $slug) {
      ... on HelpCategory { slug title description articles { slug title target } }
      ... on HelpCategoryNotFound { message }
    }
  }
`);

const ArticleQuery = graphql(`
  query HelpArticle($slug: String!) {
    helpArticle(slug: $slug) {
      ... on HelpArticle {
        slug
        title
        body
        category { slug title target }
        related { slug title target }
      }
      ... on HelpArticleNotFound { message }
    }
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

const KIND: Record<string, string> = {
  CONTRACT: 'Mon contrat',
  GUARANTEE: 'Ma garantie',
  CLAIM: 'Mon sinistre',
  PAYMENT: 'Mes paiements',
  DOCUMENT: 'Mon document',
  ARTICLE: 'Aide',
};

type Hit = { kind: string; id: string; title: string; snippet: string; target: string };

/** Where a hit opens in this app: documents by a signed link, guarantees in « Mon contrat », the rest at their route. */
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
  const hits = data?.me?.search ?? [];
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

const failedToLoad = 'L’aide n’a pas pu être chargée. Réessayez dans un instant.';

/** The help centre's categories, each with its number of articles. */
function Categories() {
  const [{ data, error, fetching }] = useQuery({ query: CategoriesQuery });
  if (fetching && !data) return <p role="status">Chargement…</p>;
  if (!data)
    return (
      <p className="error" role="alert">
        {error ? failedToLoad : ''}
      </p>
    );
  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">Toutes les rubriques de l’aide</h2>
      <ul className="cards">
        {data.helpCategories.map((c) => (
          <li key={c.slug} className="card">
            <h3>
              <Link to={c.target}>{c.title}</Link>
            </h3>
            <p>{c.description}</p>
            <p className="muted note">
              {c.articles.length} article{c.articles.length > 1 ? 's' : ''}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One category and its articles; an address of the former form `/aide/<article>` opens the article. */
function Category({ slug }: { slug: string }) {
  const [{ data, error, fetching }] = useQuery({ query: CategoryQuery, variables: { slug } });
  if (fetching && !data) return <p role="status">Chargement…</p>;
  const category = data?.helpCategory;
  if (!category)
    return (
      <p className="error" role="alert">
        {error ? failedToLoad : ''}
      </p>
    );
  if (!('slug' in category)) return <Article slug={slug} />;
  return (
    <section className="stack" aria-labelledby="category-title">
      <p>
        <Link to="/aide">Toutes les rubriques</Link>
      </p>
      <h2 id="category-title">{category.title}</h2>
      <p>{category.description}</p>
      <ul className="lines">
        {category.articles.map((a) => (
          <li key={a.slug}>
            <Link to={a.target}>{a.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A help article with its category and the articles to read next. */
function Article({ slug }: { slug: string }) {
  const [{ data, error, fetching }] = useQuery({ query: ArticleQuery, variables: { slug } });
  if (fetching && !data) return <p role="status">Chargement…</p>;
  const article = data?.helpArticle;
  if (!article || !('slug' in article))
    return (
      <p className={error ? 'error' : ''} role={error ? 'alert' : 'status'}>
        {error ? 'Cet article n’a pas pu être chargé. Réessayez dans un instant.' : 'Cet article n’existe pas ou plus.'}
      </p>
    );
  return (
    <>
      <p>
        <Link to="/aide">Aide</Link> › <Link to={article.category.target}>{article.category.title}</Link>
      </p>
      <article className="card stack" aria-labelledby="article-title">
        <h2 id="article-title">{article.title}</h2>
        {article.body.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </article>
      {article.related.length > 0 && (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">À lire aussi</h2>
          <ul className="lines">
            {article.related.map((r) => (
              <li key={r.slug}>
                <Link to={r.target}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function Help() {
  const { categorySlug, articleSlug } = useParams();
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const home = !categorySlug && !articleSlug;
  return (
    <>
      <h1 tabIndex={-1}>{home ? 'Recherche et aide' : 'Aide'}</h1>
      {home && <p>Cherchez avec la barre de recherche en haut de la page, ou parcourez l’aide par rubrique.</p>}
      {home && !query && (
        <>
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
          <Categories />
        </>
      )}
      {articleSlug ? (
        <Article slug={articleSlug} />
      ) : categorySlug ? (
        <Category slug={categorySlug} />
      ) : (
        query && <Results query={query} />
      )}
    </>
  );
}
