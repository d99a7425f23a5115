// The claims subgraph's production configuration: one schema, parsed once at boot by main.ts; the README's table
// reads it too.
import { insurerEnv, insurerSealEnv, setting, subgraphEnv } from '@abri/platform';
import { z } from 'zod';

export const claimsEnv = subgraphEnv('claims').extend({
  ATTACHMENTS_DIR: setting(z.string().default('.data/attachments'), 'where claim attachments are stored'),
  // The insurer who issues and seals the relevés d'information.
  ...insurerEnv,
  ...insurerSealEnv,
});
