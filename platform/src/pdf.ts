// PDF rendering shared by the subgraphs that issue documents: pdfmake with the standard Helvetica fonts only, and no
// file or network access (a document definition can never make the server read a file or fetch a URL).
import { Buffer } from 'node:buffer';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

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

export * from './pdf-frame.ts';
