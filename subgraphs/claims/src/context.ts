import type { RequestContext, ServiceBase } from '@abri/platform';
import type { PrismaClient } from '../../../prisma/claims/generated/prisma/client.ts';

export type ClaimsApp = ServiceBase<PrismaClient>;

export interface ClaimsContext extends RequestContext {
  app: ClaimsApp;
}

export const Topics = {
  claimStatusChanged: 'claims.claimStatusChanged',
  payoutRequested: 'claims.payoutRequested',
} as const;
