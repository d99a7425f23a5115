// Just enough ASN.1 DER to build an X.509 certificate and a CMS signature (seal.ts) and to read them back in tests:
// node:crypto signs and parses certificates, but does not build them, nor CMS structures.
import { Buffer } from 'node:buffer';

/** A DER element already encoded. */
export type Der = Buffer;

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One tag-length-value element. */
export function tlv(tag: number, value: Buffer): Der {
  return Buffer.concat([Buffer.from([tag]), length(value.length), value]);
}

export const sequence = (...items: Der[]): Der => tlv(0x30, Buffer.concat(items));
/** A SET OF, its elements sorted by their encoding as DER requires. */
export const set = (...items: Der[]): Der => tlv(0x31, Buffer.concat([...items].sort(Buffer.compare)));
export const octets = (value: Buffer): Der => tlv(0x04, value);
export const nullValue = (): Der => Buffer.from([0x05, 0x00]);
export const utf8 = (text: string): Der => tlv(0x0c, Buffer.from(text, 'utf8'));
export const printable = (text: string): Der => tlv(0x13, Buffer.from(text, 'ascii'));
export const bitString = (value: Buffer, unusedBits = 0): Der =>
  tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), value]));
export const boolean = (value: boolean): Der => Buffer.from([0x01, 0x01, value ? 0xff : 0x00]);
/** `[n]` EXPLICIT: a constructed context-specific element wrapping complete elements. */
export const explicit = (n: number, ...items: Der[]): Der => tlv(0xa0 | n, Buffer.concat(items));

/** A non-negative INTEGER from its big-endian bytes (a leading zero is added when the high bit is set). */
export function unsignedInteger(bytes: Buffer): Der {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = bytes.subarray(start);
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}
/** A small non-negative INTEGER (versions). */
export const smallInteger = (n: number): Der => unsignedInteger(Buffer.from([n]));

export function oid(dotted: string): Der {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [];
    for (let value = arc; ; value = Math.floor(value / 128)) {
      groups.unshift(value % 128);
      if (value < 128) break;
    }
    bytes.push(...groups.map((group, i) => (i < groups.length - 1 ? group | 0x80 : group)));
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime up to 2049, GeneralizedTime after (RFC 5280, 4.1.2.5). */
export function time(at: Date): Der {
  const iso = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return at.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

/** A decoded element: its tag, its value, and the complete encoding (to re-use or re-tag it). */
export interface Node {
  tag: number;
  value: Buffer;
  encoded: Buffer;
}

/** Reads the element at `offset`. */
export function read(input: Buffer, offset = 0): Node {
  const tag = input[offset] ?? -1;
  let cursor = offset + 1;
  const first = input[cursor] ?? 0;
  cursor += 1;
  let size = first;
  if (first & 0x80) {
    size = 0;
    for (let i = 0; i < (first & 0x7f); i += 1) size = size * 256 + (input[cursor + i] ?? 0);
    cursor += first & 0x7f;
  }
  if (tag < 0 || cursor + size > input.length) throw new RangeError('truncated DER');
  return { tag, value: input.subarray(cursor, cursor + size), encoded: input.subarray(offset, cursor + size) };
}

/** The elements inside a constructed one. */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let offset = 0; offset < node.value.length; ) {
    const child = read(node.value, offset);
    out.push(child);
    offset += child.encoded.length;
  }
  return out;
}

/** The dotted form of an OBJECT IDENTIFIER's value. */
export function oidText(value: Buffer): string {
  const arcs = [Math.floor((value[0] ?? 0) / 40), (value[0] ?? 0) % 40];
  let current = 0;
  for (const byte of value.subarray(1)) {
    current = current * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(current);
      current = 0;
    }
  }
  return arcs.join('.');
}
