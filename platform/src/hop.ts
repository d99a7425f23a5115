// The gateway's signature on every hop to a subgraph. Subgraphs accept nothing else: a request (HTTP or WebSocket)
// without a valid signature for their own name is refused, so no subgraph is an open door.
// HTTP: header `x-abri-gateway`, an EdDSA JWS binding the audience (subgraph), a 60 s lifetime, the body's hash and
// the caller's identity. WebSocket: the connection_init payload carries a connection signature, and each operation's
// extensions carry a signature binding its query, variables and identity.
import { KeyObject, sign, verify } from 'node:crypto';
import type { CryptoKey } from 'jose';
import { sha256 } from './crypto.ts';
import type { Identity } from './identity.ts';
import { SIGNING_ALG, type SigningKey } from './keys.ts';

export const HOP_HEADER = 'x-abri-gateway';
export const HOP_EXTENSION = 'abriGateway';
const ISSUER = 'abri-gateway';
const HOP_TTL_SECONDS = 60;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  /**
   * Why a staff member opens a customer's data (header `x-abri-reason`), recorded with every staff read and shown to
   * the customer. Absent for customers.
   */
  reason?: string | null;
}

export interface HopClaims {
  /** sha256 of the request body (HTTP) or of query + variables (WebSocket operation). */
  bh?: string;
  who?: Identity | null;
  /** The end client as the gateway saw it (address, user agent), for sign-in records. */
  client?: ClientInfo;
  /** `download`: a file link the gateway gives a browser and checks itself (audience `download`, never a subgraph). */
  use: 'http' | 'ws-connection' | 'ws-operation' | 'download';
}

export const operationHash = (query: string, variables: unknown) =>
  sha256(`${query}\n${JSON.stringify(variables ?? {})}`);

/**
 * The gateway signs every hop, several per request: the compact JWS is built here with node:crypto's Ed25519 and a
 * header encoded once per key, rather than through a general JWT builder (same bytes on the wire, a fraction of the
 * work). Subgraphs verify it as any JWS.
 */
const signers = new WeakMap<SigningKey, { header: string; key: KeyObject }>();
function signerOf(key: SigningKey) {
  let signer = signers.get(key);
  if (!signer) {
    const header = Buffer.from(JSON.stringify({ alg: SIGNING_ALG, kid: key.kid })).toString('base64url');
    signer = { header, key: KeyObject.from(key.privateKey) };
    signers.set(key, signer);
  }
  return signer;
}

export async function signHop(key: SigningKey, audience: string, claims: HopClaims, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const signer = signerOf(key);
  const payload = Buffer.from(
    JSON.stringify({ ...claims, iss: ISSUER, aud: audience, iat, exp: iat + HOP_TTL_SECONDS }),
  ).toString('base64url');
  const input = `${signer.header}.${payload}`;
  return `${input}.${sign(null, Buffer.from(input), signer.key).toString('base64url')}`;
}

export class HopRejected extends Error {}

const verifiers = new WeakMap<CryptoKey, KeyObject>();
const verifierOf = (key: CryptoKey) => {
  let keyObject = verifiers.get(key);
  if (!keyObject) {
    keyObject = KeyObject.from(key);
    verifiers.set(key, keyObject);
  }
  return keyObject;
};

/** The claims of a compact EdDSA JWS whose signature `key` verifies; null for anything else. */
function verifiedClaims(key: CryptoKey, jws: string): Record<string, unknown> | null {
  const parts = jws.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const { alg, crit } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
      alg?: unknown;
      crit?: unknown;
    };
    if (alg !== SIGNING_ALG || crit !== undefined) return null;
    if (!verify(null, Buffer.from(`${header}.${payload}`), verifierOf(key), Buffer.from(signature, 'base64url')))
      return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a hop signature for `audience` and `use`; returns the identity it carries (null: anonymous caller).
 * Every request to a subgraph pays this, so it is node:crypto's Ed25519 on a key object made once, with the checks a
 * JWT library would make here: algorithm, signature, issuer, audience, expiry (and not-before when present).
 */
export async function verifyHop(
  gatewayKey: CryptoKey,
  audience: string,
  jws: string | undefined,
  expected: { use: HopClaims['use']; bodyHash?: string },
  now = new Date(),
): Promise<{ who: Identity | null; client: ClientInfo }> {
  if (!jws) throw new HopRejected('missing gateway signature');
  const raw = verifiedClaims(gatewayKey, jws);
  const seconds = Math.floor(now.getTime() / 1000);
  if (
    !raw ||
    raw.iss !== ISSUER ||
    !(raw.aud === audience || (Array.isArray(raw.aud) && raw.aud.includes(audience))) ||
    typeof raw.exp !== 'number' ||
    raw.exp <= seconds ||
    (raw.nbf !== undefined && (typeof raw.nbf !== 'number' || raw.nbf > seconds))
  )
    throw new HopRejected('invalid gateway signature');
  const claims = raw as unknown as HopClaims;
  if (claims.use !== expected.use) throw new HopRejected('gateway signature used out of place');
  if (expected.bodyHash !== undefined && claims.bh !== expected.bodyHash)
    throw new HopRejected('gateway signature does not match the request');
  return { who: claims.who ?? null, client: claims.client ?? { ip: null, userAgent: null } };
}
