import type { RequestContext, ServiceBase } from '@abri/platform';
import type { PrismaClient } from '../../../prisma/payments/generated/prisma/client.ts';

export type PaymentsApp = ServiceBase<PrismaClient>;

export interface PaymentsContext extends RequestContext {
  app: PaymentsApp;
}
