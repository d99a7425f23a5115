// Key material of the embedded mode: created on first start under the data directory, owner-readable only.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Keyring, parseKeyring } from './crypto.ts';
import { generateSigningJwk, importSigningKey, loadOrCreateJwk, type SigningKey } from './keys.ts';

export interface EmbeddedSecrets {
  hopKey: SigningKey;
  tokenKey: SigningKey;
  /** Signs attestation QR codes (published by the policies subgraph). */
  attestationKey: SigningKey;
  keyring: Keyring;
  /** HMAC key of the blind indexes (users' sealed e-mails). */
  blindIndexKey: Buffer;
}

/** Keys kept in `<dataDir>/keys`, or fresh in-memory ones when dataDir is null (tests). */
export async function embeddedSecrets(dataDir: string | null): Promise<EmbeddedSecrets> {
  if (!dataDir) {
    return {
      hopKey: await importSigningKey(await generateSigningJwk()),
      tokenKey: await importSigningKey(await generateSigningJwk()),
      attestationKey: await importSigningKey(await generateSigningJwk()),
      keyring: parseKeyring(`k1:${randomBytes(32).toString('base64')}`),
      blindIndexKey: randomBytes(32),
    };
  }
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyringPath = join(dir, 'data-keys');
  if (!existsSync(keyringPath)) {
    writeFileSync(keyringPath, `k1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
    chmodSync(keyringPath, 0o600);
  }
  const blindIndexPath = join(dir, 'blind-index-key');
  if (!existsSync(blindIndexPath)) writeFileSync(blindIndexPath, randomBytes(32).toString('base64'), { mode: 0o600 });
  return {
    hopKey: await importSigningKey(await loadOrCreateJwk(join(dir, 'gateway-hop.jwk.json'))),
    tokenKey: await importSigningKey(await loadOrCreateJwk(join(dir, 'access-token.jwk.json'))),
    attestationKey: await importSigningKey(await loadOrCreateJwk(join(dir, 'attestation.jwk.json'))),
    keyring: parseKeyring(readFileSync(keyringPath, 'utf8').trim()),
    blindIndexKey: Buffer.from(readFileSync(blindIndexPath, 'utf8').trim(), 'base64'),
  };
}
