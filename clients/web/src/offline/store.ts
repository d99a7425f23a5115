// What the customer space keeps for a signed-in customer to read without a network (issue 14.3): the last dashboard
// and the last attestation downloaded, nothing else, never a token. Kept in Cache Storage, one cache per customer
// (`abri-offline-<customer id>`), at most one customer at a time: a sign-in drops any other customer's cache, a
// sign-out or a refused session drops them all. Written and read by the page only (the service worker cannot tell
// whose a response is, nor when a session ends).
import type { DashboardQuery } from '../gql/graphql.ts';

/** The dashboard as the screen showed it. */
export type DashboardData = NonNullable<DashboardQuery['me']>;

export interface DashboardSnapshot {
  customerId: string;
  /** When the server answered it (ISO): the offline banner says « données du … ». */
  savedAt: string;
  me: DashboardData;
}

/** An attestation the customer downloaded, as listed on « Mes documents ». */
export interface AttestationInfo {
  documentId: string;
  /** Its address on the gateway (`/documents/<id>`), without the signed link. */
  path: string;
  title: string;
  policyNumber: string;
  issuedAt: string;
  /** When its bytes were kept. */
  savedAt?: string;
}

const OFFLINE_PREFIX = 'abri-offline-';
const DASHBOARD = '/hors-connexion/tableau-de-bord.json';
const ATTESTATION = '/hors-connexion/attestation.json';
const ATTESTATION_PDF = '/hors-connexion/attestation.pdf';

const supported = () => typeof caches !== 'undefined' && typeof window !== 'undefined' && window.isSecureContext;
const json = (value: unknown) =>
  new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });

// One operation at a time, in the order asked: a dashboard saved just before a sign-out cannot land after the
// sign-out's deletion and bring the cache back.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
  if (!supported()) return Promise.resolve(fallback);
  const run = queue.then(operation).catch(() => fallback);
  queue = run;
  return run;
}

const offlineCaches = async () => (await caches.keys()).filter((name) => name.startsWith(OFFLINE_PREFIX));

async function dropAllBut(customerId: string | null) {
  for (const name of await offlineCaches()) if (name !== `${OFFLINE_PREFIX}${customerId}`) await caches.delete(name);
}

// Counts the forgettings: a download started before one (its bytes arriving after a sign-out) keeps nothing.
let forgettings = 0;
export const offlineEpoch = () => forgettings;

/** Forgets every customer's data on this browser (sign-out, session refused). */
export function clearOfflineData() {
  forgettings += 1;
  receivedAt = null;
  return serial(() => dropAllBut(null), undefined);
}

/** A customer signed in: any other customer's data goes at once. */
export const keepOnlyCustomer = (customerId: string) => serial(() => dropAllBut(customerId), undefined);

// When this page last received the dashboard: what the banner dates if the network goes during the session.
let receivedAt: Date | null = null;
export const dashboardReceivedAt = () => receivedAt;

/** Keeps the dashboard the signed-in customer just received. */
export const saveDashboard = (me: DashboardData, savedAt = new Date()) =>
  serial(async () => {
    receivedAt = savedAt;
    await dropAllBut(me.id);
    const snapshot: DashboardSnapshot = { customerId: me.id, savedAt: savedAt.toISOString(), me };
    await (await caches.open(`${OFFLINE_PREFIX}${me.id}`)).put(DASHBOARD, json(snapshot));
  }, undefined);

/** Keeps the attestation the customer just downloaded: its PDF as the gateway served it, and what the list said. */
export const keepAttestation = (customerId: string, attestation: AttestationInfo, pdf: Response, since: number) =>
  serial(async () => {
    const bytes = await pdf.arrayBuffer();
    if (since !== forgettings) return;
    await dropAllBut(customerId);
    const cache = await caches.open(`${OFFLINE_PREFIX}${customerId}`);
    const type = pdf.headers.get('content-type') ?? 'application/pdf';
    await cache.put(ATTESTATION_PDF, new Response(bytes, { headers: { 'content-type': type } }));
    await cache.put(ATTESTATION, json({ ...attestation, savedAt: new Date().toISOString() }));
  }, undefined);

/**
 * The last signed-in customer's dashboard, if one is kept: what the app shows when it starts without a network.
 * More than one customer's cache (a deletion that failed) shows none of them.
 */
export const lastDashboard = () =>
  serial(async (): Promise<DashboardSnapshot | null> => {
    const names = await offlineCaches();
    if (names.length !== 1) return null;
    const hit = await (await caches.open(names[0]!)).match(DASHBOARD);
    const snapshot = hit ? ((await hit.json()) as DashboardSnapshot) : null;
    return snapshot && `${OFFLINE_PREFIX}${snapshot.customerId}` === names[0] ? snapshot : null;
  }, null);

/** The last attestation this customer downloaded, with its PDF, if kept. */
export const keptAttestation = (customerId: string) =>
  serial(async (): Promise<{ info: AttestationInfo; pdf: Blob } | null> => {
    const name = `${OFFLINE_PREFIX}${customerId}`;
    if (!(await caches.has(name))) return null;
    const cache = await caches.open(name);
    const [info, pdf] = await Promise.all([cache.match(ATTESTATION), cache.match(ATTESTATION_PDF)]);
    if (!info || !pdf) return null;
    return { info: (await info.json()) as AttestationInfo, pdf: await pdf.blob() };
  }, null);
