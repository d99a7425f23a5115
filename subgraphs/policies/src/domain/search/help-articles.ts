// The help centre: articles written for this customer space, grouped by theme, searchable next to the customer's own
// guarantees and documents. The text is plain French; each sentence is one array item so diffs stay readable.
import { BROWSER_ARTICLES } from './help/browsers.ts';
import { CLAIM_ARTICLES } from './help/claims.ts';
import { CONTRACT_ARTICLES } from './help/contract.ts';
import { DOCUMENT_ARTICLES } from './help/documents.ts';
import { PAYMENT_ARTICLES } from './help/payments.ts';
import { PRIVACY_ARTICLES } from './help/privacy.ts';
import { SIGN_IN_ARTICLES } from './help/sign-in.ts';
import { buildIndex, type SearchDoc, type SearchIndex } from './index.ts';

export const HelpCategory = {
  SIGN_IN: 'SIGN_IN',
  BROWSERS: 'BROWSERS',
  DOCUMENTS: 'DOCUMENTS',
  CLAIMS: 'CLAIMS',
  PAYMENTS: 'PAYMENTS',
  PRIVACY: 'PRIVACY',
  CONTRACT: 'CONTRACT',
} as const;
export type HelpCategory = (typeof HelpCategory)[keyof typeof HelpCategory];

export interface HelpArticle {
  /** Stable identifier and last segment of the article's address, `/aide/<slug>`. */
  slug: string;
  title: string;
  /** The article, one sentence per item. */
  body: readonly string[];
  keywords?: readonly string[];
}

const BY_CATEGORY: Record<HelpCategory, readonly HelpArticle[]> = {
  SIGN_IN: SIGN_IN_ARTICLES,
  BROWSERS: BROWSER_ARTICLES,
  DOCUMENTS: DOCUMENT_ARTICLES,
  CLAIMS: CLAIM_ARTICLES,
  PAYMENTS: PAYMENT_ARTICLES,
  PRIVACY: PRIVACY_ARTICLES,
  CONTRACT: CONTRACT_ARTICLES,
};

/** Every article with its category, in help-centre order. */
export const HELP_ARTICLES: readonly (HelpArticle & { category: HelpCategory })[] = Object.entries(BY_CATEGORY).flatMap(
  ([category, articles]) => articles.map((a) => ({ ...a, category: category as HelpCategory })),
);

export const helpTarget = (slug: string) => `/aide/${slug}`;

/** The help centre as search pages. */
export function helpDocs(): SearchDoc[] {
  return HELP_ARTICLES.map((a) => ({
    kind: 'ARTICLE',
    id: a.slug,
    title: a.title,
    body: a.body.join(' '),
    target: helpTarget(a.slug),
    ...(a.keywords ? { keywords: [...a.keywords] } : {}),
  }));
}

let shared: SearchIndex | undefined;

/** The help-centre index, built on first use and then shared by every request. */
export function helpIndex(): SearchIndex {
  shared ??= buildIndex(helpDocs());
  return shared;
}
