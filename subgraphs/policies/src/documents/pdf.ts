// pdfmake 0.3 set up for the server, and the page frame every Abri document shares.
//
// Only the standard 14 PDF fonts are used (Helvetica family): nothing to embed or ship, and pdfkit knows their metrics.
// pdfmake is a process-wide singleton and, on Node, would otherwise fetch any URL and read any file a document
// definition names (images, fonts); both access policies are closed here except for the four font names, which
// pdfmake also passes through the local policy when it opens a standard font.
import { Buffer } from 'node:buffer';
import type { Content, ContentQr, DynamicContent, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';

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

// Bytes a QR code of version 1, 2, … holds in byte mode at error-correction level M (ISO/IEC 18004, table 7).
const QR_BYTES_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911,
  997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];

/**
 * A QR code whose modules are always `modulePt` points wide. pdfmake sizes modules as `Math.floor(fit / modules)`
 * points, so a fixed `fit` halves the code when the text grows past a version boundary (fit 160: 2 pt modules up to
 * version 15, then 1 pt, too fine to scan reliably on paper). Choosing the version here and asking for exactly
 * `modules × modulePt` keeps the size predictable: 2 pt (0.7 mm) modules read well from a printout.
 */
export function qrCode(text: string, modulePt = 2): ContentQr {
  const bytes = Buffer.byteLength(text, 'utf8');
  const version = QR_BYTES_M.findIndex((capacity) => capacity >= bytes) + 1;
  if (version === 0) throw new RangeError(`${bytes} bytes do not fit in a QR code at level M`);
  const modules = 17 + 4 * version;
  // padding: the 4-module quiet zone the standard asks for, so a frame drawn around the code does not touch it.
  return { qr: text, eccLevel: 'M', mode: 'octet', version, fit: modules * modulePt, padding: 4 };
}

export { renderPdf } from '@abri/platform/pdf';
