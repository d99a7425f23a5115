// Photos, police reports and invoices attached to a claim. Bytes go to an AttachmentStore (local disk in embedded
// mode; a cloud store implements the same three calls); the database keeps what they are. The type is read from the
// file's whole structure (`domain/files.ts`), never trusted from the client, and polyglots are refused. The 20-file
// limit is counted under a lock on the claim's row: 30 simultaneous uploads once left a claim with 30 files.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Events, type Identity, isCustomer } from '@abri/platform';
import type { ClaimsApp } from '../context.ts';
import { inspectFile } from '../domain/files.ts';

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

export type AttachOutcome =
  | { kind: 'attached'; attachmentId: string }
  | { kind: 'notFound' }
  | { kind: 'closed' }
  | { kind: 'rejected'; reason: 'TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'INVALID_FILE' | 'TOO_MANY' | 'EMPTY' };

export async function attachFile(
  app: ClaimsApp,
  who: Identity,
  input: { claimId: string; filename: string; base64: string },
): Promise<AttachOutcome> {
  const claim = await app.prisma.claim.findUnique({ where: { id: input.claimId } });
  if (!claim || claim.customerId !== who.sub) return { kind: 'notFound' };
  if (claim.status === 'CLOSED' || claim.status === 'REFUSED') return { kind: 'closed' };
  // Checked on the encoded length first, so an oversized upload is never decoded.
  if (input.base64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4)
    return { kind: 'rejected', reason: 'TOO_LARGE' };
  const bytes = Buffer.from(input.base64, 'base64');
  if (!bytes.length) return { kind: 'rejected', reason: 'EMPTY' };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { kind: 'rejected', reason: 'TOO_LARGE' };
  const verdict = inspectFile(bytes);
  if (verdict.kind === 'unsupported') return { kind: 'rejected', reason: 'UNSUPPORTED_TYPE' };
  if (verdict.kind === 'invalid') {
    app.log.warn('attachment refused: not a well-formed file', { claimId: claim.id, why: verdict.why });
    return { kind: 'rejected', reason: 'INVALID_FILE' };
  }
  // Stored first, so the row lock below is held only for a count and an insert; dropped again if over the limit.
  const storageKey = `${claim.id}-${randomUUID()}`;
  await app.attachments.put(storageKey, bytes);
  // The customer's other devices learn of it from the stream (issue 14): the row and its event in one transaction.
  const row = await app.prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe('SELECT id FROM "claims"."Claim" WHERE id = $1 FOR UPDATE', claim.id);
    if ((await tx.attachment.count({ where: { claimId: claim.id } })) >= MAX_ATTACHMENTS) return null;
    const added = await tx.attachment.create({
      data: {
        claimId: claim.id,
        filename: safeFilename(input.filename),
        contentType: verdict.contentType,
        sizeBytes: bytes.length,
        storageKey,
        createdAt: app.clock.now(),
      },
    });
    await app.outbox.add(tx, Events.attachmentAdded, {
      customerId: claim.customerId,
      payload: { claimId: claim.id, attachmentId: added.id },
      at: added.createdAt,
    });
    return added;
  });
  if (!row) {
    await app.attachments.delete(storageKey);
    return { kind: 'rejected', reason: 'TOO_MANY' };
  }
  app.outbox.kick();
  return { kind: 'attached', attachmentId: row.id };
}

/** Letters, digits, spaces, dots, dashes and underscores; 120 characters at most. */
export const safeFilename = (name: string) =>
  name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 120) || 'fichier';

/** The extensions a saved file may keep for each type read from the bytes; the first is given otherwise. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/heic': ['.heic'],
  'application/pdf': ['.pdf'],
};

/**
 * RFC 6266 header, never shown inline: an ASCII fallback name and the real one percent-encoded, with an extension of
 * the type read from the bytes (a file sent as `.html` is saved as the image it is).
 */
export function downloadDisposition(filename: string, contentType: string): string {
  const allowed = EXTENSIONS[contentType] ?? ['.bin'];
  const safe = safeFilename(filename);
  const extension = /\.[^.]*$/.exec(safe)?.[0]?.toLowerCase() ?? '';
  const name = allowed.includes(extension)
    ? safe
    : `${safe.slice(0, safe.length - extension.length) || 'fichier'}${allowed[0]}`;
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'fichier';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * GET /attachments/<id> (through the gateway, which signs who asks): the file, to its customer only, always as a
 * download with the type read from its structure when it was attached (never the client's), and `nosniff`.
 */
export function attachmentDownload(app: () => ClaimsApp) {
  return async (req: IncomingMessage, res: ServerResponse, who: Identity | null) => {
    const id = (req.url ?? '').split('?')[0]!.split('/').pop() ?? '';
    const row = /^[0-9a-f-]{36}$/.test(id)
      ? await app().prisma.attachment.findUnique({
          where: { id },
          include: { claim: { select: { customerId: true } } },
        })
      : null;
    const bytes =
      row && isCustomer(who) && row.claim.customerId === who.sub ? await app().attachments.get(row.storageKey) : null;
    if (!row || !bytes) {
      res.writeHead(404, { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' });
      res.end(
        JSON.stringify({ errors: [{ message: 'Pièce jointe introuvable.', extensions: { code: 'NOT_FOUND' } }] }),
      );
      return;
    }
    res.writeHead(200, {
      'content-type': row.contentType,
      'content-length': String(bytes.length),
      'content-disposition': downloadDisposition(row.filename, row.contentType),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    });
    res.end(bytes);
  };
}
