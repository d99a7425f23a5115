// Attachment bytes sealed at rest (AES-256-GCM under the service's current key, bound to their storage key), whatever
// store holds them. A file stored before sealing reads as it is; `npm run keys:rotate` seals it again.
import {
  decryptBytes,
  encryptBytes,
  type Keyring,
  type ResealOptions,
  type ResealReport,
  type SqlRunner,
  sealedKeyId,
} from '@abri/platform';
import { type AttachmentStore, MAX_ATTACHMENT_BYTES } from './attachments.ts';
import { ObjectTooLarge } from './object-store.ts';

const context = (key: string) => `attachment:${key}`;

export function sealedStore(store: AttachmentStore, keyring: Keyring): AttachmentStore {
  return {
    async put(key, bytes) {
      // Refused before sealing: no store is sent more than the application accepts.
      if (bytes.length > MAX_ATTACHMENT_BYTES) throw new ObjectTooLarge(bytes.length);
      await store.put(key, encryptBytes(keyring, bytes, context(key)));
    },
    async get(key) {
      const stored = await store.get(key);
      return stored && sealedKeyId(stored) !== null ? decryptBytes(keyring, stored, context(key)) : stored;
    },
    delete: (key) => store.delete(key),
  };
}

/** Seals again under the current key a file stored under an older one (or in clear); false when nothing changed. */
export async function resealFile(store: AttachmentStore, keyring: Keyring, key: string): Promise<boolean> {
  const stored = await store.get(key);
  if (!stored || sealedKeyId(stored) === keyring.current) return false;
  const sealed = sealedStore(store, keyring);
  const plain = await sealed.get(key);
  if (!plain) return false;
  await sealed.put(key, plain);
  return true;
}

/** Seals again every stored attachment not under the current key, in batches of Attachment rows. */
export async function resealFiles(
  db: SqlRunner,
  store: AttachmentStore,
  keyring: Keyring,
  options: Pick<ResealOptions, 'batch' | 'onProgress'> = {},
): Promise<ResealReport> {
  const batch = options.batch ?? 200;
  const progress = { model: 'Attachment', field: '(file)', resealed: 0, skipped: 0 };
  let after = '';
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: string; storageKey: string }[]>(
      `SELECT id, "storageKey" FROM "claims"."Attachment" WHERE id > $1 ORDER BY id LIMIT ${batch}`,
      after,
    );
    for (const row of rows)
      if (await resealFile(store, keyring, row.storageKey)) progress.resealed++;
      else progress.skipped++;
    options.onProgress?.({ ...progress });
    if (rows.length < batch) break;
    after = rows.at(-1)!.id;
  }
  return { resealed: progress.resealed, skipped: 0, remaining: 0 };
}
