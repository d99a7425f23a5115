// Search for the signed-in customer: their guarantees and documents (indexed per request: a few dozen pages) with
// the help centre (indexed once), scored together.
import { type Identity, isCustomer } from '@abri/platform';
import type { PoliciesApp } from '../context.ts';
import { documentDoc, guaranteeDoc } from '../domain/search/customer-docs.ts';
import { helpIndex } from '../domain/search/help-articles.ts';
import { buildIndex, type SearchHit, search } from '../domain/search/index.ts';

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

export async function searchFor(
  app: PoliciesApp,
  who: Identity | null,
  query: string,
  first: number,
): Promise<SearchHit[]> {
  if (!isCustomer(who)) return search(helpIndex(), query, first);
  const [policies, documents] = await Promise.all([
    app.prisma.policy.findMany({ where: { customerId: who.sub }, include: { guarantees: true } }),
    app.prisma.document.findMany({
      where: { customerId: who.sub },
      omit: { content: true },
      orderBy: { createdAt: 'desc' },
    }),
  ]);
  const own = buildIndex([
    ...policies.flatMap((p) => p.guarantees.map((g) => guaranteeDoc(g, `/contrats/${p.id}/garanties/${g.code}`))),
    ...documents.map((d) =>
      documentDoc({ key: d.id, title: d.title, description: DESCRIPTIONS[d.kind], target: `/documents/${d.id}` }),
    ),
  ]);
  return search([helpIndex(), own], query, first);
}
