// This subgraph's part of a customer's data export (issue 15.4, platform/src/privacy/export.ts): their claims, each
// status change, the attachments' descriptions and the copy of contract terms kept for claims, sorted by the register.
import { type ExportPart, exportPart } from '@abri/platform';
import { claimsRegister } from '../../../../prisma/claims/personal-data.ts';
import type { ClaimsApp } from '../context.ts';

export async function claimsExport(app: ClaimsApp, customerId: string): Promise<ExportPart> {
  const claims = await app.prisma.claim.findMany({ where: { customerId }, orderBy: { declaredAt: 'asc' } });
  const claimId = { in: claims.map((c) => c.id) };
  const [changes, attachments, terms, actions] = await Promise.all([
    app.prisma.claimStatusChange.findMany({ where: { claimId }, orderBy: { at: 'asc' } }),
    app.prisma.attachment.findMany({ where: { claimId }, orderBy: { createdAt: 'asc' } }),
    app.prisma.policyTerms.findMany({ where: { customerId } }),
    app.prisma.staffAction.findMany({ where: { claimId }, orderBy: { at: 'asc' } }),
  ]);
  return exportPart(claimsRegister, {
    Claim: claims,
    ClaimStatusChange: changes,
    Attachment: attachments,
    PolicyTerms: terms,
    StaffAction: actions,
  });
}
