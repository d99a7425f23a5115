// `admin rotate <setting>`: the next values of a key setting, from the current ones. Signing keys: a new private key,
// and the old public half added to the retired keys the service still publishes (tokens and attestations it signed
// keep verifying). Field keys: a new current key in front, the old ones kept to decrypt. Hop secrets: a new current
// secret in front of the gateway's, and each subgraph's keys derived from them all (the subgraphs get theirs first,
// then the gateway signs with the new one). Nothing is written: the operator puts the printed values in the secret
// store and restarts the service.
import { randomBytes } from 'node:crypto';
import {
  generateHopSecret,
  generateSigningJwk,
  parseHopSecrets,
  parseJwkSetting,
  parseKeyring,
  SUBGRAPH_NAMES,
} from '@abri/platform';
import type { JWK } from 'jose';

const SIGNING = {
  ACCESS_TOKEN_PRIVATE_KEY: 'ACCESS_TOKEN_PREVIOUS_PUBLIC_KEYS',
  ATTESTATION_PRIVATE_KEY: 'ATTESTATION_PREVIOUS_PUBLIC_KEYS',
} as const;

/** Keyrings: each subgraph's field keys (which also seal claim attachments and issued PDFs). */
const KEYRINGS = ['ENCRYPTION_KEYS'];
/** The gateway's hop secrets, from which each subgraph's HOP_KEYS are derived. */
const HOP_SECRETS = 'HOP_SECRETS';

export const ROTATABLE = [...Object.keys(SIGNING), ...KEYRINGS, HOP_SECRETS] as const;

export type RotateOutcome =
  | {
      kind: 'rotated';
      settings: Record<string, string>;
      /** Settings of other services that go with it, by service (to give them before `settings`). */
      services?: Record<string, Record<string, string>>;
    }
  | { kind: 'unknownSetting' }
  | { kind: 'currentMissing'; name: string };

export async function rotate(
  name: string,
  current: Record<string, string | undefined>,
  now: Date,
): Promise<RotateOutcome> {
  const value = current[name];
  /** A kid named after the month, not one of `taken`. */
  const freshKid = (taken: string[]) => {
    let kid = `k${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    for (let n = 2; taken.includes(kid); n++) kid = `${kid.replace(/-\d+$/, '')}-${n}`;
    return kid;
  };
  if (KEYRINGS.includes(name)) {
    if (!value) return { kind: 'currentMissing', name };
    const kid = freshKid(Object.keys(parseKeyring(value).keys));
    return { kind: 'rotated', settings: { [name]: `${kid}:${randomBytes(32).toString('base64')},${value}` } };
  }
  if (name === HOP_SECRETS) {
    if (!value) return { kind: 'currentMissing', name };
    const taken = value.split(',').map((entry) => entry.trim().split(':')[0]!);
    const next = `${generateHopSecret(freshKid(taken))},${value}`;
    const secrets = parseHopSecrets(next);
    return {
      kind: 'rotated',
      settings: { [name]: next },
      services: Object.fromEntries(
        SUBGRAPH_NAMES.map((service) => [service, { HOP_KEYS: secrets.keysSetting(service) }]),
      ),
    };
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
