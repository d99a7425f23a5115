// `npm start`: the whole system on embedded defaults, with the demo accounts on a fresh database.

import { ensureWebBuild } from '@abri/gateway/web-build';
import {
  commonEnv,
  DEFAULT_PORTS,
  DEMO,
  GATEWAY_PORT,
  parseEnv,
  perSubgraph,
  publicUrlSetting,
  SUBGRAPHS,
} from '@abri/platform';
import { z } from 'zod';
import { startEmbedded } from './embedded.ts';

const env = parseEnv(
  z.object({
    ABRI_DATA_DIR: commonEnv.ABRI_DATA_DIR,
    LOG_SILENT: commonEnv.LOG_SILENT,
    /** The gateway's port; the subgraphs take the next four. */
    ABRI_BASE_PORT: z.coerce.number().int().min(1).max(65_530).default(DEFAULT_PORTS.gateway),
    /** Where the links of e-mails and QR codes point (e.g. this machine's address on the LAN, to open them on a phone). */
    PUBLIC_URL: publicUrlSetting("the web space's address in e-mailed links and QR codes").optional(),
  }),
);
const base = env.ABRI_BASE_PORT;
// Each subgraph keeps its distance from the gateway's default port (users: the next one, and so on).
const ports = { gateway: base, ...perSubgraph((name) => base + SUBGRAPHS[name].port - GATEWAY_PORT) };
// The web app is built on the first start (and again when its sources change); without it the API still runs.
const web = await ensureWebBuild().then(
  ({ dir, built }) => {
    if (built) console.log('Web customer space built (clients/web/dist).');
    return { dir };
  },
  (error: unknown) => {
    console.error(`The web customer space could not be built; serving the API alone.\n${String(error)}`);
    return { dir: null };
  },
);
const system = await startEmbedded({
  dataDir: env.ABRI_DATA_DIR,
  silent: env.LOG_SILENT,
  ports,
  web,
  ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
});
const origin = system.gateway.url.replace(/\/graphql$/, '').replace('127.0.0.1', 'localhost');
console.log(`
Abri is running (embedded mode, data in ${env.ABRI_DATA_DIR}/${system.seeded ? ', demo data just seeded' : ''})

  Web        ${origin}/${web.dir ? '' : '  (not built)'}
  GraphiQL   ${origin}/graphiql
  GraphQL    ${origin}/graphql  (HTTP and WebSocket)
  Health     ${origin}/health · ${origin}/ready

Demo accounts
  Camille Martin (customer)  login   contract ${DEMO.camille.contractNumber}  password ${DEMO.customerPassword}
  Louis Bernard (customer)   login   contract ${DEMO.louis.contractNumber}  password ${DEMO.customerPassword}
  Claims adjuster            staffLogin ${DEMO.adjuster.email}  password ${DEMO.staffPassword}
                             then verifyTwoFactor with a TOTP code for secret ${DEMO.adjuster.totpSecret}
  Support agent              staffLogin ${DEMO.agent.email}  password ${DEMO.staffPassword}
                             then verifyTwoFactor with a TOTP code for secret ${DEMO.agent.totpSecret}
                             (customer reads need the reason in the x-abri-reason header)
`);

const shutdown = async () => {
  await system.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
