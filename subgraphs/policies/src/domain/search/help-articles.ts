// The help centre: articles written for this customer space, grouped by category (help/categories.ts), browsable
// at `/aide/<category>` and `/aide/article/<slug>`, and searchable next to the customer's own file. The text is plain
// French; each sentence is one array item so diffs stay readable.
import { ASSISTANCE_ARTICLES } from './help/assistance.ts';
import { BROWSER_ARTICLES } from './help/browsers.ts';
import { HELP_CATEGORIES, type HelpCategoryInfo, type HelpCategoryKey } from './help/categories.ts';
import { CLAIM_ARTICLES } from './help/claims.ts';
import { CONTRACT_ARTICLES } from './help/contract.ts';
import { DEVICE_ARTICLES } from './help/devices.ts';
import { DOCUMENT_ARTICLES } from './help/documents.ts';
import { MOVING_ARTICLES } from './help/moving.ts';
import { NOTIFICATION_ARTICLES } from './help/notifications.ts';
import { PAYMENT_ARTICLES } from './help/payments.ts';
import { PRIVACY_ARTICLES } from './help/privacy.ts';
import { SIGN_IN_ARTICLES } from './help/sign-in.ts';
import { SYSTEM_ARTICLES } from './help/systems.ts';
import { buildIndex, type SearchDoc, type SearchIndex, search } from './index.ts';

export { HELP_CATEGORIES, type HelpCategoryInfo, type HelpCategoryKey };

export interface HelpArticle {
  /** Stable identifier and last segment of the article's address, `/aide/article/<slug>`. */
  slug: string;
  title: string;
  /** The article, one sentence per item. */
  body: readonly string[];
  keywords?: readonly string[];
  /** Slugs of articles to read next, before those the search finds alike. */
  related?: readonly string[];
  /** The same question for another browser, system or device (see SearchDoc.family). */
  family?: string;
}

const BY_CATEGORY: Record<HelpCategoryKey, readonly HelpArticle[]> = {
  SIGN_IN: SIGN_IN_ARTICLES,
  CONTRACT: CONTRACT_ARTICLES,
  MOVING: MOVING_ARTICLES,
  CLAIMS: CLAIM_ARTICLES,
  PAYMENTS: PAYMENT_ARTICLES,
  DOCUMENTS: DOCUMENT_ARTICLES,
  PRIVACY: PRIVACY_ARTICLES,
  NOTIFICATIONS: NOTIFICATION_ARTICLES,
  ASSISTANCE: ASSISTANCE_ARTICLES,
  BROWSERS: BROWSER_ARTICLES,
  SYSTEMS: SYSTEM_ARTICLES,
  DEVICES: DEVICE_ARTICLES,
};

export type CategorisedArticle = HelpArticle & { category: HelpCategoryKey };

const NBSP = '\u00a0';

/**
 * French typography, so the sources can be typed with ordinary spaces: a no-break space before « : ; ? ! » and inside
 * guillemets, so a colon or a closing guillemet never starts a line.
 */
export function typeset(text: string): string {
  return text.replace(/ ([:;?!»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`);
}

/** Every article with its category, in help-centre order. */
export const HELP_ARTICLES: readonly CategorisedArticle[] = HELP_CATEGORIES.flatMap(({ key }) =>
  BY_CATEGORY[key].map((a) => ({ ...a, title: typeset(a.title), body: a.body.map(typeset), category: key })),
);

const BY_SLUG = new Map(HELP_ARTICLES.map((a) => [a.slug, a]));

export const helpTarget = (slug: string) => `/aide/article/${slug}`;

export const helpArticleBySlug = (slug: string): CategorisedArticle | undefined => BY_SLUG.get(slug);

export const articlesOf = (category: HelpCategoryKey): readonly CategorisedArticle[] =>
  HELP_ARTICLES.filter((a) => a.category === category);

export const categoryOf = (key: HelpCategoryKey): HelpCategoryInfo => HELP_CATEGORIES.find((c) => c.key === key)!;

/** The help centre as search pages. */
export function helpDocs(): SearchDoc[] {
  return HELP_ARTICLES.map((a) => ({
    kind: 'ARTICLE',
    id: a.slug,
    title: a.title,
    body: a.body.join(' '),
    target: helpTarget(a.slug),
    ...(a.keywords ? { keywords: [...a.keywords] } : {}),
    ...(a.family ? { family: a.family } : {}),
  }));
}

let shared: SearchIndex | undefined;

/** The help-centre index, built on first use and then shared by every request. */
export function helpIndex(): SearchIndex {
  shared ??= buildIndex(helpDocs());
  return shared;
}

/** How many related articles an article page offers. */
export const RELATED_COUNT = 4;
const relatedCache = new Map<string, readonly CategorisedArticle[]>();

/**
 * The articles to read next: those the article names, then the ones the search finds closest to its title (the
 * same engine, so « vider le cache de Safari » leads to the other browsers' and to the display problems). Computed
 * once per article.
 */
export function relatedArticles(article: CategorisedArticle): readonly CategorisedArticle[] {
  const cached = relatedCache.get(article.slug);
  if (cached) return cached;
  const named = (article.related ?? []).flatMap((slug) => BY_SLUG.get(slug) ?? []);
  const found = search(helpIndex(), article.title, RELATED_COUNT * 2 + 1).flatMap((h) => BY_SLUG.get(h.id) ?? []);
  const seen = new Set([article.slug]);
  const related = [...named, ...found].filter((a) => !seen.has(a.slug) && seen.add(a.slug)).slice(0, RELATED_COUNT);
  relatedCache.set(article.slug, related);
  return related;
}
