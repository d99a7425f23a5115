// Production entry point of the payments subgraph: configuration from the environment (see README).
import { bootSubgraph, parseEnv, parseKeyring, runService } from '@abri/platform';
import { z } from 'zod';
import { createPaymentsService } from './server.ts';

await runService('payments', async () => {
  const { env, deps } = await bootSubgraph('payments');
  const { ENCRYPTION_KEYS } = parseEnv(z.object({ ENCRYPTION_KEYS: z.string().min(1) }));
  const service = createPaymentsService({ ...deps, keyring: parseKeyring(ENCRYPTION_KEYS) });
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
