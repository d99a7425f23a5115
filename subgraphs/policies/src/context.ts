import type { RequestContext, ServiceBase } from '@abri/platform';
import type { PrismaClient } from '../../../prisma/policies/generated/prisma/client.ts';

export type PoliciesApp = ServiceBase<PrismaClient>;

export interface PoliciesContext extends RequestContext {
  app: PoliciesApp;
}
