// Portability (issue 15.4): a customer asks for a copy of their data; the request is a row (a durable job: a restart
// of any process loses nothing), the gateway's relay (gateway/src/exports.ts) takes it, fetches each other
// subgraph's part over their signed internal route and hands each part here; users adds its own, assembles one ZIP
// (JSON and CSV per category, the issued PDFs, a LISEZ-MOI), keeps it encrypted for 7 days for its owner only, tells
// the customer by e-mail and on their stream, then deletes it. Progress is each part's arrival.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  decryptField,
  Events,
  EXPORT_RELAYED,
  type ExportPart,
  encryptField,
  exportPart,
  HttpError,
  type Identity,
  isCustomer,
  sendJson,
  sha256,
  toCsv,
} from '@abri/platform';
import { frenchDateTime } from '@abri/platform/french';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { usersRegister } from '../../../../prisma/users/personal-data.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { phoneContext } from './profile.ts';

/** How long the ZIP may be downloaded. */
export const EXPORT_TTL_MS = 7 * 24 * 3600_000;
/** One request per customer in this window (each one reads the whole file of four services). */
export const EXPORT_INTERVAL_MS = 24 * 3600_000;
/** How long a relay holds a job before another may take it over. */
const LEASE_MS = 2 * 60_000;
/** Every part of a complete export: users' own and the relayed ones. */
const PARTS = ['users', ...EXPORT_RELAYED] as const;
/** A part larger than this is refused (the relay's body). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export const zipContext = (id: string) => `data-export:${id}:zip`;
export const partContext = (id: string, service: string) => `data-export:${id}:part:${service}`;

export interface DataExportView {
  id: string;
  status: 'PENDING' | 'GATHERING' | 'READY' | 'EXPIRED';
  requestedAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
  sizeBytes: number | null;
  partsDone: number;
}

const view = (row: {
  id: string;
  status: DataExportView['status'];
  requestedAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
  sizeBytes: number | null;
  _count: { parts: number };
}): DataExportView => ({
  id: row.id,
  status: row.status,
  requestedAt: row.requestedAt,
  readyAt: row.readyAt,
  expiresAt: row.expiresAt,
  sizeBytes: row.sizeBytes,
  partsDone: row.status === 'READY' || row.status === 'EXPIRED' ? PARTS.length : row._count.parts,
});
const VIEW_SELECT = {
  id: true,
  status: true,
  requestedAt: true,
  readyAt: true,
  expiresAt: true,
  sizeBytes: true,
  _count: { select: { parts: true } },
} as const;

/** Share of the parts gathered, 0 to 100. */
export const progressOf = (e: DataExportView) => Math.round((e.partsDone / PARTS.length) * 100);
/** The path the gateway serves the ZIP on (through a signed download link, like documents). */
export const exportPath = (id: string) => `/exports/${id}.zip`;

export async function exportsOf(app: UsersApp, customerId: string): Promise<DataExportView[]> {
  const rows = await app.prisma.dataExport.findMany({
    where: { customerId },
    orderBy: { requestedAt: 'desc' },
    take: 20,
    select: VIEW_SELECT,
  });
  return rows.map(view);
}

export type RequestExportOutcome = { kind: 'requested'; export: DataExportView } | { kind: 'tooSoon'; retryAt: Date };

/** Queues a new export unless one was asked for within the last day. */
export async function requestDataExport(app: UsersApp, customerId: string): Promise<RequestExportOutcome> {
  const now = app.clock.now();
  const outcome = await app.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `data-export:${customerId}`);
    const last = await tx.dataExport.findFirst({ where: { customerId }, orderBy: { requestedAt: 'desc' } });
    if (last && now.getTime() - last.requestedAt.getTime() < EXPORT_INTERVAL_MS)
      return { kind: 'tooSoon' as const, retryAt: new Date(last.requestedAt.getTime() + EXPORT_INTERVAL_MS) };
    const created = await tx.dataExport.create({ data: { customerId, requestedAt: now }, select: VIEW_SELECT });
    await app.outbox.add(tx, Events.dataExportRequested, { customerId, payload: { exportId: created.id }, at: now });
    await announce(app, tx, customerId, created.id, 'PENDING', 0);
    return { kind: 'requested' as const, export: view(created) };
  });
  if (outcome.kind === 'requested') app.outbox.kick();
  return outcome;
}

type Tx = Parameters<Parameters<UsersApp['prisma']['$transaction']>[0]>[0];

/** The customer's devices see each step on their stream (`DataExportUpdate`). */
async function announce(
  app: UsersApp,
  tx: Tx,
  customerId: string,
  exportId: string,
  status: DataExportView['status'],
  progress: number,
) {
  await app.outbox.add(tx, Events.dataExportChanged, {
    customerId,
    payload: { exportId, status, progress },
    at: app.clock.now(),
  });
}

/**
 * For the relay: takes the oldest export waiting (or whose relay stopped holding it) and says which parts it still
 * needs; null when none waits. Two relays never hold one job at once (the update is conditional).
 */
export async function takeNextExport(
  app: UsersApp,
): Promise<{ id: string; customerId: string; missing: string[] } | null> {
  const now = app.clock.now();
  for (let tries = 0; tries < 3; tries++) {
    const next = await app.prisma.dataExport.findFirst({
      where: { status: { in: ['PENDING', 'GATHERING'] }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      orderBy: { requestedAt: 'asc' },
      select: { id: true, customerId: true, leaseUntil: true, parts: { select: { service: true } } },
    });
    if (!next) return null;
    const taken = await app.prisma.dataExport.updateMany({
      where: { id: next.id, leaseUntil: next.leaseUntil },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS), status: 'GATHERING' },
    });
    if (!taken.count) continue;
    const have = new Set(next.parts.map((p) => p.service));
    const missing = EXPORT_RELAYED.filter((s) => !have.has(s));
    if (!missing.length) await assemble(app, next.id);
    return { id: next.id, customerId: next.customerId, missing };
  }
  return null;
}

/** Stores a relayed part (again: no change), announces the progress, and assembles once every part is in. */
export async function storeExportPart(app: UsersApp, exportId: string, part: ExportPart): Promise<void> {
  if (!(EXPORT_RELAYED as readonly string[]).includes(part.service))
    throw new HttpError(400, 'service: not a relayed part.', 'BAD_USER_INPUT');
  const now = app.clock.now();
  const complete = await app.prisma.$transaction(async (tx) => {
    const job = await tx.dataExport.findUnique({ where: { id: exportId }, select: { customerId: true, status: true } });
    if (!job) throw new HttpError(404, 'No such export.', 'NOT_FOUND');
    if (job.status !== 'GATHERING' && job.status !== 'PENDING') return false;
    const added = await tx.dataExportPart.createMany({
      data: [
        {
          exportId,
          service: part.service,
          contentEncrypted: encryptField(app.keyring, JSON.stringify(part), partContext(exportId, part.service)),
          receivedAt: now,
        },
      ],
      skipDuplicates: true,
    });
    const count = await tx.dataExportPart.count({ where: { exportId } });
    if (added.count) await announce(app, tx, job.customerId, exportId, 'GATHERING', partsProgress(count + 1));
    return count === EXPORT_RELAYED.length;
  });
  app.outbox.kick();
  if (complete) await assemble(app, exportId);
}

const partsProgress = (done: number) => Math.round((done / PARTS.length) * 100);

/** Users' own part: the account, sessions, consents, support grants, staff accesses and past exports. */
async function usersPart(app: UsersApp, customerId: string): Promise<ExportPart> {
  const where = { customerId };
  const [
    customer,
    logins,
    credentials,
    recoveryCodes,
    oneTimeTokens,
    sessions,
    signIns,
    consents,
    grants,
    accesses,
    devices,
    preference,
    exports,
    erasures,
    scorePoints,
  ] = await Promise.all([
    app.prisma.customer.findUniqueOrThrow({ where: { id: customerId } }),
    app.prisma.credential.findMany({ where, orderBy: { seq: 'asc' } }),
    app.prisma.recoveryCode.findMany({ where }),
    app.prisma.oneTimeToken.findMany({ where, orderBy: { createdAt: 'asc' } }),
    app.prisma.contractLogin.findMany({ where }),
    app.prisma.session.findMany({ where, orderBy: { createdAt: 'asc' } }),
    app.prisma.signInEvent.findMany({ where, orderBy: { at: 'asc' } }),
    app.prisma.consentChange.findMany({ where, orderBy: { seq: 'asc' } }),
    app.prisma.supportGrant.findMany({ where, orderBy: { grantedAt: 'asc' } }),
    app.prisma.staffAccess.findMany({ where, orderBy: { at: 'asc' } }),
    app.prisma.pushDevice.findMany({ where }),
    app.prisma.notificationPreference.findMany({ where }),
    app.prisma.dataExport.findMany({ where, orderBy: { requestedAt: 'asc' } }),
    app.prisma.erasureRequest.findMany({ where, orderBy: { requestedAt: 'asc' } }),
    app.prisma.securityScorePoint.findMany({ where, orderBy: { day: 'asc' } }),
  ]);
  const { phoneEncrypted, ...account } = customer;
  return exportPart(usersRegister, {
    Customer: [
      {
        ...account,
        ...(phoneEncrypted ? { phone: decryptField(app.keyring, phoneEncrypted, phoneContext(customerId)) } : {}),
      },
    ],
    ContractLogin: logins,
    Credential: credentials,
    RecoveryCode: recoveryCodes,
    OneTimeToken: oneTimeTokens,
    Session: sessions,
    SignInEvent: signIns,
    ConsentChange: consents,
    SupportGrant: grants,
    StaffAccess: accesses,
    PushDevice: devices,
    NotificationPreference: preference,
    DataExport: exports,
    ErasureRequest: erasures,
    SecurityScorePoint: scorePoints,
  });
}

const README = (requestedAt: Date, parts: ExportPart[]) =>
  [
    'Copie de vos données personnelles détenues par Abri',
    '',
    `Demandée le ${frenchDateTime(requestedAt)}.`,
    '',
    'Chaque dossier correspond à une partie de votre espace ; chaque catégorie de données (celles de votre tableau de bord « Mes données ») y figure deux fois :',
    '- en JSON (<catégorie>.json), lisible par un programme ;',
    '- en CSV (<catégorie>.csv), à ouvrir dans un tableur (séparateur point-virgule).',
    'Le fichier donnees.json les réunit toutes. Les documents qui vous ont été remis (attestations, avenants, certificats, attestations de paiement) sont joints au format PDF.',
    '',
    'Ne figurent pas dans cette copie : les empreintes de vos mots de passe et de vos codes, vos secrets de double authentification et les jetons de paiement, qui ne servent qu’à vérifier un secret et ne vous apprendraient rien.',
    '',
    ...parts.map((p) => `${p.service}/ : ${p.title} (${Object.keys(p.categories).length} catégories)`),
    '',
  ].join('\r\n');

/** Builds the ZIP from every part, stores it encrypted, and tells the customer it is ready. */
async function assemble(app: UsersApp, exportId: string): Promise<void> {
  const job = await app.prisma.dataExport.findUniqueOrThrow({ where: { id: exportId }, include: { parts: true } });
  if (job.status === 'READY' || job.status === 'EXPIRED') return;
  const relayed = job.parts.map(
    (p) => JSON.parse(decryptField(app.keyring, p.contentEncrypted, partContext(exportId, p.service))) as ExportPart,
  );
  const parts = [await usersPart(app, job.customerId), ...relayed];
  const now = app.clock.now();
  const files: Zippable = { 'LISEZ-MOI.txt': strToU8(README(job.requestedAt, parts)) };
  for (const part of parts) {
    const folder: Zippable = {};
    for (const [key, { rows }] of Object.entries(part.categories)) {
      folder[`${key}.json`] = strToU8(JSON.stringify(rows, null, 2));
      folder[`${key}.csv`] = strToU8(toCsv(rows));
    }
    for (const file of part.files) folder[file.name] = [Buffer.from(file.contentBase64, 'base64'), { level: 0 }];
    files[part.service] = folder;
  }
  files['donnees.json'] = strToU8(
    JSON.stringify(
      Object.fromEntries(parts.map((p) => [p.service, { title: p.title, categories: p.categories }])),
      null,
      2,
    ),
  );
  const zip = Buffer.from(zipSync(files, { level: 6, mtime: now }));
  const expiresAt = new Date(now.getTime() + EXPORT_TTL_MS);
  const done = await app.prisma.$transaction(async (tx) => {
    const updated = await tx.dataExport.updateMany({
      where: { id: exportId, status: { in: ['PENDING', 'GATHERING'] } },
      data: {
        status: 'READY',
        readyAt: now,
        expiresAt,
        leaseUntil: null,
        sizeBytes: zip.length,
        zipEncrypted: encryptField(app.keyring, zip.toString('base64'), zipContext(exportId)),
      },
    });
    if (!updated.count) return false;
    await tx.dataExportPart.deleteMany({ where: { exportId } });
    await announce(app, tx, job.customerId, exportId, 'READY', 100);
    const customer = await tx.customer.findUniqueOrThrow({
      where: { id: job.customerId },
      select: { firstName: true, email: true },
    });
    await queueMessage(
      app,
      tx,
      customer.email,
      templates.dataExportReady(customer.firstName, `${app.config.publicUrl}/mes-donnees`, expiresAt),
      job.customerId,
    );
    return true;
  });
  if (done) {
    app.outbox.kick();
    app.kickMessages();
    app.log.info('data export ready', { exportId, sizeBytes: zip.length });
  }
}

/** Deletes the ZIPs whose 7 days are over (the request's record stays); returns how many. Idempotent. */
export async function purgeExpiredExports(app: UsersApp): Promise<number> {
  const now = app.clock.now();
  const expired = await app.prisma.dataExport.findMany({
    where: { status: 'READY', expiresAt: { lte: now } },
    select: { id: true, customerId: true },
  });
  for (const e of expired)
    await app.prisma.$transaction(async (tx) => {
      const done = await tx.dataExport.updateMany({
        where: { id: e.id, status: 'READY' },
        data: { status: 'EXPIRED', zipEncrypted: null },
      });
      if (done.count) await announce(app, tx, e.customerId, e.id, 'EXPIRED', 100);
    });
  if (expired.length) {
    app.outbox.kick();
    app.log.info('expired data exports deleted', { count: expired.length });
  }
  return expired.length;
}

const notFound = () =>
  new HttpError(404, 'Cette copie de vos données n’existe pas ou n’est plus disponible.', 'NOT_FOUND');

/** GET /exports/<id>.zip for its owner, while it is ready and not expired; the same 404 for anything else. */
export function exportDownload(app: () => UsersApp) {
  return async (req: IncomingMessage, res: ServerResponse, who: Identity | null) => {
    const id = /^\/exports\/([0-9a-f-]{36})\.zip$/.exec(new URL(req.url ?? '/', 'http://localhost').pathname)?.[1];
    if (!isCustomer(who) || !id) throw notFound();
    const row = await app().prisma.dataExport.findUnique({ where: { id } });
    if (
      !row ||
      row.customerId !== who.sub ||
      row.status !== 'READY' ||
      !row.zipEncrypted ||
      !row.expiresAt ||
      row.expiresAt <= app().clock.now()
    )
      throw notFound();
    const zip = Buffer.from(decryptField(app().keyring, row.zipEncrypted, zipContext(id)), 'base64');
    res.writeHead(200, {
      'content-type': 'application/zip',
      'content-length': String(zip.length),
      'content-disposition': `attachment; filename="abri-mes-donnees-${row.requestedAt.toISOString().slice(0, 10)}.zip"`,
    });
    res.end(zip);
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PART_BYTES) throw new HttpError(413, 'Part too large.', 'BAD_USER_INPUT');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The relay's routes, for the gateway itself only (its signature without a caller identity):
 * `POST /internal/exports/next` takes a job; `POST /internal/exports/<id>/parts?sha256=<body hash>` hands a part.
 * The signature binds the path and query, so the body is bound through its hash.
 */
export function exportRelayRoute(app: () => UsersApp) {
  return async (req: IncomingMessage, res: ServerResponse, who: Identity | null) => {
    if (who) throw new HttpError(403, 'Only the gateway itself may ask this.', 'FORBIDDEN');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'POST') throw new HttpError(405, 'POST only.', 'BAD_USER_INPUT');
    if (url.pathname === '/internal/exports/next') {
      sendJson(res, 200, { job: await takeNextExport(app()) });
      return;
    }
    const id = /^\/internal\/exports\/([0-9a-f-]{36})\/parts$/.exec(url.pathname)?.[1];
    if (!id) throw new HttpError(404, 'Not found.', 'NOT_FOUND');
    const body = await readBody(req);
    if (sha256(body) !== url.searchParams.get('sha256'))
      throw new HttpError(400, 'The body does not match its signed hash.', 'BAD_USER_INPUT');
    await storeExportPart(app(), id, JSON.parse(body.toString('utf8')) as ExportPart);
    sendJson(res, 200, { stored: true });
  };
}
