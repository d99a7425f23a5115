// A PAdES signature (ETSI.CAdES.detached) added to a PDF as an incremental update, so the bytes pdfmake wrote stay
// as they are: a signature dictionary whose /Contents holds the CMS signature (seal.ts) of every byte but itself, an
// invisible signature field on the first page, the form that lists it, and a new catalog pointing to the form.
// Written for pdfmake's (PDFKit's) output: a classic cross-reference table and uncompressed dictionaries.
import { Buffer } from 'node:buffer';
import { cmsSignature, type DocumentSeal } from './seal.ts';

export interface SignatureDetails {
  /** Time of signing, in /M. */
  at: Date;
  /** Signer's name, in /Name. */
  name: string;
  /** Why the document is signed, in /Reason. */
  reason: string;
  /** Where, in /Location. */
  location?: string;
  /** How to reach the signer, in /ContactInfo. */
  contact?: string;
}

/** A PDF text string: UTF-16BE with its byte-order mark, in hexadecimal (no escaping to get wrong). */
function pdfText(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex')}>`;
}

function pdfDate(at: Date): string {
  return `(D:${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
}

interface Parsed {
  text: string;
  size: number;
  root: number;
  info: string;
  id: string;
  startxref: number;
  offsets: Map<number, number>;
}

function parse(pdf: Buffer): Parsed {
  const text = pdf.toString('latin1');
  const trailerAt = text.lastIndexOf('trailer');
  const startxrefAt = text.lastIndexOf('startxref');
  if (trailerAt < 0 || startxrefAt < trailerAt) throw new TypeError('PDF without a classic trailer');
  const trailer = text.slice(trailerAt, startxrefAt);
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = Number(/\/Root (\d+) 0 R/.exec(trailer)?.[1]);
  const info = /\/Info \d+ 0 R/.exec(trailer)?.[0] ?? '';
  const id = /\/ID \[[^\]]*\]/.exec(trailer)?.[0] ?? '';
  const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(startxrefAt))?.[1]);
  if (!(size > 0 && root > 0 && startxref > 0)) throw new TypeError('PDF trailer unreadable');
  const offsets = new Map<number, number>();
  const table = text.slice(startxref, trailerAt).split(/\r?\n/);
  let next = 0;
  for (const line of table.slice(1)) {
    const subsection = /^(\d+) (\d+)$/.exec(line.trim());
    if (subsection) {
      next = Number(subsection[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) n/.exec(line);
    if (entry) offsets.set(next, Number(entry[1]));
    if (entry || /^\d{10} \d{5} f/.test(line)) next += 1;
  }
  return { text, size, root, info, id, startxref, offsets };
}

/** The dictionary of object `n` (without a stream), as written. */
function dictionary(parsed: Parsed, n: number): string {
  const offset = parsed.offsets.get(n);
  if (offset === undefined) throw new TypeError(`object ${n} missing from the cross-reference table`);
  const start = parsed.text.indexOf('<<', offset);
  const end = parsed.text.indexOf('endobj', offset);
  const body = parsed.text.slice(start, parsed.text.lastIndexOf('>>', end) + 2);
  if (start < 0 || end < start || body.includes('stream')) throw new TypeError(`object ${n} is not a dictionary`);
  return body;
}

const withEntry = (dict: string, entry: string): string => `${dict.slice(0, -2)}${entry}\n>>`;

/**
 * Signs `pdf` with `seal`. The /Contents room is sized from the certificates, so a longer production chain fits; the
 * ByteRange covers the whole file except the signature's hexadecimal string.
 */
export function signPdf(pdf: Buffer, seal: DocumentSeal, details: SignatureDetails): Buffer {
  const parsed = parse(pdf);
  const catalog = dictionary(parsed, parsed.root);
  if (catalog.includes('/AcroForm')) throw new TypeError('PDF already has a form');
  const pagesRef = Number(/\/Pages (\d+) 0 R/.exec(catalog)?.[1]);
  const firstPage = Number(/\/Kids \[\s*(\d+) 0 R/.exec(dictionary(parsed, pagesRef))?.[1]);
  const page = dictionary(parsed, firstPage);
  const [signature, widget, form] = [parsed.size, parsed.size + 1, parsed.size + 2];
  const annots = /\/Annots \[([^\]]*)\]/.exec(page);
  if (!annots && page.includes('/Annots')) throw new TypeError('indirect /Annots are not supported');
  const newPage = annots
    ? page.replace(annots[0], `/Annots [${annots[1]} ${widget} 0 R]`)
    : withEntry(page, `/Annots [${widget} 0 R]`);

  const room = 2 * (seal.certificates.reduce((sum, c) => sum + c.length, 0) + 2048);
  const byteRangeRoom = ' '.repeat(34);
  const signatureDict =
    `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/ByteRange [${byteRangeRoom}]\n` +
    `/Contents <${'0'.repeat(room)}>\n/M ${pdfDate(details.at)}\n/Name ${pdfText(details.name)}\n` +
    `/Reason ${pdfText(details.reason)}\n` +
    (details.location ? `/Location ${pdfText(details.location)}\n` : '') +
    (details.contact ? `/ContactInfo ${pdfText(details.contact)}\n` : '') +
    '>>';
  const objects: [number, string][] = [
    [signature, signatureDict],
    [
      widget,
      `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${pdfText('Cachet de l’assureur')}\n/V ${signature} 0 R\n` +
        `/F 132\n/Rect [0 0 0 0]\n/P ${firstPage} 0 R\n>>`,
    ],
    [form, `<<\n/Fields [${widget} 0 R]\n/SigFlags 3\n>>`],
    [parsed.root, withEntry(catalog, `/AcroForm ${form} 0 R`)],
    [firstPage, newPage],
  ];

  let update = pdf.at(-1) === 0x0a ? '' : '\n';
  const written: [number, number][] = [];
  for (const [n, body] of objects) {
    written.push([n, pdf.length + Buffer.byteLength(update, 'latin1')]);
    update += `${n} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = pdf.length + Buffer.byteLength(update, 'latin1');
  update += 'xref\n';
  for (const [n, offset] of written.sort((a, b) => a[0] - b[0]))
    update += `${n} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  update +=
    `trailer\n<<\n/Size ${form + 1}\n/Root ${parsed.root} 0 R\n${parsed.info}\n${parsed.id}\n/Prev ${parsed.startxref}\n>>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;

  const out = Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
  const contentsAt = out.indexOf(`/Contents <${'0'.repeat(room)}>`, pdf.length) + '/Contents '.length;
  const afterContents = contentsAt + room + 2;
  const byteRange = `0 ${contentsAt} ${afterContents} ${out.length - afterContents}`.padEnd(byteRangeRoom.length);
  const byteRangeAt = out.indexOf(`/ByteRange [${byteRangeRoom}]`, pdf.length) + '/ByteRange ['.length;
  out.write(byteRange, byteRangeAt, 'latin1');
  const cms = cmsSignature([out.subarray(0, contentsAt), out.subarray(afterContents)], seal).toString('hex');
  if (cms.length > room) throw new RangeError('signature larger than its room');
  out.write(cms, contentsAt + 1, 'latin1');
  return out;
}
