// The relevé d'information: requested by the customer for one of their contracts, issued at once, listed on the
// customer and downloaded as a PDF (app/statement.ts).
import { issueClaimsStatement } from '../app/statement.ts';
import { builder } from '../builder.ts';
import { CustomerRef } from './claim.ts';
import { ErrorInterface } from './error.ts';

builder.prismaObject('ClaimsStatement', {
  description:
    'A relevé d’information: the contract’s claims over the last five years, for a new insurer, as issued (PDF).',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number', { description: 'Printed on every page (RI-2026-…).' }),
    policyId: t.exposeID('policyId'),
    issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
    sizeBytes: t.exposeInt('sizeBytes'),
    downloadUrl: t.string({
      description:
        'GET it from the gateway with the Authorization header, or from a plain link signed for a minute by POST /download-links { path } (browsers): the PDF, for its owner only.',
      select: { id: true },
      resolve: (s) => `/claims-statements/${s.id}`,
    }),
  }),
});

builder.objectField(CustomerRef, 'claimsStatements', (t) =>
  t
    .withAuth((customer) => ({ customerFile: { customerId: customer.id, what: 'Relevés d’information' } }))
    .prismaField({
      type: ['ClaimsStatement'],
      description: 'The relevés d’information issued to the customer, newest first.',
      resolve: async (query, customer, _a, ctx) => {
        return ctx.app.prisma.claimsStatement.findMany({
          ...query,
          where: { customerId: customer.id },
          orderBy: { issuedAt: 'desc' },
        });
      },
    }),
);

type Issued = { __typename: 'ClaimsStatementIssued'; statementId: string };
type NotFound = { __typename: 'ClaimsStatementPolicyNotFound'; message: string };
const ClaimsStatementIssued = builder.objectRef<Issued>('ClaimsStatementIssued').implement({
  description: 'The statement is issued: download it from its downloadUrl.',
  fields: (t) => ({
    statement: t.prismaField({
      type: 'ClaimsStatement',
      resolve: (query, r, _a, ctx) =>
        ctx.app.prisma.claimsStatement.findUniqueOrThrow({ ...query, where: { id: r.statementId } }),
    }),
  }),
});
const ClaimsStatementPolicyNotFound = builder.objectRef<NotFound>('ClaimsStatementPolicyNotFound').implement({
  description: 'No such contract among the customer’s.',
  interfaces: [ErrorInterface],
});
const RequestClaimsStatementResult = builder.unionType('RequestClaimsStatementResult', {
  description: 'The outcome of a request for a relevé d’information.',
  types: [ClaimsStatementIssued, ClaimsStatementPolicyNotFound],
  resolveType: (v) => v.__typename,
});

builder.mutationField('requestClaimsStatement', (t) =>
  t.withAuth({ customer: true }).field({
    type: RequestClaimsStatementResult,
    description:
      'Issues the relevé d’information of one of the customer’s contracts (current or ended): the claims of the last five years, sealed by the insurer.',
    args: { policyId: t.arg.id({ required: true }) },
    resolve: async (_r, { policyId }, ctx): Promise<Issued | NotFound> => {
      const outcome = await issueClaimsStatement(ctx.app, ctx.who.sub, String(policyId));
      return outcome.kind === 'issued'
        ? { __typename: 'ClaimsStatementIssued', statementId: outcome.statementId }
        : { __typename: 'ClaimsStatementPolicyNotFound', message: 'Contrat introuvable.' };
    },
  }),
);
