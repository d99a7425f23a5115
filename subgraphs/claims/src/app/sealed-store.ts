// Attachments sealed by the application before they reach any store (AES-256-GCM under the claims keyring, the
// storage key as associated data: an object copied under another key does not open). Rotation: the first key seals,
// every key of the ring opens what it sealed.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from '@abri/platform';
import { type AttachmentStore, MAX_ATTACHMENT_BYTES } from './attachments.ts';
import { ObjectTooLarge } from './object-store.ts';

/** `ABf1`, key id length, key id, iv (12), tag (16), ciphertext. */
const HEADER = Buffer.from('ABf1', 'latin1');

export function sealedStore(inner: AttachmentStore, keyring: Keyring): AttachmentStore {
  return {
    async put(key, bytes) {
      if (bytes.length > MAX_ATTACHMENT_BYTES) throw new ObjectTooLarge(bytes.length);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyring.keys[keyring.current]!, iv);
      cipher.setAAD(Buffer.from(key));
      const data = Buffer.concat([cipher.update(bytes), cipher.final()]);
      const kid = Buffer.from(keyring.current, 'latin1');
      await inner.put(key, Buffer.concat([HEADER, Buffer.from([kid.length]), kid, iv, cipher.getAuthTag(), data]));
    },
    async get(key) {
      const sealed = await inner.get(key);
      if (!sealed) return null;
      if (!sealed.subarray(0, HEADER.length).equals(HEADER)) throw new Error('attachment is not sealed');
      const kidEnd = HEADER.length + 1 + sealed[HEADER.length]!;
      const secret = keyring.keys[sealed.subarray(HEADER.length + 1, kidEnd).toString('latin1')];
      if (!secret) throw new Error('attachment sealed under an unknown key');
      const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(kidEnd, kidEnd + 12), {
        authTagLength: 16,
      });
      decipher.setAAD(Buffer.from(key));
      decipher.setAuthTag(sealed.subarray(kidEnd + 12, kidEnd + 28));
      return Buffer.concat([decipher.update(sealed.subarray(kidEnd + 28)), decipher.final()]);
    },
    delete: (key) => inner.delete(key),
  };
}
