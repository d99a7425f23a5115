// Production entry point of the claims subgraph: configuration from the environment (see README).
import { bootSubgraph, insurerFromEnv, runService, sealFromEnv } from '@abri/platform';
import { diskStore } from './app/attachments.ts';
import { claimsEnv } from './env.ts';
import { createClaimsService } from './server.ts';

await runService('claims', async () => {
  const { env, deps } = await bootSubgraph('claims', claimsEnv);
  const service = createClaimsService({
    ...deps,
    attachments: diskStore(env.ATTACHMENTS_DIR),
    insurer: { ...insurerFromEnv(env), seal: sealFromEnv(env) },
  });
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
