// Photos, police reports and invoices attached to a claim. Bytes go to an AttachmentStore (local disk in embedded
// mode; a cloud store implements the same three calls); the database keeps what they are. The type is read from the
// bytes themselves, never trusted from the client.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Identity } from '@abri/platform';
import { type ClaimsApp, Topics } from '../context.ts';

export interface AttachmentStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export function diskStore(dir: string): AttachmentStore {
  const path = (key: string) => join(dir, key.replace(/[^\w.-]/g, '_'));
  return {
    async put(key, bytes) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(path(key), bytes, { mode: 0o600 });
    },
    get: (key) => readFile(path(key)).catch(() => null),
    delete: (key) => rm(path(key), { force: true }),
  };
}

export function memoryStore(): AttachmentStore {
  const files = new Map<string, Buffer>();
  return {
    async put(key, bytes) {
      files.set(key, bytes);
    },
    get: async (key) => files.get(key) ?? null,
    delete: async (key) => void files.delete(key),
  };
}

/** @default 5 MiB a file, 20 files a claim */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

/** The content types accepted, recognised by their first bytes. */
export function sniffType(bytes: Buffer): string | null {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  if (
    bytes.subarray(4, 8).toString('latin1') === 'ftyp' &&
    /^(heic|heix|mif1)/.test(bytes.subarray(8, 12).toString('latin1'))
  )
    return 'image/heic';
  return null;
}

export type AttachOutcome =
  | { kind: 'attached'; attachmentId: string }
  | { kind: 'notFound' }
  | { kind: 'closed' }
  | { kind: 'rejected'; reason: 'TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'TOO_MANY' | 'EMPTY' };

export async function attachFile(
  app: ClaimsApp,
  who: Identity,
  input: { claimId: string; filename: string; base64: string },
): Promise<AttachOutcome> {
  const claim = await app.prisma.claim.findUnique({
    where: { id: input.claimId },
    include: { _count: { select: { attachments: true } } },
  });
  if (!claim || claim.customerId !== who.sub) return { kind: 'notFound' };
  if (claim.status === 'CLOSED' || claim.status === 'REFUSED') return { kind: 'closed' };
  // Checked on the encoded length first, so an oversized upload is never decoded.
  if (input.base64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4)
    return { kind: 'rejected', reason: 'TOO_LARGE' };
  const bytes = Buffer.from(input.base64, 'base64');
  if (!bytes.length) return { kind: 'rejected', reason: 'EMPTY' };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { kind: 'rejected', reason: 'TOO_LARGE' };
  const contentType = sniffType(bytes);
  if (!contentType) return { kind: 'rejected', reason: 'UNSUPPORTED_TYPE' };
  if (claim._count.attachments >= MAX_ATTACHMENTS) return { kind: 'rejected', reason: 'TOO_MANY' };
  const storageKey = `${claim.id}-${randomUUID()}`;
  await app.attachments.put(storageKey, bytes);
  // The customer's other devices learn of it from the stream (issue 14): the row and its event in one transaction.
  const row = await app.prisma.$transaction(async (tx) => {
    const added = await tx.attachment.create({
      data: {
        claimId: claim.id,
        filename: input.filename.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 120) || 'fichier',
        contentType,
        sizeBytes: bytes.length,
        storageKey,
        createdAt: app.clock.now(),
      },
    });
    await app.outbox.add(tx, {
      topic: Topics.attachmentAdded,
      customerId: claim.customerId,
      payload: { claimId: claim.id, attachmentId: added.id },
      at: added.createdAt,
    });
    return added;
  });
  app.outbox.kick();
  return { kind: 'attached', attachmentId: row.id };
}
