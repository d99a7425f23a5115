// `npm start`: the whole system on embedded defaults, with the demo accounts on a fresh database.
import { commonEnv, DEMO, parseEnv } from '@abri/platform';
import { z } from 'zod';
import { startEmbedded } from './embedded.ts';

const env = parseEnv(z.object({ ABRI_DATA_DIR: commonEnv.ABRI_DATA_DIR, LOG_SILENT: commonEnv.LOG_SILENT }));
const system = await startEmbedded({ dataDir: env.ABRI_DATA_DIR, silent: env.LOG_SILENT });
const base = system.gateway.url.replace(/\/graphql$/, '');
console.log(`
Abri is running (embedded mode, data in ${env.ABRI_DATA_DIR}/${system.seeded ? ', demo data just seeded' : ''})

  GraphiQL   ${base}/graphiql
  GraphQL    ${base}/graphql  (HTTP and WebSocket)
  Health     ${base}/health · ${base}/ready

Demo accounts
  Camille Martin (customer)  login   contract ${DEMO.camille.contractNumber}  password ${DEMO.customerPassword}
  Louis Bernard (customer)   login   contract ${DEMO.louis.contractNumber}  password ${DEMO.customerPassword}
  Claims adjuster            staffLogin ${DEMO.adjuster.email}  password ${DEMO.staffPassword}
                             then verifyTwoFactor with a TOTP code for secret ${DEMO.adjuster.totpSecret}
`);

const shutdown = async () => {
  await system.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
