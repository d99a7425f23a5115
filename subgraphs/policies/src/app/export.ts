// This subgraph's part of a customer's data export (issue 15.4, platform/src/privacy/export.ts): their contracts,
// homes, guarantees, versions, quotes and document records, sorted by the register, plus every document issued to
// them as the PDF they received.
import { type ExportPart, exportPart } from '@abri/platform';
import { policiesRegister } from '../../../../prisma/policies/personal-data.ts';
import type { PoliciesApp } from '../context.ts';

export async function policiesExport(app: PoliciesApp, customerId: string): Promise<ExportPart> {
  const policies = await app.prisma.policy.findMany({ where: { customerId }, orderBy: { number: 'asc' } });
  const policyId = { in: policies.map((p) => p.id) };
  const [dwellings, guarantees, versions, quotes, documents] = await Promise.all([
    app.prisma.dwelling.findMany({ where: { policyId } }),
    app.prisma.guarantee.findMany({ where: { policyId } }),
    app.prisma.policyVersion.findMany({ where: { policyId }, orderBy: [{ policyId: 'asc' }, { version: 'asc' }] }),
    app.prisma.quote.findMany({ where: { customerId }, orderBy: { createdAt: 'asc' } }),
    app.prisma.document.findMany({ where: { customerId }, orderBy: { createdAt: 'asc' } }),
  ]);
  return exportPart(
    policiesRegister,
    {
      Policy: policies,
      Dwelling: dwellings,
      Guarantee: guarantees,
      PolicyVersion: versions,
      Quote: quotes,
      Document: documents,
    },
    documents.map((d) => ({
      name: `documents/${d.number}.pdf`,
      contentBase64: Buffer.from(d.content).toString('base64'),
    })),
  );
}
