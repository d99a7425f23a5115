// PDF rendering shared by the subgraphs that issue documents: pdfmake with the standard Helvetica fonts only, and no
// file or network access (a document definition can never make the server read a file or fetch a URL).
import { Buffer } from 'node:buffer';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { issuerSeal } from './insurer.ts';
import { abriDocument, type Insurer } from './pdf-frame.ts';
import { signPdf } from './pdf-sign.ts';

const HELVETICA = {
  normal: 'Helvetica',
  bold: 'Helvetica-Bold',
  italics: 'Helvetica-Oblique',
  bolditalics: 'Helvetica-BoldOblique',
} as const;
const STANDARD_FONT_NAMES: ReadonlySet<string> = new Set(Object.values(HELVETICA));

/** Renders a document definition to PDF bytes (`defaultStyle.font` should be 'Helvetica'). */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  // Set on every call, not at import: the singleton is shared, and importing this module should not change it.
  pdfmake.setFonts({ Helvetica: HELVETICA });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONT_NAMES.has(path));
  return Buffer.from(await pdfmake.createPdf(doc).getBuffer());
}

/**
 * An Abri document as the customer receives it: framed (`abriDocument`), rendered, then sealed by the insurer (a
 * PAdES signature with its certificate, so any reader shows who issued it and that it is unaltered).
 */
export async function issuePdf(input: {
  title: string;
  number: string;
  content: Content;
  insurer: Insurer;
  /** Time of issue, in the signature. */
  at: Date;
}): Promise<Buffer> {
  const { insurer, at } = input;
  const pdf = await renderPdf(abriDocument(input));
  return signPdf(pdf, issuerSeal(insurer, at), {
    at,
    name: insurer.name,
    reason: `${input.title} n° ${input.number}, émis par ${insurer.name}`,
    contact: insurer.contact,
  });
}

export * from './pdf-frame.ts';
export { type SignatureDetails, signPdf } from './pdf-sign.ts';
