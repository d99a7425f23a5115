// Hashing of tokens and field encryption at rest (AES-256-GCM under a key id that can rotate).
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

// The one-shot form: half the CPU of a Hash object for a request body (0.96 against 1.97 µs for 500 bytes).
export const sha256 = (value: string | Buffer): string => hash('sha256', value, 'base64url');

/** A random opaque token (256 bits), URL-safe. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Data keys by id; `current` encrypts, every listed key decrypts (rotation keeps old ids readable). */
export interface Keyring {
  current: string;
  keys: Record<string, Buffer>;
}

/** Parses `kid1:base64key,kid2:base64key`; the first is current. Each key must be 32 bytes. */
export function parseKeyring(spec: string): Keyring {
  const entries = spec.split(',').map((part) => {
    const [kid, b64] = part.trim().split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!kid || key.length !== 32) throw new Error('each encryption key must be "<id>:<32 bytes in base64>"');
    return [kid, key] as const;
  });
  return { current: entries[0]![0], keys: Object.fromEntries(entries) };
}

/** `v1.<kid>.<iv>.<tag>.<ciphertext>`, base64url parts. `context` binds the ciphertext to its row and field. */
export function encryptField(keyring: Keyring, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.keys[keyring.current]!, iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    keyring.current,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    data.toString('base64url'),
  ].join('.');
}

export function decryptField(keyring: Keyring, sealed: string, context: string): string {
  const [version, kid, iv, tag, data] = sealed.split('.');
  const key = kid ? keyring.keys[kid] : undefined;
  if (version !== 'v1' || !key || !iv || !tag || data === undefined) throw new Error('unreadable encrypted field');
  // A fixed tag length: without it Node accepts a truncated tag (down to 4 bytes), which makes forgery far cheaper.
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** The key id a sealed value (text, JSON or bytes) was encrypted under, or null when it is not sealed. */
export function sealedKeyId(value: unknown): string | null {
  if (typeof value === 'string') return value.startsWith('v1.') ? (value.split('.', 3)[1] ?? null) : null;
  if (value instanceof Uint8Array) {
    const buffer = Buffer.from(value);
    if (buffer.length < BYTES_HEADER.length + 1 || !buffer.subarray(0, BYTES_HEADER.length).equals(BYTES_HEADER))
      return null;
    const kidLength = buffer[BYTES_HEADER.length]!;
    return buffer.subarray(BYTES_HEADER.length + 1, BYTES_HEADER.length + 1 + kidLength).toString('latin1');
  }
  return null;
}

/** Binary envelope of sealed bytes (files, PDFs): `ABv1`, key id length, key id, iv (12), tag (16), ciphertext. */
const BYTES_HEADER = Buffer.from('ABv1', 'latin1');

export function encryptBytes(keyring: Keyring, plaintext: Uint8Array, context: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.keys[keyring.current]!, iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const kid = Buffer.from(keyring.current, 'latin1');
  return Buffer.concat([BYTES_HEADER, Buffer.from([kid.length]), kid, iv, cipher.getAuthTag(), data]);
}

export function decryptBytes(keyring: Keyring, sealed: Uint8Array, context: string): Buffer {
  const buffer = Buffer.from(sealed);
  const kid = sealedKeyId(buffer);
  const key = kid === null ? undefined : keyring.keys[kid];
  if (!key || kid === null) throw new Error('unreadable encrypted bytes');
  const at = BYTES_HEADER.length + 1 + Buffer.byteLength(kid, 'latin1');
  const decipher = createDecipheriv('aes-256-gcm', key, buffer.subarray(at, at + 12), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(buffer.subarray(at + 12, at + 28));
  return Buffer.concat([decipher.update(buffer.subarray(at + 28)), decipher.final()]);
}

/**
 * Keyed blind index of a value (HMAC-SHA-256): equal values give equal indexes, so a unique column and an equality
 * lookup work on it, while the value stays unreadable without the key. `scope` (model and field) keeps the same
 * value from giving the same index in two places.
 */
export const blindIndex = (key: Buffer, scope: string, value: string): string =>
  createHmac('sha256', key).update(`${scope}\u0000${value}`).digest('base64url');

/**
 * Keyed blind indexes: an HMAC-SHA256 of a normalised value under a key derived (HKDF) from one keyring key and the
 * purpose, written `<key id>.<mac>`. Equal values give equal indexes under one key, so a unique column finds
 * duplicates of an encrypted field without decrypting anything, and the index alone reveals nothing to whoever
 * lacks the keys. Every key of the ring gives a candidate, so a value indexed before a rotation is still found.
 */
export function blindIndexes(keyring: Keyring, value: string, purpose: string): { current: string; all: string[] } {
  const under = (kid: string) => {
    const key = Buffer.from(hkdfSync('sha256', keyring.keys[kid]!, Buffer.alloc(0), `blind-index:${purpose}`, 32));
    return `${kid}.${createHmac('sha256', key).update(value, 'utf8').digest('base64url')}`;
  };
  return { current: under(keyring.current), all: Object.keys(keyring.keys).map(under) };
}
