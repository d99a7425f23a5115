// The policies subgraph's production configuration: one schema, parsed once at boot by main.ts; `npm run keys` and
// the README's table read it too.
import { insurerEnv, insurerSealEnv, publicUrlSetting, setting, signingKeySetting, subgraphEnv } from '@abri/platform';
import { z } from 'zod';

export const policiesEnv = subgraphEnv('policies').extend({
  ATTESTATION_PRIVATE_KEY: signingKeySetting(
    "private JWK (or `file:<path>`) signing attestation QR codes, published at policies' `/.well-known/jwks.json`",
  ),
  ATTESTATION_PREVIOUS_PUBLIC_KEYS: setting(
    z.string().default('[]'),
    'retired attestation public JWKs (JSON array): attestations they signed still verify',
  ),
  PUBLIC_URL: publicUrlSetting("the web portal's address: base of the attestation QR code's check link"),
  ...insurerEnv,
  ...insurerSealEnv,
});
