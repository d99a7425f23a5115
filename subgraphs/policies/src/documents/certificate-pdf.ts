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
  insurer: Insurer;
  /** The document's number (`documentNumber`), printed on every page. */
  documentNumber: string;
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
