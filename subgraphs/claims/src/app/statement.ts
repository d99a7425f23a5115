// The relevé d'information: the claims-history statement a policyholder hands a new insurer. It names the insured and
// the contract (number, home, start and, once ended, end), covers the last five years of the contract (or its whole
// life when shorter), and lists every claim that occurred in that period: reference, date, nature, whether a third
// party was involved (as declared), where it stands and what was paid. Issued at once on request (the customary
// 15-day delay is a maximum), sealed by the insurer, kept as issued and served as GET /claims-statements/<id> to its
// owner only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Identity, isCustomer } from '@abri/platform';
import { euros, frenchDate, parisDay, printable } from '@abri/platform/french';
import { documentNumber, issuePdf, signedOff } from '@abri/platform/pdf';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Claim, PolicyTerms } from '../../../../prisma/claims/generated/prisma/client.ts';
import type { ClaimsApp } from '../context.ts';
import { claimForm } from '../domain/forms/index.ts';

/** How far back the statement looks, in years (what insurers ask of a new customer). */
export const STATEMENT_YEARS = 5;

const NBSP = '\u00A0';
const SETTLED = new Set(['PAID', 'CLOSED']);

/** Where a claim stands, as the next insurer needs it. */
function standing(claim: Claim): string {
  if (claim.status === 'REFUSED') return 'Refusé';
  if (claim.status === 'CLOSED') return 'Clos';
  if (claim.status === 'PAID') return 'Réglé';
  return 'En cours';
}

function paid(claim: Claim): string {
  if (claim.status === 'REFUSED') return euros(0);
  if (SETTLED.has(claim.status) && claim.indemnityCents !== null) return euros(claim.indemnityCents);
  return 'en cours d’instruction';
}

const thirdParty = (claim: Claim) =>
  (claim.answers as Record<string, unknown> | null)?.['thirdPartyInvolved'] === true ? 'Oui' : 'Non';

const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({
  text,
  style: 'tableHeader',
  alignment,
});

export type StatementOutcome = { kind: 'issued'; statementId: string } | { kind: 'notFound' };

/**
 * What a statement was issued from: the contract, the day (its period ends on it), the contract's terms as claims
 * last received them (holder, home, dates) and the last change of any claim of the contract (both database times,
 * never the application clock). Two requests with the same basis would print the same statement.
 */
const basisOf = (policyId: string, day: Date, termsAt: Date, claimsAt: Date | null) =>
  [policyId, day.toISOString().slice(0, 10), termsAt.toISOString(), claimsAt?.toISOString() ?? '-'].join('|');

/** Statements being issued in this process, by basis: concurrent requests share one rendering. */
const issuing = new Map<string, Promise<string>>();

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';

/**
 * The statement of one of the customer's contracts: the latest one issued when nothing it prints has changed since
 * (same day, same terms, no claim of the contract changed), else a new one, kept. Rendering and sealing a PDF is
 * costly: repeated or concurrent requests never issue twice the same statement (one rendering per process, one row
 * whatever the number of replicas, through the unique basis).
 */
export async function issueClaimsStatement(
  app: ClaimsApp,
  customerId: string,
  policyId: string,
): Promise<StatementOutcome> {
  const terms = await app.prisma.policyTerms.findUnique({ where: { policyId } });
  if (!terms || terms.customerId !== customerId) return { kind: 'notFound' };
  const at = app.clock.now();
  const claimsChanged = await app.prisma.claim.aggregate({ where: { policyId }, _max: { updatedAt: true } });
  const basis = basisOf(policyId, parisDay(at), terms.updatedAt, claimsChanged._max.updatedAt);
  const issued = await app.prisma.claimsStatement.findUnique({ where: { basis }, select: { id: true } });
  if (issued) return { kind: 'issued', statementId: issued.id };
  let pending = issuing.get(basis);
  if (!pending) {
    pending = issueNew(app, terms, at, basis).finally(() => issuing.delete(basis));
    issuing.set(basis, pending);
  }
  return { kind: 'issued', statementId: await pending };
}

async function issueNew(app: ClaimsApp, terms: PolicyTerms, at: Date, basis: string): Promise<string> {
  const { policyId, customerId } = terms;
  const today = parisDay(at);
  const end = terms.endDate && terms.endDate < today ? terms.endDate : today;
  const fiveYearsBefore = new Date(
    Date.UTC(end.getUTCFullYear() - STATEMENT_YEARS, end.getUTCMonth(), end.getUTCDate()),
  );
  const from = terms.startDate && terms.startDate > fiveYearsBefore ? terms.startDate : fiveYearsBefore;
  const claims = await app.prisma.claim.findMany({
    where: { policyId, customerId, occurredOn: { gte: from, lte: end } },
    orderBy: [{ occurredOn: 'asc' }, { reference: 'asc' }],
  });
  const settled = claims.filter((c) => SETTLED.has(c.status) && c.indemnityCents !== null);
  const totalPaid = settled.reduce((sum, c) => sum + (c.indemnityCents ?? 0), 0);
  const number = documentNumber('RI', at);
  const title = 'Relevé d’information';
  const contract =
    `Contrat multirisque habitation n°${NBSP}${terms.number}` +
    (terms.startDate ? `, souscrit le ${frenchDate(terms.startDate)}` : '') +
    (terms.endDate ? `, résilié le ${frenchDate(terms.endDate)}` : ', en cours');

  const content: Content = [
    { text: title, style: 'title' },
    { text: `Période${NBSP}: du ${frenchDate(from)} au ${frenchDate(end)}`, style: 'subtitle' },
    {
      stack: [
        { text: [{ text: `Souscripteur${NBSP}: `, bold: true }, printable(terms.holderName || 'l’assuré(e)')] },
        { text: printable(contract) },
        ...(terms.address ? [{ text: printable(`Logement assuré${NBSP}: ${terms.address}`) }] : []),
      ],
      margin: [0, 0, 0, 10],
    },
    claims.length
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: ['auto', 'auto', '*', 'auto', 'auto', 'auto'],
            body: [
              [
                head('Référence'),
                head('Survenu le'),
                head('Nature'),
                head('Tiers en cause'),
                head('État'),
                head('Indemnité versée', 'right'),
              ],
              ...claims.map((c): TableCell[] => [
                c.reference,
                frenchDate(c.occurredOn),
                claimForm(c.type).title,
                thirdParty(c),
                standing(c),
                { text: paid(c), alignment: 'right' },
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Aucun sinistre survenu sur la période.', bold: true },
    {
      margin: [0, 10, 0, 0],
      text: [
        `Nombre de sinistres sur la période${NBSP}: `,
        { text: String(claims.length), bold: true },
        `. Indemnités versées${NBSP}: `,
        { text: euros(totalPaid), bold: true },
        '.',
      ],
    },
    {
      text:
        'Ce relevé reprend les sinistres survenus sur la période, y compris ceux en cours d’instruction ou refusés, ' +
        'tels qu’ils figurent au dossier à sa date d’établissement. « Tiers en cause » reprend la déclaration de ' +
        'l’assuré. Relevé établi pour servir et valoir ce que de droit.',
      style: 'legal',
      margin: [0, 10, 0, 0],
    },
    signedOff(app.insurer, today, 'Le service Sinistres'),
  ];
  const pdf = await issuePdf({ title, number, insurer: app.insurer, content, at });
  try {
    const statement = await app.prisma.claimsStatement.create({
      data: { policyId, customerId, number, basis, issuedAt: at, sizeBytes: pdf.length, content: new Uint8Array(pdf) },
      select: { id: true },
    });
    return statement.id;
  } catch (error) {
    // Another replica issued the same statement meanwhile: theirs is the one.
    if (!isUniqueViolation(error)) throw error;
    return (await app.prisma.claimsStatement.findUniqueOrThrow({ where: { basis }, select: { id: true } })).id;
  }
}

/** GET /claims-statements/<id> (signed by the gateway): the statement as issued, to its owner only. */
export function statementDownload(app: () => ClaimsApp) {
  return async (req: IncomingMessage, res: ServerResponse, who: Identity | null) => {
    const id = (req.url ?? '').split('?')[0]!.split('/').pop() ?? '';
    const row = /^[0-9a-f-]{36}$/.test(id) ? await app().prisma.claimsStatement.findUnique({ where: { id } }) : null;
    if (!row || !isCustomer(who) || row.customerId !== who.sub) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Relevé introuvable.', extensions: { code: 'NOT_FOUND' } }] }));
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(row.sizeBytes),
      'content-disposition': `attachment; filename="releve-information-${row.number}.pdf"`,
      'cache-control': 'private, no-store',
    });
    res.end(Buffer.from(row.content));
  };
}
