// Certificate of guarantees (tableau des garanties): for each guarantee of the contract, how much at most is paid,
// what stays with the insured, and what is not covered. It is what a customer compares offers with, so amounts are
// printed in full and the legal cat-nat deductibles are spelled out.
import type { Buffer } from 'node:buffer';
import { euros, frenchDate, printable } from '@abri/platform/french';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { type Insurer, issuePdf } from './pdf.ts';

export interface CertificateGuarantee {
  label: string;
  /** Most paid per claim, in cents; `null` when the contract sets none (e.g. reconstruction at real cost). */
  ceilingCents: number | null;
  /** What stays with the insured per claim, in cents. */
  deductibleCents: number;
  /** Replaces the printed deductible when a rule, not an amount, applies (the legal cat-nat one). */
  deductibleNote?: string;
  /** Main exclusions of this guarantee, one short phrase each. */
  exclusions: string[];
}

export interface CertificatePdfInput {
  contractNumber: string;
  holder: string;
  address: string;
  periodStart: Date;
  periodEnd: Date;
  issuedAt: Date;
  guarantees: CertificateGuarantee[];
  /** What a bank or a landlord also asks: the premium, the start of cover and the capitals insured. */
  terms?: {
    annualPremiumCents: number;
    startDate: Date;
    contentsCapitalCents: number;
    /** The owner's building (0 for a tenant: the landlord's insurer covers it). */
    buildingCapitalCents: number;
    newForOld: boolean;
  };
  /**
   * The lender financing the home, when the customer asks for the certificate their bank requires: the contract's
   * building indemnities are then delegated to it and it is told before the cover lapses.
   */
  lender?: LenderClause;
  insurer: Insurer;
  /** The document's number (`documentNumber`), printed on every page. */
  documentNumber: string;
}

export interface LenderClause {
  name: string;
  address: string;
  loanReference: string;
}

/** The clause a lender asks for (délégation d'indemnité and notice before the cover ends), in the insurer's words. */
export function lenderClauseText(lender: LenderClause, insurer: Pick<Insurer, 'name'>): string[] {
  return [
    `À la demande de l’assuré, ${insurer.name} reconnaît que le logement désigné ci-dessus garantit le prêt ` +
      `n° ${lender.loanReference} consenti par ${lender.name}, ${lender.address} (ci-après « le prêteur »).`,
    'En cas de sinistre atteignant le bâtiment, l’indemnité due au titre des garanties de dommages aux biens sera ' +
      'versée au prêteur, à concurrence des sommes qui lui restent dues, sur simple justification de sa créance ; ' +
      'l’assuré y consent dès à présent (délégation d’indemnité ; voir aussi l’article L121-13 du Code des assurances).',
    'L’assureur s’engage à informer le prêteur par écrit de tout défaut de paiement de la cotisation, de toute ' +
      'suspension, résiliation ou modification réduisant les garanties ; ces événements ne lui seront opposables ' +
      'qu’un mois après cette information.',
    'Cette clause cesse de produire effet à la fin du contrat ou lorsque le prêteur fait savoir que le prêt est ' +
      'remboursé.',
  ];
}

const TITLE = 'Certificat de garanties';

const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({
  text,
  style: 'tableHeader',
  alignment,
});

function guaranteeRow(g: CertificateGuarantee): TableCell[] {
  const deductible = g.deductibleNote ?? (g.deductibleCents === 0 ? 'Aucune' : euros(g.deductibleCents));
  return [
    { text: printable(g.label), bold: true },
    // noWrap keeps an amount whole; the space inside "1 520,00 €" is a no-break one anyway.
    { text: g.ceilingCents === null ? 'Sans plafond' : euros(g.ceilingCents), alignment: 'right', noWrap: true },
    { text: printable(deductible), alignment: 'right' },
    g.exclusions.length === 0
      ? { text: 'Exclusions générales seulement', style: 'small' }
      : { ul: g.exclusions.map(printable), fontSize: 8.5 },
  ];
}

export async function certificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const { insurer } = input;
  const content: Content = [
    { text: TITLE, style: 'title' },
    {
      text: `Contrat multirisque habitation n° ${input.contractNumber}, établi le ${frenchDate(input.issuedAt)}`,
      style: 'subtitle',
    },
    {
      columns: [
        { width: 'auto', stack: ['Assuré(e)', 'Logement', 'Période'], style: 'label' },
        {
          width: '*',
          margin: [12, 0, 0, 0],
          stack: [
            { text: printable(input.holder), bold: true },
            printable(input.address),
            `du ${frenchDate(input.periodStart)} au ${frenchDate(input.periodEnd)}`,
          ],
        },
      ],
      margin: [0, 0, 0, input.terms ? 6 : 12],
    },
    input.terms
      ? {
          columns: [
            {
              width: 'auto',
              style: 'label',
              stack: ['Date d’effet du contrat', 'Cotisation annuelle TTC', 'Capital mobilier assuré', 'Bâtiment'],
            },
            {
              width: '*',
              margin: [12, 0, 0, 0],
              stack: [
                frenchDate(input.terms.startDate),
                euros(input.terms.annualPremiumCents),
                euros(input.terms.contentsCapitalCents),
                input.terms.buildingCapitalCents > 0
                  ? `${euros(input.terms.buildingCapitalCents)}, au coût de reconstruction`
                  : 'Non assuré par ce contrat (locataire : risques locatifs couverts)',
              ],
            },
          ],
        }
      : '',
    input.terms
      ? {
          text: printable(
            input.terms.newForOld
              ? 'Base d’indemnisation : mobilier de moins de 10 ans en valeur à neuf (option Rééquipement à neuf), ' +
                  'autres biens en valeur de remplacement, vétusté déduite ; bâtiment au coût de reconstruction.'
              : 'Base d’indemnisation : mobilier en valeur de remplacement au jour du sinistre, vétusté déduite ; ' +
                  'bâtiment au coût de reconstruction, vétusté déduite.',
          ),
          style: 'legal',
          margin: [0, 6, 0, 12],
        }
      : '',
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [110, 78, 100, '*'],
        body: [
          [head('Garantie'), head('Plafond', 'right'), head('Franchise', 'right'), head('Principales exclusions')],
          ...input.guarantees.map(guaranteeRow),
        ],
      },
      layout: {
        hLineWidth: (i) => (i === 1 ? 0 : 0.5),
        vLineWidth: () => 0,
        hLineColor: () => '#c8c8c8',
        fillColor: (i) => (i > 0 && i % 2 === 0 ? '#f3f6fa' : null),
        paddingTop: () => 5,
        paddingBottom: () => 5,
      },
    },
    input.lender
      ? {
          stack: [
            { text: 'Clause en faveur du prêteur', style: 'heading' },
            ...lenderClauseText(input.lender, insurer).map((text) => ({
              text: printable(text),
              margin: [0, 0, 0, 4] as [number, number, number, number],
            })),
          ],
        }
      : '',
    { text: 'Bon à savoir', style: 'heading' },
    {
      ul: [
        'Plafonds et franchises s’appliquent par sinistre. L’indemnité est le dommage couvert, dans la limite du ' +
          'plafond, moins la franchise.',
        `Catastrophes naturelles : franchise fixée par la loi, ${euros(38000)} par sinistre, ${euros(152000)} pour ` +
          'les dommages dus à la sécheresse (mouvements de terrain consécutifs à la sécheresse et à la réhydratation ' +
          'des sols).',
        'Les exclusions communes à toutes les garanties (faute intentionnelle, guerre, usure et défaut d’entretien…) ' +
          'figurent dans les conditions générales.',
      ],
    },
    {
      text:
        'Ce certificat résume les montants du contrat à la date indiquée ; seules les conditions générales et ' +
        'particulières font foi.',
      style: 'legal',
      margin: [0, 14, 0, 0],
    },
  ];
  return issuePdf({ title: TITLE, number: input.documentNumber, content, insurer, at: input.issuedAt });
}
