// The help centre, browsable: its categories with their articles, and one article by its slug with the articles to
// read next. Public like the general conditions (no sign-in: a customer who cannot sign in needs it most) and cheap:
// everything is in memory, built once.

import { builder } from '../builder.ts';
import {
  articlesOf,
  type CategorisedArticle,
  categoryOf,
  HELP_CATEGORIES,
  type HelpCategoryInfo,
  helpArticleBySlug,
  helpTarget,
  relatedArticles,
} from '../domain/search/help-articles.ts';
import { ErrorInterface, type Typed } from './error.ts';

const categoryTarget = (slug: string) => `/aide/${slug}`;

const HelpCategoryRef = builder.objectRef<HelpCategoryInfo>('HelpCategory');
const HelpArticleRef = builder.objectRef<CategorisedArticle>('HelpArticle');

HelpCategoryRef.implement({
  description: 'A category of the help centre: a feature of the customer space, or the browsers, systems and devices.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier, the last segment of `target`.' }),
    title: t.exposeString('title', { description: 'French title.' }),
    description: t.exposeString('description', { description: 'What the category covers, one French sentence.' }),
    target: t.string({ description: 'Where the web portal shows it.', resolve: (c) => categoryTarget(c.slug) }),
    articles: t.field({
      type: [HelpArticleRef],
      description: 'Its articles, in help-centre order.',
      resolve: (c) => articlesOf(c.key),
    }),
  }),
});

HelpArticleRef.implement({
  description: 'A help-centre article, in French.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier, the last segment of `target`.' }),
    title: t.exposeString('title'),
    body: t.stringList({ description: 'The article’s paragraphs, in order.', resolve: (a) => [...a.body] }),
    target: t.string({ description: 'Where the web portal shows it.', resolve: (a) => helpTarget(a.slug) }),
    category: t.field({ type: HelpCategoryRef, resolve: (a) => categoryOf(a.category) }),
    related: t.field({
      type: [HelpArticleRef],
      description: 'Articles to read next: those the article names, then the closest ones.',
      resolve: (a) => [...relatedArticles(a)],
    }),
  }),
});

type NotFound<N extends string> = Typed<N, { message: string; slug: string }>;

const HelpArticleNotFound = builder.objectRef<NotFound<'HelpArticleNotFound'>>('HelpArticleNotFound').implement({
  description: 'No article has this slug (it may have been renamed or removed).',
  interfaces: [ErrorInterface],
  fields: (t) => ({ slug: t.exposeString('slug', { description: 'The slug asked for.' }) }),
});
const HelpCategoryNotFound = builder.objectRef<NotFound<'HelpCategoryNotFound'>>('HelpCategoryNotFound').implement({
  description: 'No category has this slug.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ slug: t.exposeString('slug', { description: 'The slug asked for.' }) }),
});

const HelpArticleResult = builder.unionType('HelpArticleResult', {
  description: 'An article, or why there is none.',
  types: [HelpArticleRef, HelpArticleNotFound],
  resolveType: (v) => ('__typename' in v ? v.__typename : 'HelpArticle'),
});
const HelpCategoryResult = builder.unionType('HelpCategoryResult', {
  description: 'A category, or why there is none.',
  types: [HelpCategoryRef, HelpCategoryNotFound],
  resolveType: (v) => ('__typename' in v ? v.__typename : 'HelpCategory'),
});

/** Slugs are short lowercase words joined by hyphens; anything else is not looked up. */
const SLUG = /^[a-z0-9-]{1,80}$/;

builder.queryField('helpCategories', (t) =>
  t.field({
    type: [HelpCategoryRef],
    description: 'The help centre’s categories, in order. Public.',
    resolve: () => [...HELP_CATEGORIES],
  }),
);

builder.queryField('helpCategory', (t) =>
  t.field({
    type: HelpCategoryResult,
    description: 'One category of the help centre by its slug, with its articles. Public.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (_r, { slug }) =>
      (SLUG.test(slug) && HELP_CATEGORIES.find((c) => c.slug === slug)) || {
        __typename: 'HelpCategoryNotFound' as const,
        message: 'Cette rubrique de l’aide n’existe pas.',
        slug,
      },
  }),
);

builder.queryField('helpArticle', (t) =>
  t.field({
    type: HelpArticleResult,
    description: 'One help-centre article by its slug, with its category and related articles. Public.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (_r, { slug }) =>
      (SLUG.test(slug) && helpArticleBySlug(slug)) || {
        __typename: 'HelpArticleNotFound' as const,
        message: 'Cet article de l’aide n’existe pas ou plus.',
        slug,
      },
  }),
);
