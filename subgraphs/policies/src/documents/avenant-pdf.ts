// Avenant (amendment): the document a change to the contract produces (new address, more rooms, an option added). It
// says what changed from which date, the new annual premium, and what is settled now for the rest of the current year.
import type { Buffer } from 'node:buffer';
import { euros, frenchDate, printable } from '@abri/platform/french';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { abriDocument, type Insurer, renderPdf } from './pdf.ts';

export interface AvenantChange {
  /** What changed: "Nombre de pièces", "Option Objets de valeur"… */
  label: string;
  before: string;
  after: string;
}

export interface AvenantPdfInput {
  /** Avenant number within the contract, from 1. */
  number: number;
  contractNumber: string;
  holder: string;
  /** Day the change takes effect. */
  effectiveDate: Date;
  issuedAt: Date;
  changes: AvenantChange[];
  previousPremiumCents: number;
  newPremiumCents: number;
  /**
   * Premium difference for the rest of the current year, in cents: positive is owed by the insured, negative is
   * refunded to them.
   */
  proRataCents: number;
  /** Last day of the current year of cover, up to which the pro-rata runs. */
  periodEnd: Date;
  insurer: Insurer;
  /** The document's number (`documentNumber`), printed on every page. */
  documentNumber: string;
}

const head = (text: string): TableCell => ({ text, style: 'tableHeader' });

const tableLayout = {
  hLineWidth: (i: number) => (i === 1 ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => '#c8c8c8',
  paddingTop: () => 5,
  paddingBottom: () => 5,
};

function proRataLine(input: AvenantPdfInput): string {
  const span = `pour la période du ${frenchDate(input.effectiveDate)} au ${frenchDate(input.periodEnd)}`;
  if (input.proRataCents > 0) return `Montant à régler ${span} : ${euros(input.proRataCents)}`;
  if (input.proRataCents < 0) return `Montant remboursé ${span} : ${euros(-input.proRataCents)}`;
  return `Aucun montant à régler ni à rembourser ${span}.`;
}

export async function avenantPdf(input: AvenantPdfInput): Promise<Buffer> {
  const { insurer } = input;
  const title = `Avenant n° ${input.number}`;
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
        '.',
      ],
    },
    { text: 'Modifications', style: 'heading' },
    {
      table: {
        headerRows: 1,
        widths: ['*', '*', '*'],
        body: [
          [head('Élément du contrat'), head('Avant'), head('Après')],
          ...input.changes.map((c): TableCell[] => [
            { text: printable(c.label), bold: true },
            printable(c.before),
            printable(c.after),
          ]),
        ],
      },
      layout: tableLayout,
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
    {
      text:
        'Ce montant est calculé au prorata des jours restant à courir jusqu’à l’échéance annuelle ; il est ajouté à ' +
        'votre prochain paiement ou remboursé sur le moyen de paiement enregistré.',
      style: 'small',
      margin: [0, 2, 0, 0],
    },
    {
      text:
        'Toutes les autres clauses et conditions du contrat demeurent inchangées. Le présent avenant fait partie ' +
        'intégrante du contrat.',
      margin: [0, 14, 0, 0],
    },
    {
      margin: [0, 28, 0, 0],
      columns: [
        {
          stack: [
            'L’assuré(e)',
            { text: 'Lu et approuvé (acceptation électronique dans l’espace client)', style: 'small' },
            { text: printable(input.holder), margin: [0, 18, 0, 0] },
          ],
        },
        {
          stack: [
            `Pour ${insurer.name}`,
            { text: `Fait le ${frenchDate(input.issuedAt)}`, style: 'small' },
            { text: 'Le service Contrats', italics: true, margin: [0, 18, 0, 0] },
          ],
        },
      ],
    },
  ];
  return renderPdf(abriDocument({ title, number: input.documentNumber, content, insurer }));
}
