// Production entry point of the policies subgraph: configuration from the environment (see README).
import {
  bootSubgraph,
  importSigningKey,
  insurerFromEnv,
  parseJwkSetting,
  runService,
  sealFromEnv,
} from '@abri/platform';
import { policiesEnv } from './env.ts';
import { createPoliciesService } from './server.ts';

await runService('policies', async () => {
  const { env, deps } = await bootSubgraph('policies', policiesEnv);
  const service = createPoliciesService({
    ...deps,
    attestationKey: await importSigningKey(parseJwkSetting(env.ATTESTATION_PRIVATE_KEY)),
    previousAttestationKeys: JSON.parse(env.ATTESTATION_PREVIOUS_PUBLIC_KEYS),
    publicUrl: env.PUBLIC_URL,
    insurer: { ...insurerFromEnv(env), seal: sealFromEnv(env) },
  });
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
