// The payments subgraph's production configuration: one schema, parsed once at boot by main.ts; `npm run keys` and
// the README's table read it too.
import { insurerEnv, insurerSealEnv, keyringSetting, subgraphEnv } from '@abri/platform';

export const paymentsEnv = subgraphEnv('payments').extend({
  ENCRYPTION_KEYS: keyringSetting("its own field keys (IBANs), not users'"),
  ...insurerEnv,
  ...insurerSealEnv,
});
