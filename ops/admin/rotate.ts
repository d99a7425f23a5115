// `admin rotate <setting>`: the next values of a key setting, from the current ones. Signing keys: a new private key,
// and the old public half added to the retired keys the service still publishes (tokens and attestations it signed
// keep verifying). Field keys: a new current key in front, the old ones kept to decrypt. Nothing is written: the
// operator puts the printed values in the secret store and restarts the service.
import { randomBytes } from 'node:crypto';
import { generateSigningJwk, parseJwkSetting, parseKeyring } from '@abri/platform';
import type { JWK } from 'jose';

const SIGNING = {
  ACCESS_TOKEN_PRIVATE_KEY: 'ACCESS_TOKEN_PREVIOUS_PUBLIC_KEYS',
  ATTESTATION_PRIVATE_KEY: 'ATTESTATION_PREVIOUS_PUBLIC_KEYS',
} as const;

/** Keyrings: each subgraph's field keys (which also seal claim attachments and issued PDFs). */
const KEYRINGS = ['ENCRYPTION_KEYS'];

export const ROTATABLE = [...Object.keys(SIGNING), ...KEYRINGS] as const;

export type RotateOutcome =
  | { kind: 'rotated'; settings: Record<string, string> }
  | { kind: 'unknownSetting' }
  | { kind: 'currentMissing'; name: string };

export async function rotate(
  name: string,
  current: Record<string, string | undefined>,
  now: Date,
): Promise<RotateOutcome> {
  const value = current[name];
  if (KEYRINGS.includes(name)) {
    if (!value) return { kind: 'currentMissing', name };
    const keyring = parseKeyring(value);
    let kid = `k${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    for (let n = 2; kid in keyring.keys; n++) kid = `${kid.replace(/-\d+$/, '')}-${n}`;
    return { kind: 'rotated', settings: { [name]: `${kid}:${randomBytes(32).toString('base64')},${value}` } };
  }
  if (!(name in SIGNING)) return { kind: 'unknownSetting' };
  if (!value) return { kind: 'currentMissing', name };
  const previousName = SIGNING[name as keyof typeof SIGNING];
  const { d: _private, ...retired } = parseJwkSetting(value);
  const previous = JSON.parse(current[previousName] ?? '[]') as JWK[];
  return {
    kind: 'rotated',
    settings: {
      [name]: JSON.stringify(await generateSigningJwk()),
      [previousName]: JSON.stringify([retired, ...previous]),
    },
  };
}
