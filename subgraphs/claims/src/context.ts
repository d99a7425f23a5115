import type { Insurer, RequestContext, ServiceBase } from '@abri/platform';
import type { PrismaClient } from '../../../prisma/claims/generated/prisma/client.ts';
import type { AttachmentStore } from './app/attachments.ts';

export interface ClaimsApp extends ServiceBase<PrismaClient> {
  /** Where attachment bytes live. */
  attachments: AttachmentStore;
  /** Who issues and seals the claims statements. */
  insurer: Insurer;
}

export interface ClaimsContext extends RequestContext {
  app: ClaimsApp;
}
