// Builds the claims subgraph from its dependencies; main.ts and the embedded supervisor call this.
import {
  adapterFactory,
  createSubgraphService,
  EXPORT_PART_PATH,
  exportPartRoute,
  joinErasure,
  type ServiceDeps,
} from '@abri/platform';
import { PrismaClient } from '../../../prisma/claims/generated/prisma/client.ts';
import { type AttachmentStore, attachmentDownload, memoryStore } from './app/attachments.ts';
import { claimsErasure } from './app/erasure.ts';
import { claimsExport } from './app/export.ts';
import { followPayouts } from './app/payouts.ts';
import { followPolicyTerms } from './app/projection.ts';
import type { ClaimsApp } from './context.ts';
import { schema } from './schema/index.ts';

export interface ClaimsDeps extends ServiceDeps {
  /** @default in memory (tests); the embedded mode uses a disk store under its data directory */
  attachments?: AttachmentStore;
}

export function createClaimsService(deps: ClaimsDeps) {
  let built: ClaimsApp | undefined;
  return createSubgraphService({
    name: 'claims',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    deps,
    app: (base): ClaimsApp => (built = { ...base, attachments: deps.attachments ?? memoryStore() }),
    signedRoutes: {
      '/attachments/': attachmentDownload(() => built!),
      [EXPORT_PART_PATH]: exportPartRoute((customerId) => claimsExport(built!, customerId)),
    },
    background: async (app) => {
      const stops = [
        await followPolicyTerms(app),
        await followPayouts(app),
        await joinErasure(app, claimsErasure(app)),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  });
}
export type ClaimsService = ReturnType<typeof createClaimsService>;
