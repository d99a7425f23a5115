// Issuing documents (kept as issued: a document is evidence) and serving them to their owner only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  canAccessCustomer,
  Events,
  type Identity,
  isStaff,
  mayActOn,
  recordStaffAccess,
  StaffAccessKind,
} from '@abri/platform';
import { NBSP, parisDay } from '@abri/platform/french';
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
import { type CertificatePdfInput, certificatePdf, type LenderClause } from '../documents/certificate-pdf.ts';
import { GENERAL_CONDITIONS_VERSION, generalConditionsPdf } from '../documents/general-conditions-pdf.ts';
import { particularConditionsPdf } from '../documents/particular-conditions-pdf.ts';
import { buildingCeilingCents, contentsCapitalCents } from '../domain/pricing.ts';

/** The prefix of each kind's document numbers. */
const NUMBER_PREFIX: Record<DocumentKind, string> = {
  ATTESTATION: 'ATT',
  CERTIFICATE: 'CER',
  AVENANT: 'AVE',
  GENERAL_CONDITIONS: 'CGE',
  PARTICULAR_CONDITIONS: 'CPA',
};

/** A fresh number for a document of `kind` issued at `at`, to print on it and store with it. */
export const numberFor = (kind: DocumentKind, at: Date) => documentNumber(NUMBER_PREFIX[kind], at);

/**
 * Stores an issued document and announces it on the customer's stream (`policies.documentIssued`, issue 14), in one
 * transaction: within `tx` when the document is part of a larger change (an avenant), in its own otherwise.
 */
export async function storeDocument(
  app: PoliciesApp,
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
  tx?: Prisma.TransactionClient,
) {
  const store = async (db: Prisma.TransactionClient) => {
    const stored = await db.document.create({
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
    await app.outbox.add(db, Events.documentIssued, {
      customerId: doc.customerId,
      payload: { documentId: stored.id, policyId: doc.policyId, kind: doc.kind },
      at: doc.at,
    });
    return stored;
  };
  if (tx) return store(tx);
  const stored = await app.prisma.$transaction(store);
  app.outbox.kick();
  return stored;
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

/** The insured address as a version's snapshot holds it, written as attestations print it. */
function addressAt(snapshot: unknown): string {
  const s = snapshot as { dwelling: { postalCode: string }; address: { addressLine: string; city: string } };
  return `${s.address.addressLine}, ${s.dwelling.postalCode} ${s.address.city}`;
}

const versionsOf = (app: PoliciesApp, policyId: string) =>
  app.prisma.policyVersion.findMany({
    where: { policyId },
    orderBy: { version: 'asc' },
    select: { version: true, effectiveFrom: true, snapshot: true },
  });

/**
 * The day the current address became the insured one: the effective date of the move that brought it, or null when
 * the contract has covered it from the start.
 */
async function currentAddressSince(app: PoliciesApp, policyId: string): Promise<Date | null> {
  const versions = await versionsOf(app, policyId);
  const current = versions.at(-1);
  if (!current) return null;
  const address = addressAt(current.snapshot);
  let since = current;
  for (const v of versions.toReversed()) {
    if (addressAt(v.snapshot) !== address) return since.effectiveFrom;
    since = v;
  }
  return null;
}

/**
 * When an attestation issued at `version` for `address` stopped describing the insured home: the effective date of
 * the first later version that moved the contract elsewhere, or null.
 */
async function supersededOn(app: PoliciesApp, policyId: string, version: number, address: string) {
  const later = (await versionsOf(app, policyId)).filter((v) => v.version > version);
  return later.find((v) => addressAt(v.snapshot) !== address)?.effectiveFrom ?? null;
}

export type IssueOutcome = { kind: 'issued'; documentId: string } | { kind: 'notFound' } | { kind: 'notActive' };

/** A fresh attestation for the current period, its QR code signed with the attestation key. */
export async function issueAttestation(
  app: PoliciesApp,
  policyId: string,
  who: Identity | null,
): Promise<IssueOutcome> {
  const policy = await policyWithTerms(app, policyId);
  if (!policy?.dwelling || !mayActOn(who, policy.customerId, 'contract')) return { kind: 'notFound' };
  if (policy.status !== 'ACTIVE') return { kind: 'notActive' };
  const now = app.clock.now();
  const period = currentPeriod(policy);
  const d = policy.dwelling;
  // After a move, the new address is insured from the move's effective date, not from the start of the year.
  const movedOn = await currentAddressSince(app, policyId);
  const facts = {
    contractNumber: policy.number,
    holder: policy.holderName,
    address: `${d.addressLine}, ${d.postalCode} ${d.city}`,
    occupancy: d.occupancy,
    residence: d.residence,
    periodStart: movedOn && movedOn > period.start ? movedOn : period.start,
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
  const doc = await storeDocument(app, {
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

type PolicyWithTerms = NonNullable<Awaited<ReturnType<typeof policyWithTerms>>>;

/** What a certificate of guarantees prints for the contract as it stands at `now`. */
function certificateInput(
  app: PoliciesApp,
  policy: PolicyWithTerms & { dwelling: NonNullable<PolicyWithTerms['dwelling']> },
  documentNumber: string,
  now: Date,
): CertificatePdfInput {
  const period = currentPeriod(policy);
  const d = policy.dwelling;
  return {
    insurer: app.insurer,
    documentNumber,
    contractNumber: policy.number,
    holder: policy.holderName,
    address: `${d.addressLine}, ${d.postalCode} ${d.city}`,
    periodStart: period.start,
    periodEnd: new Date(period.end.getTime() - 86_400_000),
    issuedAt: now,
    guarantees: policy.guarantees,
    terms: {
      annualPremiumCents: policy.annualPremiumCents,
      startDate: policy.startDate,
      contentsCapitalCents: contentsCapitalCents(d, policy),
      buildingCapitalCents: buildingCeilingCents(d),
      newForOld: policy.options.includes('NEW_FOR_OLD'),
    },
  };
}

/** Why the lender details cannot be printed, field by field; empty when they can. */
export function lenderProblems(lender: LenderClause): { field: keyof LenderClause; message: string }[] {
  const problems: { field: keyof LenderClause; message: string }[] = [];
  const name = lender.name.trim();
  const address = lender.address.trim();
  const reference = lender.loanReference.trim();
  if (name.length < 2 || name.length > 120)
    problems.push({ field: 'name', message: 'Indiquez le nom de l’organisme prêteur (2 à 120 caractères).' });
  if (address.length < 5 || address.length > 200)
    problems.push({ field: 'address', message: 'Indiquez l’adresse du prêteur (5 à 200 caractères).' });
  if (!/^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$/.test(reference))
    problems.push({
      field: 'loanReference',
      message:
        'Indiquez le numéro du prêt tel que l’offre le donne : lettres, chiffres, espaces, « - », « / » ou « . ».',
    });
  return problems;
}

export type LenderOutcome =
  | IssueOutcome
  | { kind: 'invalid'; problems: ReturnType<typeof lenderProblems> }
  /** A tenant's contract insures no building: there is nothing a lender could be paid from. */
  | { kind: 'noBuilding' };

/**
 * The certificate of guarantees a bank asks for when it finances the home: the contract as it stands, with the
 * lender clause (the building indemnities delegated to the lender, and notice before the cover lapses). Issued on
 * request, kept with the contract's documents; the lender's details are printed in the PDF only (sealed like every
 * document), not in its title.
 */
export async function issueLenderCertificate(
  app: PoliciesApp,
  policyId: string,
  who: Identity | null,
  lender: LenderClause,
): Promise<LenderOutcome> {
  const policy = await policyWithTerms(app, policyId);
  if (!policy?.dwelling || !mayActOn(who, policy.customerId, 'contract')) return { kind: 'notFound' };
  const problems = lenderProblems(lender);
  if (problems.length) return { kind: 'invalid', problems };
  if (policy.status !== 'ACTIVE') return { kind: 'notActive' };
  if (buildingCeilingCents(policy.dwelling) === 0) return { kind: 'noBuilding' };
  const now = app.clock.now();
  const number = numberFor('CERTIFICATE', now);
  const trimmed = {
    name: lender.name.trim(),
    address: lender.address.trim(),
    loanReference: lender.loanReference.trim(),
  };
  const content = await certificatePdf({
    ...certificateInput(app, { ...policy, dwelling: policy.dwelling }, number, now),
    lender: trimmed,
  });
  const doc = await storeDocument(app, {
    policyId,
    customerId: policy.customerId,
    kind: 'CERTIFICATE',
    number,
    title: 'Certificat de garanties avec clause en faveur du prêteur',
    content,
    at: now,
  });
  return { kind: 'issued', documentId: doc.id };
}

/**
 * Conditions particulières and certificate of guarantees, issued with a contract and with each version after it;
 * the general conditions with the first.
 */
export async function issueContractDocuments(app: PoliciesApp, policyId: string): Promise<void> {
  const policy = await policyWithTerms(app, policyId);
  if (!policy?.dwelling) return;
  const now = app.clock.now();
  const d = policy.dwelling;
  const version = await app.prisma.policyVersion.findUnique({
    where: { policyId_version: { policyId, version: policy.version } },
    select: { effectiveFrom: true },
  });
  const conditionsNumber = numberFor('PARTICULAR_CONDITIONS', now);
  await storeDocument(app, {
    policyId,
    customerId: policy.customerId,
    kind: 'PARTICULAR_CONDITIONS',
    number: conditionsNumber,
    title: `Conditions particulières (version ${policy.version})`,
    content: await particularConditionsPdf({
      insurer: app.insurer,
      documentNumber: conditionsNumber,
      contractNumber: policy.number,
      version: policy.version,
      effectiveFrom: version?.effectiveFrom ?? policy.startDate,
      holder: policy.holderName,
      startDate: policy.startDate,
      renewalDate: policy.renewalDate,
      dwelling: {
        address: `${d.addressLine}, ${d.postalCode} ${d.city}`,
        type: d.type,
        surfaceM2: d.surfaceM2,
        rooms: d.rooms,
        occupancy: d.occupancy,
        residence: d.residence,
      },
      guarantees: policy.guarantees,
      options: policy.options,
      valuablesCents: policy.valuablesCents,
      contentsCapitalCents: contentsCapitalCents(d, policy),
      buildingCapitalCents: buildingCeilingCents(d),
      deductibleCents: policy.deductibleCents,
      annualPremiumCents: policy.annualPremiumCents,
      paymentFrequency: policy.paymentFrequency,
      generalConditionsVersion: GENERAL_CONDITIONS_VERSION,
      issuedAt: now,
    }),
    at: now,
  });
  const certificateNumber = numberFor('CERTIFICATE', now);
  const certificate = await certificatePdf(certificateInput(app, { ...policy, dwelling: d }, certificateNumber, now));
  await storeDocument(app, {
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
    await storeDocument(app, {
      policyId,
      customerId: policy.customerId,
      kind: 'GENERAL_CONDITIONS',
      number,
      title: 'Conditions générales',
      content: await generalConditionsPdf({ insurer: app.insurer, documentNumber: number, issuedAt: now }),
      at: now,
    });
  }
}

export type AttestationCheck =
  | { status: 'TAMPERED' }
  | { status: 'VALID' | 'EXPIRED' | 'NOT_YET_VALID' | 'CONTRACT_ENDED' | 'COVER_SUSPENDED'; facts: AttestationFacts }
  /** The insured moved: from `supersededOn` the attestation of the new address replaces this one. */
  | { status: 'SUPERSEDED'; facts: AttestationFacts; supersededOn: Date };

/**
 * What a third party scanning the QR code learns: whether it is authentic, for whom and which period, and whether
 * it still holds today (period, contract ended, cover suspended, replaced after a move).
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
  const moved = await supersededOn(app, policy.id, facts.policyVersion, facts.address);
  if (moved && today >= moved) return { status: 'SUPERSEDED', facts, supersededOn: moved };
  if (today < facts.periodStart) return { status: 'NOT_YET_VALID', facts };
  if (today > facts.periodEnd) return { status: 'EXPIRED', facts };
  return { status: 'VALID', facts };
}

/** Where anyone reads the current general conditions, before subscribing or to compare: no account needed. */
export const PUBLIC_GENERAL_CONDITIONS_PATH = '/conditions-generales.pdf';

/**
 * GET /conditions-generales.pdf (public): the current general conditions, the same text every contract receives,
 * sealed like every document. Rendered once per process: the text changes only with a release.
 */
export function publicGeneralConditions(app: () => PoliciesApp) {
  let pdf: Promise<Buffer> | undefined;
  return async (_req: IncomingMessage, res: ServerResponse) => {
    const now = app().clock.now();
    pdf ??= generalConditionsPdf({
      insurer: app().insurer,
      documentNumber: `CGE-${GENERAL_CONDITIONS_VERSION}`,
      issuedAt: now,
    });
    const body = await pdf.catch((error: unknown) => {
      pdf = undefined;
      throw error;
    });
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(body.length),
      'content-disposition': 'inline; filename="conditions-generales-habitation.pdf"',
      'cache-control': 'public, max-age=3600',
    });
    res.end(body);
  };
}

/**
 * GET /documents/<id> (signed by the gateway): the PDF, to its owner, or to staff who may read the customer's file
 * (support only under that customer's grant), the download recorded in the customer's access log; anyone else gets
 * 404.
 */
export function documentDownload(app: PoliciesApp) {
  return async (req: IncomingMessage, res: ServerResponse, who: Identity | null) => {
    const id = (req.url ?? '').split('/').pop() ?? '';
    // Ownership first, bytes after: a refused request never loads a PDF.
    const meta = await app.prisma.document
      .findUnique({ where: { id }, select: { customerId: true, title: true } })
      .catch(() => null);
    const allowed = !!meta && canAccessCustomer(who, meta.customerId);
    if (allowed && isStaff(who))
      await recordStaffAccess(app, { who, client: { ip: null, userAgent: null } }, meta.customerId, {
        kind: StaffAccessKind.READ,
        what: `Document «${NBSP}${meta.title}${NBSP}» (téléchargement)`,
      });
    const doc = allowed ? await app.prisma.document.findUnique({ where: { id } }) : null;
    if (!doc) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Document introuvable.', extensions: { code: 'NOT_FOUND' } }] }));
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
