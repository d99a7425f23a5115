import type { Insurer, Keyring, RequestContext, ServiceBase } from '@abri/platform';
import type { PrismaClient } from '../../../prisma/payments/generated/prisma/client.ts';

export interface PaymentsApp extends ServiceBase<PrismaClient> {
  /** Encrypts IBANs at rest. */
  keyring: Keyring;
  /** Who issues the payment certificates. */
  insurer: Insurer;
}

export interface PaymentsContext extends RequestContext {
  app: PaymentsApp;
}
