// Key material of the embedded mode: created on first start under the data directory, owner-readable only.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Keyring, parseKeyring } from './crypto.ts';
import { generateHopSecret, type HopSecrets, parseHopSecrets } from './hop.ts';
import { DEMO_INSURER } from './insurer.ts';
import { generateSigningJwk, importSigningKey, loadOrCreateJwk, type SigningKey } from './keys.ts';
import { createDemoSeal, type DocumentSeal, sealFromPem } from './seal.ts';

export interface EmbeddedSecrets {
  /** The gateway's hop secrets; each subgraph is given its own keys, derived from them. */
  hopSecrets: HopSecrets;
  tokenKey: SigningKey;
  /** Signs attestation QR codes (published by the policies subgraph). */
  attestationKey: SigningKey;
  keyring: Keyring;
  /** HMAC key of the blind indexes (users' sealed e-mails). */
  blindIndexKey: Buffer;
  /** Signs the demo's PDFs: a self-signed demonstration certificate of the demo insurer. */
  documentSeal: DocumentSeal;
}

const demoSeal = (): DocumentSeal => {
  const { keyPem, certificatePem } = createDemoSeal(DEMO_INSURER.name, new Date());
  return sealFromPem(keyPem, certificatePem);
};

/** The demo seal kept in `dir` (key owner-readable only), made on first start: documents keep one signer. */
function loadOrCreateSeal(dir: string): DocumentSeal {
  const keyPath = join(dir, 'document-seal.key.pem');
  const certificatePath = join(dir, 'document-seal.cert.pem');
  if (!existsSync(keyPath) || !existsSync(certificatePath)) {
    const { keyPem, certificatePem } = createDemoSeal(DEMO_INSURER.name, new Date());
    writeFileSync(keyPath, keyPem, { mode: 0o600 });
    chmodSync(keyPath, 0o600);
    writeFileSync(certificatePath, certificatePem);
  }
  return sealFromPem(readFileSync(keyPath, 'utf8'), readFileSync(certificatePath, 'utf8'));
}

/** Keys kept in `<dataDir>/keys`, or fresh in-memory ones when dataDir is null (tests). */
export async function embeddedSecrets(dataDir: string | null): Promise<EmbeddedSecrets> {
  if (!dataDir) {
    return {
      hopSecrets: parseHopSecrets(generateHopSecret()),
      tokenKey: await importSigningKey(await generateSigningJwk()),
      attestationKey: await importSigningKey(await generateSigningJwk()),
      keyring: parseKeyring(`k1:${randomBytes(32).toString('base64')}`),
      blindIndexKey: randomBytes(32),
      documentSeal: demoSeal(),
    };
  }
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyringPath = join(dir, 'data-keys');
  if (!existsSync(keyringPath)) {
    writeFileSync(keyringPath, `k1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
    chmodSync(keyringPath, 0o600);
  }
  const hopSecretsPath = join(dir, 'hop-secrets');
  if (!existsSync(hopSecretsPath)) {
    writeFileSync(hopSecretsPath, generateHopSecret(), { mode: 0o600 });
    chmodSync(hopSecretsPath, 0o600);
  }
  const blindIndexPath = join(dir, 'blind-index-key');
  if (!existsSync(blindIndexPath)) writeFileSync(blindIndexPath, randomBytes(32).toString('base64'), { mode: 0o600 });
  return {
    hopSecrets: parseHopSecrets(readFileSync(hopSecretsPath, 'utf8').trim()),
    tokenKey: await importSigningKey(await loadOrCreateJwk(join(dir, 'access-token.jwk.json'))),
    attestationKey: await importSigningKey(await loadOrCreateJwk(join(dir, 'attestation.jwk.json'))),
    keyring: parseKeyring(readFileSync(keyringPath, 'utf8').trim()),
    blindIndexKey: Buffer.from(readFileSync(blindIndexPath, 'utf8').trim(), 'base64'),
    documentSeal: loadOrCreateSeal(dir),
  };
}
