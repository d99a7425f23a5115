// Real files and polyglots built from them, for the attachment checks (unit and through the gateway).
import { crc32 } from 'node:zlib';
import { renderPdf } from '@abri/platform/pdf';

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A 2×2 JPEG (rendered by pdftoppm). */
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEABwAHAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAACAAIDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDAoooryD9EP//Z',
  'base64',
);

/** A one-page invoice as a PDF (compressed streams, cross-reference table). */
export const pdf = () =>
  renderPdf({ content: ['Facture n° 2026-118 : plombier, 480,00 €'], defaultStyle: { font: 'Helvetica' } });

export const PAGE = Buffer.from('<html><body><script>fetch("/graphql")</script></body></html>');

/** A PNG chunk of `type` holding `data`, with its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** The PNG with a text chunk holding `text` just after its header (a valid PNG either way). */
export const pngWithText = (text: Buffer) =>
  Buffer.concat([
    PNG.subarray(0, 33),
    pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), text])),
    PNG.subarray(33),
  ]);

/** The JPEG with a comment segment holding `text` just after SOI. */
export function jpegWithComment(text: Buffer): Buffer {
  const head = Buffer.from([0xff, 0xfe, 0, 0]);
  head.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([JPEG.subarray(0, 2), head, text, JPEG.subarray(2)]);
}

/** `file` with one more object appended as an incremental update (cross-reference section, trailer, %%EOF). */
export function withUpdate(file: Buffer, object: string): Buffer {
  const start = file.length + 1;
  const body = `\n99 0 obj\n${object}\nendobj\n`;
  const xref = start - 1 + body.length;
  const update = `${body}xref\n99 1\n${String(start).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 100 >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([file, Buffer.from(update, 'latin1')]);
}

/** The files that start like an image or a PDF and are not (or carry a page): each must be refused. */
export async function polyglots(): Promise<[string, Buffer][]> {
  const invoice = await pdf();
  return [
    ['PNG magic then a page', Buffer.concat([PNG.subarray(0, 8), PAGE])],
    ['a PNG with a page after its end', Buffer.concat([PNG, PAGE])],
    ['a PNG with a page in a text chunk', pngWithText(PAGE)],
    ['a PNG with a broken CRC', Buffer.concat([PNG.subarray(0, 29), Buffer.from([0, 0, 0, 0]), PNG.subarray(33)])],
    ['JPEG magic then a page', Buffer.concat([JPEG.subarray(0, 3), PAGE])],
    ['a JPEG with a page after its end', Buffer.concat([JPEG, PAGE])],
    ['a JPEG with a page in a comment', jpegWithComment(PAGE)],
    ['PDF magic then a page', Buffer.concat([Buffer.from('%PDF-1.7\n'), PAGE])],
    ['a PDF with a page after %%EOF', Buffer.concat([invoice, PAGE])],
    [
      'a PDF that adds JavaScript in an incremental update',
      withUpdate(invoice, '<< /S /JavaScript /JS (app.alert(1)) >>'),
    ],
    ['a PDF that hides the action name in #hh escapes', withUpdate(invoice, '<< /S /J#61vaScript >>')],
    ['a WebP whose size lies', Buffer.concat([Buffer.from('RIFF\xff\x00\x00\x00WEBPVP8 ', 'latin1'), PAGE])],
  ];
}
