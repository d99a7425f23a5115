import type { Insurer, RequestContext, ServiceBase, SigningKey } from '@abri/platform';
import type { CryptoKey } from 'jose';
import type { PrismaClient } from '../../../prisma/policies/generated/prisma/client.ts';

export interface PoliciesApp extends ServiceBase<PrismaClient> {
  /** Signs attestation QR codes; its public half is in the subgraph's JWKS. */
  attestationKey: SigningKey;
  /** Public key by kid, for attestations signed by this or an earlier key. */
  attestationKeys: (kid: string) => Promise<CryptoKey | null>;
  /** Base of the verification link in the QR code (the public check page). */
  publicUrl: string;
  /** Who issues the documents, printed on every one. */
  insurer: Insurer;
}

export interface PoliciesContext extends RequestContext {
  app: PoliciesApp;
}
