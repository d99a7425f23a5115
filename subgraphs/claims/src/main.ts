// Production entry point of the claims subgraph: configuration from the environment (see README).
import { bootSubgraph, parseEnv, runService } from '@abri/platform';
import { z } from 'zod';
import { diskStore } from './app/attachments.ts';
import { createClaimsService } from './server.ts';

await runService('claims', async () => {
  const { env, deps } = await bootSubgraph('claims');
  const { ATTACHMENTS_DIR } = parseEnv(z.object({ ATTACHMENTS_DIR: z.string().default('.data/attachments') }));
  const service = createClaimsService({ ...deps, attachments: diskStore(ATTACHMENTS_DIR) });
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
