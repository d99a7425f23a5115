// Builds the policies subgraph from its dependencies; main.ts and the embedded supervisor call this.
import {
  adapterFactory,
  createSubgraphService,
  DEMO_INSURER,
  EXPORT_PART_PATH,
  exportPartRoute,
  type Insurer,
  importPublicKey,
  joinErasure,
  type ServiceDeps,
  type SigningKey,
  sendJson,
  stopAll,
} from '@abri/platform';
import type { CryptoKey, JWK } from 'jose';
import { PrismaClient } from '../../../prisma/policies/generated/prisma/client.ts';
import { followCoverStatus } from './app/cover-status.ts';
import { documentDownload, PUBLIC_GENERAL_CONDITIONS_PATH, publicGeneralConditions } from './app/documents.ts';
import { policiesErasure } from './app/erasure.ts';
import { policiesExport } from './app/export.ts';
import { followProfile } from './app/rectification.ts';
import type { PoliciesApp } from './context.ts';
import { schema } from './schema/index.ts';
import { policiesSealed } from './sealed.ts';

export interface PoliciesDeps extends ServiceDeps {
  /** Signs attestation QR codes. */
  attestationKey: SigningKey;
  /** Public JWKs of earlier attestation keys: attestations they signed still verify. */
  previousAttestationKeys?: JWK[];
  /** Base of the verification link in QR codes. @default 'http://localhost:4000' */
  publicUrl?: string;
  /** Who issues the documents. @default DEMO_INSURER (fictitious, and every document says so) */
  insurer?: Insurer;
}

export function createPoliciesService(deps: PoliciesDeps) {
  const published = [deps.attestationKey.publicJwk, ...(deps.previousAttestationKeys ?? [])];
  const keys = new Map<string, Promise<CryptoKey>>(
    published.filter((k) => k.kid).map((k) => [k.kid!, importPublicKey(k)]),
  );
  const app = (base: Parameters<Parameters<typeof createSubgraphService>[0]['app']>[0]): PoliciesApp => ({
    ...(base as PoliciesApp),
    attestationKey: deps.attestationKey,
    attestationKeys: async (kid) => (await keys.get(kid)) ?? null,
    publicUrl: deps.publicUrl ?? 'http://localhost:4000',
    insurer: deps.insurer ?? DEMO_INSURER,
  });
  let built: PoliciesApp | undefined;
  const service = createSubgraphService({
    name: 'policies',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    sealed: policiesSealed,
    deps,
    app: (base) => (built = app(base as never)),
    background: async (app) => {
      const stops = [
        await followCoverStatus(app),
        await followProfile(app),
        await joinErasure(app, policiesErasure(app)),
      ];
      return stopAll(stops);
    },
    routes: {
      '/.well-known/jwks.json': (_req, res) =>
        sendJson(res, 200, { keys: published }, { 'cache-control': 'public, max-age=300' }),
      [PUBLIC_GENERAL_CONDITIONS_PATH]: publicGeneralConditions(() => built!),
    },
    signedRoutes: {
      '/documents/': (req, res, who) => documentDownload(built!)(req, res, who),
      [EXPORT_PART_PATH]: exportPartRoute((customerId) => policiesExport(built!, customerId)),
    },
  });
  return service;
}
export type PoliciesService = ReturnType<typeof createPoliciesService>;
