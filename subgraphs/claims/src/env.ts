// The claims subgraph's production configuration: one schema, parsed once at boot by main.ts; the README's table
// reads it too.
import { insurerEnv, insurerSealEnv, setting, subgraphEnv } from '@abri/platform';
import { z } from 'zod';

export const claimsEnv = subgraphEnv('claims')
  .extend({
    ATTACHMENTS_STORE: setting(
      z.enum(['disk', 's3']).default('disk'),
      'where claim attachments are kept: `disk` (ATTACHMENTS_DIR, one replica) or `s3` (S3-compatible object storage)',
    ),
    ATTACHMENTS_DIR: setting(z.string().default('.data/attachments'), 'where claim attachments are stored (`disk`)'),
    ATTACHMENTS_S3_BUCKET: setting(z.string().min(1).optional(), 'bucket of claim attachments (`s3`, required there)'),
    ATTACHMENTS_S3_ENDPOINT: setting(
      z.string().url().optional(),
      'URL of an S3-compatible service (MinIO, Ceph, a cloud provider); unset: AWS S3 in ATTACHMENTS_S3_REGION',
    ),
    ATTACHMENTS_S3_REGION: setting(z.string().default('eu-west-3'), 'region of the bucket (`s3`)'),
    ATTACHMENTS_S3_ACCESS_KEY_ID: setting(
      z.string().min(1).optional(),
      "access key of the bucket (`s3`); unset: the SDK's credential chain (environment, instance or pod role)",
    ),
    ATTACHMENTS_S3_SECRET_ACCESS_KEY: setting(z.string().min(1).optional(), 'secret of that access key (`s3`)'),
    ATTACHMENTS_S3_SSE: setting(
      z.enum(['AES256', 'aws:kms', 'none']).default('AES256'),
      'server-side encryption asked with every object (`s3`)',
    ),
    // The insurer who issues and seals the relevés d'information.
    ...insurerEnv,
    ...insurerSealEnv,
  })
  .superRefine((env, ctx) => {
    if (env.ATTACHMENTS_STORE !== 's3') return;
    // Attachments are sealed under ENCRYPTION_KEYS before any store sees them (app/sealed-store.ts).
    if (!env.ATTACHMENTS_S3_BUCKET)
      ctx.addIssue({ code: 'custom', path: ['ATTACHMENTS_S3_BUCKET'], message: 'required with ATTACHMENTS_STORE=s3' });
  });
