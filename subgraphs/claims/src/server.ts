// Builds the claims subgraph from its dependencies; main.ts and the embedded supervisor call this.
import {
  adapterFactory,
  createSubgraphService,
  DEMO_INSURER,
  EXPORT_PART_PATH,
  exportPartRoute,
  type Insurer,
  joinErasure,
  type ServiceDeps,
  stopAll,
} from '@abri/platform';
import { PrismaClient } from '../../../prisma/claims/generated/prisma/client.ts';
import { type AttachmentStore, attachmentDownload, memoryStore } from './app/attachments.ts';
import { claimsErasure } from './app/erasure.ts';
import { claimsExport } from './app/export.ts';
import { followPayouts } from './app/payouts.ts';
import { followPolicyTerms } from './app/projection.ts';
import { resealFiles, sealedStore } from './app/sealed-store.ts';
import { statementDownload } from './app/statement.ts';
import type { ClaimsApp } from './context.ts';
import { schema } from './schema/index.ts';
import { claimsSealed } from './sealed.ts';

export interface ClaimsDeps extends ServiceDeps {
  /** @default in memory (tests); the embedded mode uses a disk store under its data directory */
  attachments?: AttachmentStore;
  /** @default the demo insurer (tests) */
  insurer?: Insurer;
}

export function createClaimsService(deps: ClaimsDeps) {
  const store = deps.attachments ?? memoryStore();
  let built: ClaimsApp | undefined;
  const service = createSubgraphService({
    name: 'claims',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    sealed: claimsSealed,
    deps,
    app: (base): ClaimsApp =>
      (built = { ...base, attachments: sealedStore(store, deps.keyring), insurer: deps.insurer ?? DEMO_INSURER }),
    signedRoutes: {
      '/attachments/': attachmentDownload(() => built!),
      '/claims-statements/': statementDownload(() => built!),
      [EXPORT_PART_PATH]: exportPartRoute((customerId) => claimsExport(built!, customerId)),
    },
    background: async (app) => {
      const stops = [
        await followPolicyTerms(app),
        await followPayouts(app),
        await joinErasure(app, claimsErasure(app)),
      ];
      return stopAll(stops);
    },
  });
  return {
    ...service,
    /** The database's sealed values, then the attachment files. */
    async reseal(options?: Parameters<typeof service.reseal>[0]) {
      const rows = await service.reseal(options);
      const files = await resealFiles(service.app.prisma, store, deps.keyring, options);
      return { ...rows, resealed: rows.resealed + files.resealed };
    },
  };
}
export type ClaimsService = ReturnType<typeof createClaimsService>;
