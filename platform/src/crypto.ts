// Hashing of tokens and field encryption at rest (AES-256-GCM under a key id that can rotate).
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export const sha256 = (value: string | Buffer): string => createHash('sha256').update(value).digest('base64url');

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
