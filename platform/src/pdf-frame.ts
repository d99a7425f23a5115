// The page frame every Abri document shares, whichever subgraph issues it: A4, the insurer's letterhead, the legal
// footer with page numbers, the house styles and the standard Helvetica fonts (see pdf.ts).
import type { Content, DynamicContent, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/** Who issues the document; printed in the header and footer. */
export interface Insurer {
  name: string;
  /** Postal address on one line. */
  address: string;
  /** Legal identity line (company form, registration, supervisor). */
  registration: string;
  /** Where customers reach the insurer, printed under the address. */
  contact: string;
}

/** Abri as printed on its documents. Every detail is invented: this is a demonstration, not an insurer. */
export const ABRI: Insurer = {
  name: 'Abri Assurances',
  address: '12 rue de l’Exemple, 69000 Lyon (adresse fictive)',
  registration:
    'Société fictive de démonstration, sans existence légale ni agrément : aucun contrat réel n’est émis. ' +
    'RCS Démo 000 000 000.',
  contact: 'Espace client : abri.example · 01 00 00 00 00 (numéro fictif)',
};

export const ABRI_BLUE = '#1f4e79';

const styles: StyleDictionary = {
  title: { fontSize: 17, bold: true, color: ABRI_BLUE, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, color: '#555555', margin: [0, 0, 0, 14] },
  heading: { fontSize: 11.5, bold: true, color: ABRI_BLUE, margin: [0, 12, 0, 5] },
  label: { color: '#555555' },
  tableHeader: { bold: true, color: '#ffffff', fillColor: ABRI_BLUE },
  small: { fontSize: 8, color: '#555555' },
  legal: { fontSize: 8.5, color: '#333333', italics: true },
};

function header(insurer: Insurer, documentTitle: string): Content {
  return {
    margin: [50, 28, 50, 0],
    columns: [
      {
        width: '*',
        stack: [
          { text: insurer.name, fontSize: 15, bold: true, color: ABRI_BLUE },
          { text: insurer.address, style: 'small' },
          { text: insurer.contact, style: 'small' },
        ],
      },
      { width: 'auto', text: documentTitle, style: 'small', alignment: 'right', margin: [0, 4, 0, 0] },
    ],
  };
}

function footer(insurer: Insurer): DynamicContent {
  return (currentPage, pageCount) => ({
    margin: [50, 12, 50, 0],
    columns: [
      { width: '*', text: `${insurer.name}. ${insurer.registration}`, style: 'small' },
      { width: 60, text: `Page ${currentPage} / ${pageCount}`, style: 'small', alignment: 'right' },
    ],
  });
}

/** An Abri document: A4, the insurer's header and legal footer with page numbers on every page, the house styles. */
export function abriDocument(input: {
  /** Document name, printed top right and in the PDF metadata. */
  title: string;
  content: Content;
  insurer?: Insurer;
}): TDocumentDefinitions {
  const insurer = input.insurer ?? ABRI;
  return {
    pageSize: 'A4',
    pageMargins: [50, 95, 50, 65],
    info: { title: input.title, author: insurer.name, creator: insurer.name, producer: insurer.name },
    header: header(insurer, input.title),
    footer: footer(insurer),
    content: input.content,
    styles,
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
  };
}
