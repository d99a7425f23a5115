// The claims subgraph's production configuration: one schema, parsed once at boot by main.ts; the README's table
// reads it too.
import { setting, subgraphEnv } from '@abri/platform';
import { z } from 'zod';

export const claimsEnv = subgraphEnv('claims').extend({
  ATTACHMENTS_DIR: setting(z.string().default('.data/attachments'), 'where claim attachments are stored'),
});
