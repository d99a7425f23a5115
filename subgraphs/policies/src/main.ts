// Production entry point of the policies subgraph: configuration from the environment (see README).
import { bootSubgraph, runService } from '@abri/platform';
import { createPoliciesService } from './server.ts';

await runService('policies', async () => {
  const { env, deps } = await bootSubgraph('policies');
  const service = createPoliciesService(deps);
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
