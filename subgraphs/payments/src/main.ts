// Production entry point of the payments subgraph: configuration from the environment (see README).
import { bootSubgraph, runService } from '@abri/platform';
import { createPaymentsService } from './server.ts';

await runService('payments', async () => {
  const { env, deps } = await bootSubgraph('payments');
  const service = createPaymentsService(deps);
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
