// Search for the signed-in customer: their contract, guarantees and documents (indexed per request: a few dozen
// pages) with the help centre (indexed once), scored together. The whole file adds the claims and payments pages
// the claims and payments subgraphs build about the data they own (`Customer.search` requires them through the
// gateway): this subgraph never reads their tables.

import { type Identity, isCustomer } from '@abri/platform';
import { frenchDate } from '@abri/platform/french';
import type { SearchPage } from '@abri/platform/kit';
import type { PoliciesApp } from '../context.ts';
import { contractDoc, documentDoc, guaranteeDoc, ownedPageDoc } from '../domain/search/customer-docs.ts';
import { helpIndex } from '../domain/search/help-articles.ts';
import { buildIndex, type SearchDoc, type SearchHit, search } from '../domain/search/index.ts';

const DESCRIPTIONS = {
  ATTESTATION:
    'Attestation d’assurance habitation à remettre au propriétaire, au bailleur ou à la banque ; son QR code se vérifie en ligne.',
  CERTIFICATE: 'Certificat de garanties : plafonds, franchises et exclusions de chaque garantie.',
  AVENANT: 'Avenant : ce qui a changé dans le contrat, la nouvelle prime et le montant au prorata.',
  GENERAL_CONDITIONS:
    'Conditions générales : comment fonctionne le contrat, déclarations de sinistre, paiement, résiliation.',
  PARTICULAR_CONDITIONS:
    'Conditions particulières : votre logement tel que déclaré, vos garanties, options, franchise et cotisation.',
} as const;

/** The pages of the customer's contracts, guarantees and documents (this subgraph's own data). */
async function ownPages(app: PoliciesApp, customerId: string): Promise<SearchDoc[]> {
  const [policies, documents] = await Promise.all([
    app.prisma.policy.findMany({ where: { customerId }, include: { guarantees: true, dwelling: true } }),
    app.prisma.document.findMany({
      where: { customerId },
      omit: { content: true },
      include: { policy: { select: { number: true } } },
      orderBy: { createdAt: 'desc' },
    }),
  ]);
  return [
    ...policies.map((p) => contractDoc(p, '/contrat')),
    ...policies.flatMap((p) => p.guarantees.map((g) => guaranteeDoc(g, `/contrats/${p.id}/garanties/${g.code}`))),
    ...documents.map((d) =>
      documentDoc({
        key: d.id,
        title: d.title,
        // What the document states besides its kind: its number, date and contract, as printed on it.
        description: `${DESCRIPTIONS[d.kind]} Document n° ${d.number} du ${frenchDate(d.createdAt)}, contrat n° ${d.policy.number}.`,
        target: `/documents/${d.id}`,
      }),
    ),
  ];
}

/** `Query.search`: the help centre, and the customer's contract, guarantees and documents when signed in. */
export async function searchFor(
  app: PoliciesApp,
  who: Identity | null,
  query: string,
  first: number,
): Promise<SearchHit[]> {
  if (!isCustomer(who)) return search(helpIndex(), query, first);
  return search([helpIndex(), buildIndex(await ownPages(app, who.sub))], query, first);
}

/** What the claims and payments subgraphs gave about the customer (their `Customer.*SearchPages`). */
export interface OwnedPages {
  claims: readonly SearchPage[];
  payments: readonly SearchPage[];
}

/** `Customer.search`: the whole file (the caller checked the access to `customerId`) with the help centre. */
export async function searchFile(
  app: PoliciesApp,
  customerId: string,
  owned: OwnedPages,
  query: string,
  first: number,
): Promise<SearchHit[]> {
  const own = buildIndex([
    ...(await ownPages(app, customerId)),
    ...owned.claims.map((p) => ownedPageDoc('CLAIM', p)),
    ...owned.payments.map((p) => ownedPageDoc('PAYMENT', p)),
  ]);
  return search([helpIndex(), own], query, first);
}
