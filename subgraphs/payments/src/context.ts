import type { Insurer, Keyring, RequestContext, ServiceBase } from '@abri/platform';
import type { PrismaClient } from '../../../prisma/payments/generated/prisma/client.ts';
import type { Creditor } from './domain/sepa/pain008.ts';
import type { PaymentServiceProvider } from './psp/provider.ts';

export interface PaymentsApp extends ServiceBase<PrismaClient> {
  /** Encrypts IBANs at rest. */
  keyring: Keyring;
  /** Who issues the payment certificates. */
  insurer: Insurer;
  /** The account direct debits are collected to and the SEPA creditor identifier; null: no SEPA export here. */
  creditor: Omit<Creditor, 'name'> | null;
  /** Charges cards (arrears paid now). */
  psp: PaymentServiceProvider;
}

export interface PaymentsContext extends RequestContext {
  app: PaymentsApp;
}
