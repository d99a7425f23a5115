import { randomBytes } from 'node:crypto';
import { parseKeyring } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../src/app/attachments.ts';
import { ObjectTooLarge, objectStore } from '../src/app/object-store.ts';
import { sealedStore } from '../src/app/sealed-store.ts';
import { startS3Server } from './s3-server.ts';

const credentials = { accessKeyId: 'AKIATESTABRI', secretAccessKey: randomBytes(30).toString('base64') };
let s3: Awaited<ReturnType<typeof startS3Server>>;
beforeAll(async () => {
  s3 = await startS3Server(credentials);
});
afterAll(() => s3?.close());

const keyring = parseKeyring(`a1:${randomBytes(32).toString('base64')}`);
const store = () =>
  sealedStore(objectStore({ bucket: 'claims', endpoint: s3.endpoint, region: 'eu-west-3', credentials }), keyring);

/** A small PDF whose text is easy to look for. */
const clearFile = Buffer.from('%PDF-1.4\nConstat amiable de Camille Martin, 12 rue des Lilas\n%%EOF\n');

describe('claim attachments in S3-compatible object storage', () => {
  it('stores a file sealed, with server-side encryption asked, and reads it back', async () => {
    const attachments = store();
    await attachments.put('claim-1-file-1', clearFile);
    const [[path, stored]] = [...s3.objects.entries()] as [
      [string, { bytes: Buffer; headers: Record<string, string> }],
    ];
    expect(path).toBe('/claims/attachments/claim-1-file-1');
    expect(stored.headers['x-amz-server-side-encryption']).toBe('AES256');
    // What the provider holds is not the file: no header, no text, not the same length.
    expect(stored.bytes.equals(clearFile)).toBe(false);
    expect(stored.bytes.includes(Buffer.from('%PDF'))).toBe(false);
    expect(stored.bytes.includes(Buffer.from('Camille'))).toBe(false);
    expect(await attachments.get('claim-1-file-1')).toEqual(clearFile);
    // Every request was signed with the key (SigV4 checked by the server).
    expect(s3.seen.refused).toBe(0);
  });

  it('answers null for a missing object and forgets a deleted one', async () => {
    const attachments = store();
    expect(await attachments.get('never-written')).toBeNull();
    await attachments.put('claim-2-file-1', clearFile);
    await attachments.delete('claim-2-file-1');
    expect(await attachments.get('claim-2-file-1')).toBeNull();
  });

  it('refuses a file over the size limit before sending anything', async () => {
    const before = s3.seen.requests;
    await expect(store().put('claim-3-big', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1))).rejects.toBeInstanceOf(
      ObjectTooLarge,
    );
    // The object store's own limit (the file and its envelope) holds without the sealing layer too.
    const bare = objectStore({ bucket: 'claims', endpoint: s3.endpoint, credentials });
    await expect(bare.put('claim-3-bigger', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1025))).rejects.toBeInstanceOf(
      ObjectTooLarge,
    );
    expect(s3.seen.requests).toBe(before);
    // The largest file the application accepts still fits, envelope included.
    await store().put('claim-3-max', Buffer.alloc(MAX_ATTACHMENT_BYTES, 1));
    expect((await store().get('claim-3-max'))?.length).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('does not open an object copied under another key, nor one sealed under an unknown key', async () => {
    const attachments = store();
    await attachments.put('claim-4-file-1', clearFile);
    s3.objects.set('/claims/attachments/claim-4-file-2', s3.objects.get('/claims/attachments/claim-4-file-1')!);
    await expect(attachments.get('claim-4-file-2')).rejects.toThrow();
    const otherRing = parseKeyring(`b2:${randomBytes(32).toString('base64')}`);
    const other = sealedStore(objectStore({ bucket: 'claims', endpoint: s3.endpoint, credentials }), otherRing);
    await expect(other.get('claim-4-file-1')).rejects.toThrow(/unreadable/);
  });

  it('is refused by the service with the wrong secret', async () => {
    const wrong = objectStore({
      bucket: 'claims',
      endpoint: s3.endpoint,
      credentials: { ...credentials, secretAccessKey: 'not-the-secret' },
    });
    const refused = s3.seen.refused;
    await expect(wrong.put('claim-5-file-1', clearFile)).rejects.toThrow();
    expect(s3.seen.refused).toBeGreaterThan(refused);
    expect(s3.objects.has('/claims/attachments/claim-5-file-1')).toBe(false);
  });
});
