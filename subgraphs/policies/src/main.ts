// Production entry point of the policies subgraph: configuration from the environment (see README).
import { bootSubgraph, importSigningKey, parseEnv, parseJwkSetting, runService } from '@abri/platform';
import { z } from 'zod';
import { createPoliciesService } from './server.ts';

await runService('policies', async () => {
  const { env, deps } = await bootSubgraph('policies');
  const keys = parseEnv(
    z.object({
      /** Private JWK signing attestation QR codes (EdDSA). */
      ATTESTATION_PRIVATE_KEY: z.string().min(1),
      /** Public JWKs (JSON array) of retired attestation keys: attestations they signed still verify. */
      ATTESTATION_PREVIOUS_PUBLIC_KEYS: z.string().default('[]'),
      /** The public site where a QR code's link is checked. */
      PUBLIC_URL: z.string().url(),
    }),
  );
  const service = createPoliciesService({
    ...deps,
    attestationKey: await importSigningKey(parseJwkSetting(keys.ATTESTATION_PRIVATE_KEY)),
    previousAttestationKeys: JSON.parse(keys.ATTESTATION_PREVIOUS_PUBLIC_KEYS),
    publicUrl: keys.PUBLIC_URL,
  });
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
