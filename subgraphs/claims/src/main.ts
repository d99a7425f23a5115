// Production entry point of the claims subgraph: configuration from the environment (see README).
import { bootSubgraph, runService } from '@abri/platform';
import { createClaimsService } from './server.ts';

await runService('claims', async () => {
  const { env, deps } = await bootSubgraph('claims');
  const service = createClaimsService(deps);
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
