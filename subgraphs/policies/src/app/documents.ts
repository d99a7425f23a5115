// Issuing documents (kept as issued: a document is evidence) and serving them to their owner only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { canAccessCustomer, type Identity } from '@abri/platform';
import { parisDay } from '@abri/platform/french';
import { documentNumber } from '@abri/platform/pdf';
import type { DocumentKind, Prisma } from '../../../../prisma/policies/generated/prisma/client.ts';
import type { PoliciesApp } from '../context.ts';
import { attestationPdf } from '../documents/attestation-pdf.ts';
import {
  type AttestationFacts,
  attestationUrl,
  signAttestation,
  verifyAttestation,
} from '../documents/attestation-token.ts';
import { certificatePdf } from '../documents/certificate-pdf.ts';
import { generalConditionsPdf } from '../documents/general-conditions-pdf.ts';

type Db = PoliciesApp['prisma'] | Prisma.TransactionClient;

/** The prefix of each kind's document numbers. */
const NUMBER_PREFIX: Record<DocumentKind, string> = {
  ATTESTATION: 'ATT',
  CERTIFICATE: 'CER',
  AVENANT: 'AVE',
  GENERAL_CONDITIONS: 'CGE',
};

/** A fresh number for a document of `kind` issued at `at`, to print on it and store with it. */
export const numberFor = (kind: DocumentKind, at: Date) => documentNumber(NUMBER_PREFIX[kind], at);

export async function storeDocument(
  db: Db,
  doc: {
    policyId: string;
    customerId: string;
    kind: DocumentKind;
    /** The number printed on it (`numberFor`). */
    number: string;
    title: string;
    content: Buffer;
    at: Date;
  },
) {
  return db.document.create({
    data: {
      policyId: doc.policyId,
      customerId: doc.customerId,
      kind: doc.kind,
      number: doc.number,
      title: doc.title,
      content: new Uint8Array(doc.content),
      sizeBytes: doc.content.length,
      createdAt: doc.at,
    },
    omit: { content: true },
  });
}

/** The current period of a policy: the year ending at its renewal date. */
export function currentPeriod(policy: { renewalDate: Date }): { start: Date; end: Date } {
  const end = policy.renewalDate;
  const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate()));
  return { start, end };
}

const policyWithTerms = (app: PoliciesApp, policyId: string) =>
  app.prisma.policy.findUnique({
    where: { id: policyId },
    include: { dwelling: true, guarantees: { orderBy: { code: 'asc' } } },
  });

export type IssueOutcome = { kind: 'issued'; documentId: string } | { kind: 'notFound' } | { kind: 'notActive' };

/** A fresh attestation for the current period, its QR code signed with the attestation key. */
export async function issueAttestation(
  app: PoliciesApp,
  policyId: string,
  who: Identity | null,
): Promise<IssueOutcome> {
  const policy = await policyWithTerms(app, policyId);
  if (!policy?.dwelling || !canAccessCustomer(who, policy.customerId)) return { kind: 'notFound' };
  if (policy.status !== 'ACTIVE') return { kind: 'notActive' };
  const now = app.clock.now();
  const period = currentPeriod(policy);
  const d = policy.dwelling;
  const facts = {
    contractNumber: policy.number,
    holder: policy.holderName,
    address: `${d.addressLine}, ${d.postalCode} ${d.city}`,
    occupancy: d.occupancy,
    residence: d.residence,
    periodStart: period.start,
    periodEnd: new Date(period.end.getTime() - 86_400_000),
    issuedAt: now,
    policyVersion: policy.version,
  };
  const token = await signAttestation(facts, app.attestationKey);
  const number = numberFor('ATTESTATION', now);
  const content = await attestationPdf({
    insurer: app.insurer,
    documentNumber: number,
    facts,
    guarantees: policy.guarantees,
    qrText: attestationUrl(app.publicUrl, token),
  });
  const doc = await storeDocument(app.prisma, {
    policyId,
    customerId: policy.customerId,
    kind: 'ATTESTATION',
    number,
    title: `Attestation d’assurance habitation ${parisDay(now).getUTCFullYear()}`,
    content,
    at: now,
  });
  return { kind: 'issued', documentId: doc.id };
}

/** Certificate of guarantees and general conditions, issued with a contract (and after each amendment). */
export async function issueContractDocuments(app: PoliciesApp, policyId: string): Promise<void> {
  const policy = await policyWithTerms(app, policyId);
  if (!policy?.dwelling) return;
  const now = app.clock.now();
  const period = currentPeriod(policy);
  const d = policy.dwelling;
  const certificateNumber = numberFor('CERTIFICATE', now);
  const certificate = await certificatePdf({
    insurer: app.insurer,
    documentNumber: certificateNumber,
    contractNumber: policy.number,
    holder: policy.holderName,
    address: `${d.addressLine}, ${d.postalCode} ${d.city}`,
    periodStart: period.start,
    periodEnd: new Date(period.end.getTime() - 86_400_000),
    issuedAt: now,
    guarantees: policy.guarantees,
  });
  await storeDocument(app.prisma, {
    policyId,
    customerId: policy.customerId,
    kind: 'CERTIFICATE',
    number: certificateNumber,
    title: `Certificat de garanties (version ${policy.version})`,
    content: certificate,
    at: now,
  });
  if (!(await app.prisma.document.count({ where: { policyId, kind: 'GENERAL_CONDITIONS' } }))) {
    const number = numberFor('GENERAL_CONDITIONS', now);
    await storeDocument(app.prisma, {
      policyId,
      customerId: policy.customerId,
      kind: 'GENERAL_CONDITIONS',
      number,
      title: 'Conditions générales',
      content: await generalConditionsPdf({ insurer: app.insurer, documentNumber: number }),
      at: now,
    });
  }
}

export type AttestationCheck =
  | { status: 'TAMPERED' }
  | { status: 'VALID' | 'EXPIRED' | 'NOT_YET_VALID' | 'CONTRACT_ENDED' | 'COVER_SUSPENDED'; facts: AttestationFacts };

/**
 * What a third party scanning the QR code learns: whether it is authentic, for whom and which period, and whether
 * it still holds today (period, contract ended, cover suspended).
 */
export async function checkAttestation(app: PoliciesApp, token: string): Promise<AttestationCheck> {
  if (token.length > 2000) return { status: 'TAMPERED' };
  const verdict = await verifyAttestation(token, app.attestationKeys);
  if (verdict.status !== 'AUTHENTIC') return { status: 'TAMPERED' };
  const { facts } = verdict;
  const policy = await app.prisma.policy.findUnique({ where: { number: facts.contractNumber } });
  const now = app.clock.now();
  if (!policy || policy.status === 'TERMINATED' || (policy.endedAt && policy.endedAt <= now))
    return { status: 'CONTRACT_ENDED', facts };
  if (policy.status === 'SUSPENDED') return { status: 'COVER_SUSPENDED', facts };
  const today = parisDay(now);
  if (today < facts.periodStart) return { status: 'NOT_YET_VALID', facts };
  if (today > facts.periodEnd) return { status: 'EXPIRED', facts };
  return { status: 'VALID', facts };
}

/** GET /documents/<id> (signed by the gateway): the PDF, to its owner or staff; anyone else gets 404. */
export function documentDownload(app: PoliciesApp) {
  return async (req: IncomingMessage, res: ServerResponse, who: Identity | null) => {
    const id = (req.url ?? '').split('/').pop() ?? '';
    // Ownership first, bytes after: a refused request never loads a PDF.
    const meta = await app.prisma.document
      .findUnique({ where: { id }, select: { customerId: true } })
      .catch(() => null);
    const doc =
      meta && canAccessCustomer(who, meta.customerId) ? await app.prisma.document.findUnique({ where: { id } }) : null;
    if (!doc) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Document not found.', extensions: { code: 'NOT_FOUND' } }] }));
      return;
    }
    const filename = `${doc.title
      .normalize('NFD')
      .replace(/[^\w -]+/g, '')
      .replace(/\s+/g, '-')}.pdf`;
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(doc.content.length),
      'content-disposition': `attachment; filename="${filename}"`,
    });
    res.end(Buffer.from(doc.content));
  };
}
