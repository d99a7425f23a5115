import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, type Keyring, parseKeyring, safeEqual, sha256 } from '../src/crypto.ts';

const key = (bytes = 32) => randomBytes(bytes).toString('base64');
const keyring = (spec = `k1:${key()}`): Keyring => parseKeyring(spec);

/** Replaces part `index` of a sealed value (`v1.kid.iv.tag.data`). */
const withPart = (sealed: string, index: number, value: string) => sealed.split('.').with(index, value).join('.');

describe('encryptField / decryptField', () => {
  it('decrypts what it encrypted, under the same context', () => {
    const ring = keyring();
    for (const plaintext of ['+33612345678', '', 'Élise — 🏠 12 rue de la Paix']) {
      expect(decryptField(ring, encryptField(ring, plaintext, 'customer:1:phone'), 'customer:1:phone')).toBe(plaintext);
    }
  });

  it('seals under the current key id and never shows the plaintext', () => {
    const ring = keyring();
    const sealed = encryptField(ring, '+33612345678', 'ctx');
    expect(sealed.split('.').slice(0, 2)).toEqual(['v1', 'k1']);
    expect(sealed).not.toContain('612345678');
  });

  it('uses a fresh IV, so the same value seals differently each time', () => {
    const ring = keyring();
    expect(encryptField(ring, 'same', 'ctx')).not.toBe(encryptField(ring, 'same', 'ctx'));
  });

  it('refuses to decrypt under a different context (another row or field)', () => {
    const ring = keyring();
    const sealed = encryptField(ring, '+33612345678', 'customer:1:phone');
    expect(() => decryptField(ring, sealed, 'customer:2:phone')).toThrow();
    expect(() => decryptField(ring, sealed, 'customer:1:email')).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const ring = keyring();
    const sealed = encryptField(ring, '+33612345678', 'ctx');
    const data = Buffer.from(sealed.split('.')[4]!, 'base64url');
    data[0]! ^= 1;
    expect(() => decryptField(ring, withPart(sealed, 4, data.toString('base64url')), 'ctx')).toThrow();
  });

  it('refuses a tampered IV or tag', () => {
    const ring = keyring();
    const sealed = encryptField(ring, 'secret', 'ctx');
    for (const index of [2, 3]) {
      const part = Buffer.from(sealed.split('.')[index]!, 'base64url');
      part[0]! ^= 0x80;
      expect(() => decryptField(ring, withPart(sealed, index, part.toString('base64url')), 'ctx')).toThrow();
    }
  });

  it('refuses a truncated authentication tag', () => {
    const ring = keyring();
    const sealed = encryptField(ring, 'secret', 'ctx');
    const tag = Buffer.from(sealed.split('.')[3]!, 'base64url');
    for (const length of [4, 8, 12, 15]) {
      expect(() =>
        decryptField(ring, withPart(sealed, 3, tag.subarray(0, length).toString('base64url')), 'ctx'),
      ).toThrow();
    }
  });

  it('refuses a value sealed under a key it does not hold', () => {
    const sealed = encryptField(keyring(), 'secret', 'ctx');
    expect(() => decryptField(keyring(), sealed, 'ctx')).toThrow();
    expect(() => decryptField(keyring(`k2:${key()}`), sealed, 'ctx')).toThrow('unreadable encrypted field');
  });

  it.each(['', 'garbage', 'v2.k1.a.b.c', 'v1.k1.iv.tag', 'v1..a.b.c'])('refuses the malformed value %j', (sealed) => {
    expect(() => decryptField(keyring(), sealed, 'ctx')).toThrow('unreadable encrypted field');
  });
});

describe('key rotation', () => {
  it('still decrypts values sealed under the old key once a new key is current', () => {
    const oldKey = key();
    const before = keyring(`old:${oldKey}`);
    const sealed = encryptField(before, '+33612345678', 'ctx');

    const after = keyring(`new:${key()},old:${oldKey}`);
    expect(after.current).toBe('new');
    expect(decryptField(after, sealed, 'ctx')).toBe('+33612345678');

    const resealed = encryptField(after, '+33612345678', 'ctx');
    expect(resealed.split('.')[1]).toBe('new');
    expect(decryptField(after, resealed, 'ctx')).toBe('+33612345678');
    expect(() => decryptField(before, resealed, 'ctx')).toThrow();
  });
});

describe('parseKeyring', () => {
  it('makes the first key current and keeps every key by id', () => {
    const [a, b] = [key(), key()];
    const ring = parseKeyring(` k1:${a} , k0:${b}`);
    expect(ring.current).toBe('k1');
    expect(Object.keys(ring.keys)).toEqual(['k1', 'k0']);
    expect(ring.keys.k1).toEqual(Buffer.from(a, 'base64'));
    expect(ring.keys.k0).toEqual(Buffer.from(b, 'base64'));
  });

  it.each([
    ['a 16-byte key', `k1:${randomBytes(16).toString('base64')}`],
    ['a 31-byte key', `k1:${randomBytes(31).toString('base64')}`],
    ['a 33-byte key', `k1:${randomBytes(33).toString('base64')}`],
    ['a 64-byte key', `k1:${randomBytes(64).toString('base64')}`],
    [
      'a good key then a short one',
      `k1:${randomBytes(32).toString('base64')},k0:${randomBytes(24).toString('base64')}`,
    ],
    ['a key without an id', `:${randomBytes(32).toString('base64')}`],
    ['an id without a key', 'k1'],
    ['nothing', ''],
  ])('rejects %s', (_what, spec) => {
    expect(() => parseKeyring(spec)).toThrow('each encryption key must be');
  });
});

describe('token helpers', () => {
  it('hashes to a stable url-safe sha256', () => {
    expect(sha256('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it('compares strings of any length without throwing', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
