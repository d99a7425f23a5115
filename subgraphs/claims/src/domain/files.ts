// What a claim attachment really is, read from its structure. Sniffing the first bytes once let a file that began
// with PNG, JPEG or PDF magic carry an HTML page behind it (a polyglot a browser or another tool could open as a page).
// Each accepted format is walked to its end: PNG chunk by chunk with their CRCs, JPEG marker by marker through the
// compressed scans, WebP and HEIC box by box, PDF through its cross-reference table to `%%EOF`; nothing may follow
// the end, and no metadata or uncompressed part may hold markup or a PDF action that runs code.
import { crc32, inflateSync } from 'node:zlib';

export type FileKind = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf';

export type FileVerdict =
  | { kind: 'accepted'; contentType: FileKind }
  /** Not one of the accepted formats at all. */
  | { kind: 'unsupported' }
  /** Starts like an accepted format but is not a well-formed one, or carries markup, scripts or trailing data. */
  | { kind: 'invalid'; why: string };

/** Markup a browser or viewer would act on; long enough that compressed bytes never match by chance. */
const MARKUP =
  /<(?:script|html|!doctype|iframe|body|object|embed|svg[\s/>]|\?php|\?xml-stylesheet)|javascript:|vbscript:|\bon(?:load|error)\s*=/i;
/** PDF actions that run code, open files or carry other files (names may be written with #hh escapes). */
const PDF_ACTIVE =
  /\/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA|SubmitForm|ImportData|GoToE)(?![^\s()<>[\]{}/%])/;

const hasMarkup = (bytes: Buffer) => MARKUP.test(bytes.toString('latin1'));

class Invalid extends Error {}
const fail = (why: string): never => {
  throw new Invalid(why);
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function checkPng(bytes: Buffer): void {
  let at = PNG_SIGNATURE.length;
  let first = true;
  let sawData = false;
  for (;;) {
    if (at + 12 > bytes.length) fail('PNG chunk cut short');
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) fail('PNG chunk malformed');
    const end = at + 8 + length;
    if (end + 4 > bytes.length) fail('PNG chunk overruns the file');
    if (crc32(bytes.subarray(at + 4, end)) !== bytes.readUInt32BE(end)) fail(`PNG chunk ${type} fails its CRC`);
    if (first && (type !== 'IHDR' || length !== 13)) fail('PNG does not start with its header');
    first = false;
    if (type === 'IDAT') sawData = true;
    // Image data is compressed: only the other chunks (text, profiles) could hold readable markup.
    else if (hasMarkup(bytes.subarray(at + 8, end))) fail(`PNG chunk ${type} holds markup`);
    at = end + 4;
    if (type === 'IEND') break;
  }
  if (!sawData) fail('PNG without image data');
  if (at !== bytes.length) fail('data after the PNG end');
}

/** Walks one JPEG from its SOI; answers where it ends (just after EOI). */
function jpegEnd(bytes: Buffer, start: number): number {
  if (bytes[start] !== 0xff || bytes[start + 1] !== 0xd8) fail('JPEG does not start with SOI');
  let at = start + 2;
  let sawFrame = false;
  let sawScan = false;
  for (;;) {
    if (bytes[at] !== 0xff) fail('JPEG marker expected');
    while (bytes[at] === 0xff) at++; // fill bytes
    if (at >= bytes.length) fail('JPEG cut short');
    const marker = bytes[at++]!;
    if (marker === 0xd9) {
      if (!sawFrame || !sawScan) fail('JPEG without image data');
      return at;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (marker === 0x00 || marker === 0xd8) fail('JPEG marker malformed');
    if (at + 2 > bytes.length) fail('JPEG cut short');
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) fail('JPEG segment overruns the file');
    if (hasMarkup(bytes.subarray(at + 2, at + length))) fail('JPEG segment holds markup');
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) sawFrame = true;
    at += length;
    if (marker !== 0xda) continue;
    if (!sawFrame) fail('JPEG scan before its frame');
    sawScan = true;
    // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte), a restart marker, or the next marker.
    for (;;) {
      if (at + 1 >= bytes.length) fail('JPEG scan cut short');
      if (bytes[at] !== 0xff) {
        at++;
        continue;
      }
      const next = bytes[at + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
      else if (next === 0xff) at++;
      else break;
    }
  }
}

function checkJpeg(bytes: Buffer): void {
  let at = jpegEnd(bytes, 0);
  // Phones append further pictures (MPF: depth map, gain map) after the first: each must be a whole JPEG too.
  while (at < bytes.length) at = jpegEnd(bytes, at);
}

function checkWebp(bytes: Buffer): void {
  if (bytes.readUInt32LE(4) !== bytes.length - 8) fail('WebP size does not match the file');
  let at = 12;
  let sawImage = false;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) fail('WebP chunk cut short');
    const type = bytes.toString('latin1', at, at + 4);
    const length = bytes.readUInt32LE(at + 4);
    const end = at + 8 + length + (length % 2);
    if (end > bytes.length) fail('WebP chunk overruns the file');
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') sawImage = true;
    else if (hasMarkup(bytes.subarray(at + 8, end))) fail(`WebP chunk ${type} holds markup`);
    at = end;
  }
  if (!sawImage) fail('WebP without image data');
}

function checkHeic(bytes: Buffer): void {
  let at = 0;
  let sawMeta = false;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) fail('HEIC box cut short');
    let size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (size === 1) {
      if (at + 16 > bytes.length) fail('HEIC box cut short');
      size = Number(bytes.readBigUInt64BE(at + 8));
    } else if (size === 0) size = bytes.length - at;
    if (size < 8 || at + size > bytes.length) fail('HEIC box overruns the file');
    if (at === 0 && type !== 'ftyp') fail('HEIC does not start with ftyp');
    if (type === 'meta') sawMeta = true;
    if (type !== 'mdat' && hasMarkup(bytes.subarray(at, at + size))) fail(`HEIC box ${type} holds markup`);
    at += size;
  }
  if (!sawMeta) fail('HEIC without its item description');
}

/** PDF names may spell letters as #hh: decoded before looking for actions. */
const decodeNames = (text: string) =>
  text.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** At most this much decompressed per file: a PDF that inflates beyond it is refused (compression bomb). */
const MAX_INFLATED = 32 * 1024 * 1024;
/**
 * Streams read in one PDF: a scanned invoice or a report of a few hundred pages holds far fewer. Each compressed one
 * is inflated on the event loop whatever its size, so their number is bounded as well as the bytes they give.
 */
const MAX_STREAMS = 10_000;

function checkPdf(bytes: Buffer): void {
  const text = bytes.toString('latin1');
  if (!/^%PDF-[12]\.\d[\r\n]/.test(text)) fail('PDF header malformed');
  const tail = text.slice(-1024);
  const eof = /startxref\s+(\d+)\s+%%EOF[\r\n\t ]*$/.exec(tail);
  if (!eof) fail('PDF does not end with its cross-reference pointer and %%EOF, or has data after it');
  const xref = Number(eof![1]);
  if (xref <= 0 || xref >= bytes.length) fail('PDF cross-reference pointer outside the file');
  const objectAt = (offset: number) => /^\d+\s+\d+\s+obj\b/.test(text.slice(offset, offset + 32));
  if (text.startsWith('xref', xref)) {
    // A classic table: every object marked in use must be where the table says.
    const table = /^xref\s+((?:\d+\s+\d+\s+(?:\d{10}\s\d{5}\s[nf]\s*)*)+)trailer/.exec(text.slice(xref));
    if (!table) fail('PDF cross-reference table malformed');
    for (const entry of table![1]!.matchAll(/(\d{10})\s\d{5}\sn/g))
      if (!objectAt(Number(entry[1]))) fail('PDF cross-reference entry points nowhere');
  } else if (!objectAt(xref) || !/\/Type\s*\/XRef\b/.test(text.slice(xref, xref + 4096))) {
    fail('PDF cross-reference stream missing');
  }
  // Dictionaries and uncompressed content are read as they are; compressed streams are inflated and read too.
  let outside = '';
  let last = 0;
  let inflated = 0;
  let streams = 0;
  for (const stream of text.matchAll(/stream\r?\n/g)) {
    if (stream.index < last) continue; // inside a stream already read, or the `endstream` that closes one
    if (++streams > MAX_STREAMS) fail('PDF holds too many streams');
    const start = stream.index + stream[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) fail('PDF stream without its end');
    const dictionary = text.slice(Math.max(last, stream.index - 2048), stream.index);
    outside += text.slice(last, stream.index);
    last = end + 'endstream'.length;
    if (!/\/FlateDecode\b/.test(dictionary.slice(Math.max(0, dictionary.lastIndexOf('obj'))))) continue;
    let content: Buffer;
    try {
      content = inflateSync(bytes.subarray(start, end), {
        maxOutputLength: MAX_INFLATED - inflated,
        finishFlush: 2, // Z_SYNC_FLUSH: streams often end with a line break after the compressed data
      });
    } catch {
      fail('PDF stream cannot be decompressed or is too large');
    }
    inflated += content!.length;
    const decoded = content!.toString('latin1');
    if (MARKUP.test(decoded)) fail('PDF stream holds markup');
    if (/\/Type\s*\/ObjStm\b/.test(dictionary) && PDF_ACTIVE.test(decodeNames(decoded)))
      fail('PDF holds an action that runs code or carries a file');
  }
  outside += text.slice(last);
  if (MARKUP.test(outside)) fail('PDF holds markup');
  if (PDF_ACTIVE.test(decodeNames(outside))) fail('PDF holds an action that runs code or carries a file');
}

const FORMATS: { type: FileKind; starts: (b: Buffer) => boolean; check: (b: Buffer) => void }[] = [
  { type: 'image/png', starts: (b) => b.subarray(0, 8).equals(PNG_SIGNATURE), check: checkPng },
  { type: 'image/jpeg', starts: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, check: checkJpeg },
  { type: 'application/pdf', starts: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-', check: checkPdf },
  {
    type: 'image/webp',
    starts: (b) => b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
    check: checkWebp,
  },
  {
    type: 'image/heic',
    starts: (b) => b.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|mif1)/.test(b.toString('latin1', 8, 12)),
    check: checkHeic,
  },
];

/** Reads what a file is from its whole structure; the client's name or type for it is never asked. */
export function inspectFile(bytes: Buffer): FileVerdict {
  const format = FORMATS.find((f) => f.starts(bytes));
  if (!format) return { kind: 'unsupported' };
  try {
    format.check(bytes);
  } catch (error) {
    if (error instanceof Invalid) return { kind: 'invalid', why: error.message };
    if (error instanceof RangeError) return { kind: 'invalid', why: 'structure overruns the file' };
    throw error;
  }
  return { kind: 'accepted', contentType: format.type };
}
