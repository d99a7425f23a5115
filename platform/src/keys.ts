// Asymmetric signing keys (EdDSA / Ed25519) as JWKs: loaded from configuration in production, created once and kept
// under the data directory in embedded mode.

import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export const SIGNING_ALG = 'EdDSA';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half, as published in a JWKS. */
  publicJwk: JWK;
}

export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: SIGNING_ALG, use: 'sig' };
}

export async function importSigningKey(jwk: JWK): Promise<SigningKey> {
  if (!jwk.kid || !jwk.d) throw new Error('a signing key must be a private JWK with a kid');
  const { d: _private, ...publicJwk } = jwk;
  return { kid: jwk.kid, privateKey: (await importJWK(jwk, SIGNING_ALG)) as CryptoKey, publicJwk };
}

export async function importPublicKey(jwk: JWK): Promise<CryptoKey> {
  const { d: _never, ...publicJwk } = jwk;
  return (await importJWK(publicJwk, SIGNING_ALG)) as CryptoKey;
}

/** Reads a private JWK from `path`, creating it (readable by the owner only) when absent. */
export async function loadOrCreateJwk(path: string): Promise<JWK> {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as JWK;
  const jwk = await generateSigningJwk();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(jwk), { mode: 0o600 });
  chmodSync(path, 0o600);
  return jwk;
}

/** A JWK given in configuration: inline JSON, or `file:<path>`. */
export function parseJwkSetting(value: string): JWK {
  const text = value.startsWith('file:') ? readFileSync(value.slice(5), 'utf8') : value;
  return JSON.parse(text) as JWK;
}
