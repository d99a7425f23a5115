// The gateway's production configuration: one schema, parsed once at boot by main.ts; `npm run keys` and the
// README's table read it too.
import {
  DEFAULT_PORTS,
  hopSecretsSetting,
  productionEnv,
  SUBGRAPH_NAMES,
  SUBGRAPHS,
  type SubgraphName,
  setting,
} from '@abri/platform';
import { z } from 'zod';

const subgraphUrl = (name: SubgraphName) =>
  setting(
    z.string().url().default(`http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`),
    `the ${name} subgraph's GraphQL URL`,
  );

type UrlSetting = (typeof SUBGRAPHS)[SubgraphName]['urlSetting'];
/** `USERS_URL`, `POLICIES_URL`, …: one setting per subgraph of the registry. */
const subgraphUrls = Object.fromEntries(
  SUBGRAPH_NAMES.map((name) => [SUBGRAPHS[name].urlSetting, subgraphUrl(name)]),
) as Record<UrlSetting, ReturnType<typeof subgraphUrl>>;

export const gatewayEnv = z.object({
  ...productionEnv(DEFAULT_PORTS.gateway),
  HOP_SECRETS: hopSecretsSetting(
    'secrets of the signature on every hop to a subgraph, `kid:base64,...` (32 random bytes or more each, the first current); each subgraph gets only its own key derived from them',
  ),
  SUPERGRAPH_PATH: setting(z.string().optional(), 'the composed supergraph (default: `schema/supergraph.graphql`)'),
  ...subgraphUrls,
  JWKS_URL: setting(z.string().url().optional(), "access-token keys (default: users' `/.well-known/jwks.json`)"),
  ACCESS_TOKEN_TTL_SECONDS: setting(
    z.coerce.number().int().positive().default(600),
    'lifetime of access tokens, for how long a revocation is remembered',
  ),
  TRUST_PROXY: setting(
    z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      ),
    'load balancers in front of the gateway (comma-separated addresses or networks, `10.0.0.0/8`): only their `X-Forwarded-For` and `X-Forwarded-Proto` are believed',
  ),
  WEB_DIR: setting(
    z.string().min(1).optional(),
    "the web app's build to serve at `/` (`npm run web:build` writes `clients/web/dist`); unset: the API alone",
  ),
  TRUSTED_DOCUMENTS: setting(
    z.enum(['enforce', 'off']).default('enforce'),
    "`enforce`: customers and anonymous callers run only the known operations of Abri's apps (trusted documents, by hash); staff may send any. `off`: any operation from anyone",
  ),
  TRUSTED_DOCUMENTS_FILES: setting(
    z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((file) => file.trim())
          .filter(Boolean),
      ),
    "other clients' manifests (comma-separated JSON files of `sha256:<hex>` → operation, e.g. a mobile app's), on top of the web app's, the SDK's and GraphiQL's sign-in",
  ),
  WEB_ORIGINS: setting(
    z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      ),
    'other origins (comma-separated) allowed to call the `/auth` sign-in routes, when the app is on another host',
  ),
});
