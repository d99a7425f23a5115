// Builds the payments subgraph from its dependencies; main.ts and the embedded supervisor call this.
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
import { PrismaClient } from '../../../prisma/payments/generated/prisma/client.ts';
import { startUnpaidTimeline } from './app/arrears.ts';
import { certificateDownload } from './app/certificate.ts';
import { followContracts } from './app/contracts.ts';
import { paymentsErasure } from './app/erasure.ts';
import { paymentsExport } from './app/export.ts';
import { indexExistingIbans } from './app/methods.ts';
import { followPayoutRequests } from './app/payouts.ts';
import { listenForPolicyChanges } from './app/policy-changes.ts';
import { startSepaSettlement } from './app/settlement.ts';
import type { PaymentsApp } from './context.ts';
import { DEMO_CREDITOR } from './domain/sepa/creditor.ts';
import type { Creditor } from './domain/sepa/pain008.ts';
import { createDemoPsp, type PaymentServiceProvider } from './psp/provider.ts';
import { schema } from './schema/index.ts';
import { paymentsSealed } from './sealed.ts';

export interface PaymentsDeps extends ServiceDeps {
  /** Who issues the payment certificates. @default DEMO_INSURER (fictitious, and every document says so) */
  insurer?: Insurer;
  /**
   * The collecting account and SEPA creditor identifier of the direct-debit files; null refuses the export.
   * @default DEMO_CREDITOR (fictitious)
   */
  creditor?: Omit<Creditor, 'name'> | null;
  /** Charges cards. @default createDemoPsp() (no money moves: the demo provider's rules are in psp/provider.ts) */
  psp?: PaymentServiceProvider;
}

export function createPaymentsService(deps: PaymentsDeps) {
  let built: PaymentsApp | undefined;
  return createSubgraphService({
    name: 'payments',
    schema,
    prisma: new PrismaClient({ adapter: adapterFactory(deps.db) }),
    sealed: paymentsSealed,
    deps,
    app: (base): PaymentsApp =>
      (built = {
        ...base,
        keyring: deps.keyring,
        insurer: deps.insurer ?? DEMO_INSURER,
        creditor: deps.creditor === undefined ? DEMO_CREDITOR : deps.creditor,
        psp: deps.psp ?? createDemoPsp(),
      }),
    signedRoutes: {
      '/payment-certificates/': certificateDownload(() => built!),
      [EXPORT_PART_PATH]: exportPartRoute((customerId) => paymentsExport(built!, customerId)),
    },
    background: async (app) => {
      await indexExistingIbans(app);
      const stops = [
        await listenForPolicyChanges(app),
        await followPayoutRequests(app),
        await followContracts(app),
        startUnpaidTimeline(app),
        startSepaSettlement(app),
        await joinErasure(app, paymentsErasure(app)),
      ];
      return stopAll(stops);
    },
  });
}
export type PaymentsService = ReturnType<typeof createPaymentsService>;
