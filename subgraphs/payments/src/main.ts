// Production entry point of the payments subgraph: configuration from the environment (see README).
import { bootSubgraph, insurerFromEnv, runService, sealFromEnv } from '@abri/platform';
import { normaliseIban } from './domain/iban.ts';
import { paymentsEnv } from './env.ts';
import { createPaymentsService } from './server.ts';

await runService('payments', async () => {
  const { env, deps } = await bootSubgraph('payments', paymentsEnv);
  const service = createPaymentsService({
    ...deps,
    insurer: { ...insurerFromEnv(env), seal: sealFromEnv(env) },
    creditor:
      env.SEPA_CREDITOR_ID && env.SEPA_CREDITOR_IBAN && env.SEPA_CREDITOR_BIC
        ? { creditorId: env.SEPA_CREDITOR_ID, iban: normaliseIban(env.SEPA_CREDITOR_IBAN), bic: env.SEPA_CREDITOR_BIC }
        : null,
  });
  const served = await service.start(env.PORT, env.HOST);
  return { url: served.url, stop: service.stop };
});
