// The signed token printed as a QR code on the attestation d'assurance habitation. A landlord or a bank scans it and
// the check page says whether the facts printed on the paper are the ones Abri signed.
//
// Format: a compact JWS (RFC 7515) signed with EdDSA over Ed25519, header `{ alg: 'EdDSA', kid }`. The `kid` names a
// key of the attestation JWKS, so keys can rotate: new attestations are signed with the new key while the old public
// key stays published until the last attestation it signed has expired. The keys are dedicated to attestations.
//
// The payload is a small JSON object with one-letter keys, because every byte makes the QR code denser:
//   v  format version, 1
//   n  contract number
//   h  holder name, as printed ("Camille Martin")
//   a  insured address on one line
//   o  occupancy: 'OWNER' (propriétaire) or 'TENANT' (locataire)
//   r  residence: 'MAIN' (résidence principale) or 'SECONDARY' (résidence secondaire)
//   s  first day of the period of validity, 'YYYY-MM-DD'
//   e  last day of the period of validity, 'YYYY-MM-DD'
//   i  day the attestation was issued, 'YYYY-MM-DD'
//   pv policy version the attestation was drawn from
//
// Dates are calendar days read in UTC (contract days are stored as UTC midnights); any time of day is dropped, so a
// verified token gives back UTC midnights. This module only proves authenticity: whether the contract is still in
// force (period over, contract ended) is for the caller to decide against the database.
import { Buffer } from 'node:buffer';
import { CompactSign, type CryptoKey, compactVerify } from 'jose';
import { z } from 'zod';

export interface AttestationFacts {
  contractNumber: string;
  holder: string;
  address: string;
  occupancy: 'OWNER' | 'TENANT';
  residence: 'MAIN' | 'SECONDARY';
  periodStart: Date;
  periodEnd: Date;
  issuedAt: Date;
  policyVersion: number;
}

/** `TAMPERED` covers a bad signature, an unknown `kid` and a token that is not one of ours at all. */
export type AttestationVerdict = { status: 'AUTHENTIC'; facts: AttestationFacts; kid: string } | { status: 'TAMPERED' };

const ALG = 'EdDSA';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const day = z.iso.date();
const Payload = z.strictObject({
  v: z.literal(1),
  n: z.string().min(1),
  h: z.string().min(1),
  a: z.string().min(1),
  o: z.enum(['OWNER', 'TENANT']),
  r: z.enum(['MAIN', 'SECONDARY']),
  s: day,
  e: day,
  i: day,
  pv: z.int().nonnegative(),
});
type Payload = z.infer<typeof Payload>;

const toDay = (date: Date) => date.toISOString().slice(0, 10);
const fromDay = (text: string) => new Date(`${text}T00:00:00.000Z`);

export async function signAttestation(
  facts: AttestationFacts,
  key: { kid: string; privateKey: CryptoKey },
): Promise<string> {
  const payload: Payload = {
    v: 1,
    n: facts.contractNumber,
    h: facts.holder,
    a: facts.address,
    o: facts.occupancy,
    r: facts.residence,
    s: toDay(facts.periodStart),
    e: toDay(facts.periodEnd),
    i: toDay(facts.issuedAt),
    pv: facts.policyVersion,
  };
  // Refuse to sign what verification would refuse to read (an empty name, a version that is not an integer).
  Payload.parse(payload);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: ALG, kid: key.kid })
    .sign(key.privateKey);
}

/**
 * Checks a scanned token. `keys` returns the public key published under a kid, or `null` when there is none. If
 * `keys` itself fails (database down), the promise rejects with that error: an outage must not tell a landlord that
 * a genuine attestation is forged.
 */
export async function verifyAttestation(
  token: string,
  keys: (kid: string) => Promise<CryptoKey | null>,
): Promise<AttestationVerdict> {
  if (!isCanonical(token)) return { status: 'TAMPERED' };
  const lookup: { failure?: { error: unknown } } = {};
  try {
    const { payload, protectedHeader } = await compactVerify(
      token,
      async (header) => {
        let key: CryptoKey | null = null;
        if (typeof header.kid === 'string') {
          try {
            key = await keys(header.kid);
          } catch (error) {
            lookup.failure = { error };
            throw error;
          }
        }
        if (!key) throw new Error('unknown attestation key');
        return key;
      },
      { algorithms: [ALG] },
    );
    const parsed = Payload.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)));
    if (!parsed.success || typeof protectedHeader.kid !== 'string') return { status: 'TAMPERED' };
    const p = parsed.data;
    return {
      status: 'AUTHENTIC',
      kid: protectedHeader.kid,
      facts: {
        contractNumber: p.n,
        holder: p.h,
        address: p.a,
        occupancy: p.o,
        residence: p.r,
        periodStart: fromDay(p.s),
        periodEnd: fromDay(p.e),
        issuedAt: fromDay(p.i),
        policyVersion: p.pv,
      },
    };
  } catch {
    if (lookup.failure) throw lookup.failure.error;
    // jose's errors (bad signature, malformed parts) and ours (unknown kid, bad JSON) all mean the same to a scanner.
    return { status: 'TAMPERED' };
  }
}

/**
 * Three base64url parts, each in its one canonical spelling. Without the last check a changed final character of the
 * signature can go unnoticed: 64 bytes take 86 characters whose last one carries 2 unused bits, and the decoder
 * ignores them, so e.g. `…A` and `…B` decode to the same signature and both would verify.
 */
function isCanonical(token: string): boolean {
  const parts = token.split('.');
  return (
    parts.length === 3 &&
    parts.every((part) => BASE64URL.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part)
  );
}

/** What the QR code encodes: a phone that scans it opens the check page with the token. */
export const attestationUrl = (baseUrl: string, token: string) => `${baseUrl}/verifier?t=${token}`;

/**
 * The token out of what a scanner read: the check-page URL (any origin, so a staging QR still reads) or the bare
 * token. Anything else comes back as is and will verify as `TAMPERED`.
 */
export function tokenFromScanned(text: string): string {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed).searchParams.get('t') ?? '';
  } catch {
    return trimmed;
  }
}
