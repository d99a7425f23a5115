// Avenant (amendment): the document a change to the contract produces (new address, more rooms, an option added). It
// says what changed line by line from which date, the guarantees as they stand after it, the new annual premium,
// what is settled for the rest of the current year and how the schedule collects it, and the evidence of the
// customer's electronic acceptance.
import type { Buffer } from 'node:buffer';
import { euros, frenchDate, frenchDateTime, printable } from '@abri/platform/french';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { type Insurer, issuePdf } from './pdf.ts';

export interface AvenantChange {
  /** What changed: "Pièces principales", "Option Objets de valeur"… */
  label: string;
  before: string;
  after: string;
}

/** A guarantee as it stands after the change. */
export interface AvenantGuarantee {
  label: string;
  ceilingCents: number;
  deductibleCents: number;
}

/** How the customer accepted the change: what the insurer can show if the acceptance is disputed. */
export interface AcceptanceEvidence {
  at: Date;
  /** A reference to the signed-in session (not the session id itself), as kept in the insurer's records. */
  sessionRef: string;
  /** The device as its browser described it (`Firefox 133 sur Windows 10`). */
  device: string;
}

export interface AvenantPdfInput {
  /** Avenant number within the contract, from 1. */
  number: number;
  contractNumber: string;
  holder: string;
  /** Day the change takes effect. */
  effectiveDate: Date;
  issuedAt: Date;
  /** Every line that changed, with its value before and after. */
  changes: AvenantChange[];
  /** The guarantees after the change. */
  guarantees: AvenantGuarantee[];
  previousPremiumCents: number;
  newPremiumCents: number;
  /**
   * Premium difference for the rest of the current year, in cents: positive is owed by the insured, negative is
   * refunded to them.
   */
  proRataCents: number;
  /** Last day of the current year of cover, up to which the pro-rata runs. */
  periodEnd: Date;
  acceptance: AcceptanceEvidence;
  insurer: Insurer;
  /** The document's number (`documentNumber`), printed on every page. */
  documentNumber: string;
}

const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({
  text,
  style: 'tableHeader',
  alignment,
});

const tableLayout = {
  hLineWidth: (i: number) => (i === 1 ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => '#c8c8c8',
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

function proRataLine(input: AvenantPdfInput): string {
  const span = `pour la période du ${frenchDate(input.effectiveDate)} au ${frenchDate(input.periodEnd)}`;
  if (input.proRataCents > 0) return `Montant à régler ${span} : ${euros(input.proRataCents)}`;
  if (input.proRataCents < 0) return `Montant remboursé ${span} : ${euros(-input.proRataCents)}`;
  return `Aucun montant à régler ni à rembourser ${span}.`;
}

/**
 * How the payment schedule settles the pro-rata (payments' `reschedule`): spread evenly over the instalments due
 * from the effective date to the end of the period; with none left there, on the first one after it.
 */
export function proRataSettlement(
  input: Pick<AvenantPdfInput, 'proRataCents' | 'effectiveDate' | 'periodEnd'>,
): string {
  const span = `entre le ${frenchDate(input.effectiveDate)} et le ${frenchDate(input.periodEnd)}`;
  const basis =
    'Ce montant est calculé au prorata des jours restant à courir jusqu’à l’échéance annuelle, sur la différence ' +
    'de cotisation annuelle. ';
  if (input.proRataCents > 0)
    return (
      `${basis}Il est réparti à parts égales sur les échéances de votre échéancier dues ${span} ; s’il n’en reste ` +
      'aucune, il s’ajoute à la première échéance suivante.'
    );
  if (input.proRataCents < 0)
    return (
      `${basis}Il est déduit, à parts égales, des échéances de votre échéancier dues ${span} ; ce qui dépasse ces ` +
      'échéances, ou s’il n’en reste aucune, est déduit des échéances suivantes.'
    );
  return `${basis}Votre échéancier ne change pas avant l’échéance annuelle.`;
}

export async function avenantPdf(input: AvenantPdfInput): Promise<Buffer> {
  const { insurer } = input;
  const title = `Avenant n° ${input.number}`;
  const premiumChanged = input.previousPremiumCents !== input.newPremiumCents;
  const content: Content = [
    { text: title, style: 'title' },
    {
      text: `Au contrat multirisque habitation n° ${input.contractNumber}, établi le ${frenchDate(input.issuedAt)}`,
      style: 'subtitle',
    },
    {
      text: [
        'Entre ',
        { text: insurer.name, bold: true },
        ', l’assureur, et ',
        { text: printable(input.holder), bold: true },
        ', l’assuré(e), il est convenu de modifier le contrat comme suit, à compter du ',
        { text: frenchDate(input.effectiveDate), bold: true },
        ' (date d’effet).',
      ],
    },
    { text: 'Modifications', style: 'heading' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [150, '*', '*'],
        body: [
          [head('Élément du contrat'), head('Avant'), head('Après')],
          ...input.changes.map((c): TableCell[] => [
            { text: printable(c.label), bold: true },
            printable(c.before),
            printable(c.after),
          ]),
          ...(premiumChanged
            ? [
                [
                  { text: 'Cotisation annuelle TTC', bold: true },
                  euros(input.previousPremiumCents),
                  { text: euros(input.newPremiumCents), bold: true },
                ] satisfies TableCell[],
              ]
            : []),
        ],
      },
      layout: tableLayout,
    },
    { text: `Garanties à compter du ${frenchDate(input.effectiveDate)}`, style: 'heading' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 100, 80],
        body: [
          [head('Garantie'), head('Plafond', 'right'), head('Franchise', 'right')],
          ...input.guarantees.map((g): TableCell[] => [
            printable(g.label),
            { text: euros(g.ceilingCents), alignment: 'right', noWrap: true },
            { text: g.deductibleCents === 0 ? 'Aucune' : euros(g.deductibleCents), alignment: 'right', noWrap: true },
          ]),
        ],
      },
      layout: tableLayout,
      fontSize: 9,
    },
    { text: 'Cotisation', style: 'heading' },
    {
      table: {
        widths: ['*', 110],
        body: [
          ['Cotisation annuelle avant l’avenant', { text: euros(input.previousPremiumCents), alignment: 'right' }],
          [
            { text: 'Nouvelle cotisation annuelle', bold: true },
            { text: euros(input.newPremiumCents), alignment: 'right', bold: true },
          ],
        ],
      },
      layout: { ...tableLayout, hLineWidth: (i: number) => (i === 1 ? 0.5 : 0) },
    },
    { text: proRataLine(input), bold: true, margin: [0, 8, 0, 0] },
    { text: proRataSettlement(input), style: 'small', margin: [0, 2, 0, 0] },
    {
      text:
        'Toutes les autres clauses et conditions du contrat demeurent inchangées. Le présent avenant fait partie ' +
        'intégrante du contrat.',
      margin: [0, 12, 0, 0],
    },
    {
      unbreakable: true,
      margin: [0, 18, 0, 0],
      stack: [
        {
          columns: [
            { stack: ['L’assuré(e)', { text: printable(input.holder), bold: true, margin: [0, 2, 0, 0] }] },
            {
              stack: [
                `Pour ${insurer.name}, le ${frenchDate(input.issuedAt)}`,
                { text: 'Le service Contrats', italics: true, margin: [0, 2, 0, 0] },
              ],
            },
          ],
        },
        {
          text: printable(
            `Acceptation électronique dans l’espace client le ${frenchDateTime(input.acceptance.at)} ` +
              `(heure de Paris), session ${input.acceptance.sessionRef}, appareil : ${input.acceptance.device}.`,
          ),
          style: 'small',
          margin: [0, 6, 0, 0],
        },
      ],
    },
  ];
  return issuePdf({ title, number: input.documentNumber, content, insurer, at: input.issuedAt });
}
