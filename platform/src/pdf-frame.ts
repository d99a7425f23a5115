// The page frame every Abri document shares, whichever subgraph issues it: A4, the insurer's letterhead with the
// document's number, the legal footer (the insurer's identity and supervisor) with page numbers, the complaints and
// mediation notice at the end, the house styles and the standard Helvetica fonts (see pdf.ts).
import { randomInt } from 'node:crypto';
import type { Content, DynamicContent, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { eurosInText, frenchDate, parisDay, printable } from './french/index.ts';
import { ACPR, type Insurer } from './insurer.ts';

export { ACPR, DEMO_INSURER, type Insurer } from './insurer.ts';

export const ABRI_BLUE = '#1f4e79';

/** The closing line of a certificate, on the right: « Fait le 1er décembre 2026, pour <insurer> », and who signs. */
export function signedOff(insurer: Insurer, day: Date, service?: string): Content {
  return {
    unbreakable: true,
    margin: [0, 16, 0, 0],
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        stack: [
          `Fait le ${frenchDate(day)}, pour ${insurer.name}`,
          ...(service ? [{ text: service, italics: true, margin: [0, 4, 0, 0] } as Content] : []),
        ],
      },
    ],
  };
}

const styles: StyleDictionary = {
  title: { fontSize: 17, bold: true, color: ABRI_BLUE, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, color: '#555555', margin: [0, 0, 0, 14] },
  heading: { fontSize: 11.5, bold: true, color: ABRI_BLUE, margin: [0, 12, 0, 5] },
  label: { color: '#555555' },
  tableHeader: { bold: true, color: '#ffffff', fillColor: ABRI_BLUE },
  small: { fontSize: 8, color: '#555555' },
  legal: { fontSize: 8.5, color: '#333333', italics: true },
};

/** The insurer's legal identity in one paragraph, as the footer of every page prints it. */
export function legalIdentity(insurer: Insurer): string {
  const orias = insurer.orias
    ? ` Distribué par un intermédiaire immatriculé à l’ORIAS sous le n° ${insurer.orias}.`
    : '';
  const demo = insurer.demo
    ? ' Assureur fictif de démonstration, sans existence légale ni agrément : aucun contrat réel n’est émis.'
    : '';
  return printable(
    `${insurer.name}, ${insurer.legalForm} au capital de ${eurosInText(insurer.shareCapitalEuros * 100)}, ` +
      `RCS ${insurer.rcs}, siège social : ${insurer.registeredOffice}. Entreprise régie par le Code des assurances, ` +
      `soumise au contrôle de l’${ACPR}.${orias}${demo}`,
  );
}

// Crockford's base 32: no I, L, O or U, so a number read over the telephone is not misheard.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A fresh document number, `<prefix>-<year>-<8 characters>`: `ATT-2026-7K3Q9M2D`. The year is the Paris one of
 * `at`; 40 random bits make a collision within a year unlikely, and the stored number is unique anyway.
 */
export function documentNumber(prefix: string, at: Date): string {
  const code = Array.from({ length: 8 }, () => CROCKFORD[randomInt(32)]).join('');
  return `${prefix}-${parisDay(at).getUTCFullYear()}-${code}`;
}

function header(insurer: Insurer, documentTitle: string, number: string): Content {
  return {
    margin: [50, 28, 50, 0],
    columns: [
      {
        width: '*',
        stack: [
          { text: insurer.name, fontSize: 15, bold: true, color: ABRI_BLUE },
          { text: printable(insurer.registeredOffice), style: 'small' },
          { text: printable(insurer.contact), style: 'small' },
        ],
      },
      {
        width: 'auto',
        alignment: 'right',
        margin: [0, 4, 0, 0],
        stack: [
          { text: documentTitle, style: 'small' },
          { text: `Document n° ${number}`, style: 'small' },
        ],
      },
    ],
  };
}

function footer(insurer: Insurer, number: string): DynamicContent {
  return (currentPage, pageCount) => ({
    margin: [50, 10, 50, 0],
    columns: [
      { width: '*', text: legalIdentity(insurer), fontSize: 6.5, color: '#555555' },
      {
        width: 80,
        stack: [
          { text: `Page ${currentPage} / ${pageCount}`, style: 'small' },
          { text: number, fontSize: 6.5, color: '#555555' },
        ],
        alignment: 'right',
      },
    ],
  });
}

/** Where a customer who disagrees turns: the insurer's complaints service, then the mediator. */
export function complaintsNotice(insurer: Insurer): Content {
  return {
    unbreakable: true,
    margin: [0, 14, 0, 0],
    stack: [
      { text: 'Réclamations et médiation', bold: true, fontSize: 8.5, color: ABRI_BLUE },
      {
        text: printable(
          `Pour toute réclamation, écrivez à : ${insurer.complaints}. Nous en accusons réception sous 10 jours ` +
            'ouvrables et y répondons sous 2 mois au plus. Si la réponse ne vous satisfait pas, ou sans réponse ' +
            `dans ce délai, vous pouvez saisir gratuitement le médiateur : ${insurer.mediator}.`,
        ),
        style: 'small',
      },
    ],
  };
}

/**
 * An Abri document: A4, the insurer's header with the document number and its legal footer on every page, page
 * numbers, the complaints and mediation notice after the content, the house styles.
 */
export function abriDocument(input: {
  /** Document name, printed top right and in the PDF metadata. */
  title: string;
  /** The document's number (`documentNumber`), printed on every page and in the metadata. */
  number: string;
  content: Content;
  insurer: Insurer;
}): TDocumentDefinitions {
  const { insurer, number } = input;
  return {
    pageSize: 'A4',
    pageMargins: [50, 95, 50, 80],
    info: {
      title: input.title,
      subject: `Document n° ${number}`,
      author: insurer.name,
      creator: insurer.name,
      producer: insurer.name,
    },
    header: header(insurer, input.title, number),
    footer: footer(insurer, number),
    content: [input.content, complaintsNotice(insurer)],
    styles,
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
  };
}
