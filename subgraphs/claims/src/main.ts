// Production entry point of the claims subgraph: configuration from the environment (see README).
import { bootSubgraph, insurerFromEnv, runService, sealFromEnv } from '@abri/platform';
import { type AttachmentStore, diskStore } from './app/attachments.ts';
import { objectStore } from './app/object-store.ts';
import { claimsEnv } from './env.ts';
import { createClaimsService } from './server.ts';

await runService('claims', async () => {
  const { env, deps } = await bootSubgraph('claims', claimsEnv);
  const store: AttachmentStore =
    env.ATTACHMENTS_STORE === 's3'
      ? objectStore({
          bucket: env.ATTACHMENTS_S3_BUCKET!,
          region: env.ATTACHMENTS_S3_REGION,
          ...(env.ATTACHMENTS_S3_ENDPOINT ? { endpoint: env.ATTACHMENTS_S3_ENDPOINT } : {}),
          ...(env.ATTACHMENTS_S3_ACCESS_KEY_ID && env.ATTACHMENTS_S3_SECRET_ACCESS_KEY
            ? {
                credentials: {
                  accessKeyId: env.ATTACHMENTS_S3_ACCESS_KEY_ID,
                  secretAccessKey: env.ATTACHMENTS_S3_SECRET_ACCESS_KEY,
                },
              }
            : {}),
          serverSideEncryption: env.ATTACHMENTS_S3_SSE === 'none' ? null : env.ATTACHMENTS_S3_SSE,
        })
      : diskStore(env.ATTACHMENTS_DIR);
  const service = createClaimsService({
    ...deps,
    // Sealed under ENCRYPTION_KEYS by the service before they reach the store (app/sealed-store.ts).
    attachments: store,
    insurer: { ...insurerFromEnv(env), seal: sealFromEnv(env) },
  });
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
