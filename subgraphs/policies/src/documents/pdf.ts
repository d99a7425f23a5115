// What the policies subgraph's documents add to the shared frame (@abri/platform/pdf): a QR code of a fixed size.
import { Buffer } from 'node:buffer';
import type { ContentQr } from 'pdfmake/interfaces.js';

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

export { ABRI_BLUE, type Insurer, issuePdf, signedOff } from '@abri/platform/pdf';
