import type { RequestContext, ServiceBase } from '@abri/platform';
import type { PrismaClient } from '../../../prisma/claims/generated/prisma/client.ts';
import type { AttachmentStore } from './app/attachments.ts';

export interface ClaimsApp extends ServiceBase<PrismaClient> {
  /** Where attachment bytes live. */
  attachments: AttachmentStore;
}

export interface ClaimsContext extends RequestContext {
  app: ClaimsApp;
}

export const Topics = {
  claimStatusChanged: 'claims.claimStatusChanged',
  payoutRequested: 'claims.payoutRequested',
  attachmentAdded: 'claims.attachmentAdded',
} as const;
