// The GraphQL client: urql with a normalised cache (entities by __typename + id, so a claim updated by a live event
// is updated on every screen that shows it) and graphql-ws for subscriptions on the same origin's /graphql.
import { cacheExchange, type KeyingConfig } from '@urql/exchange-graphcache';
import { createClient as createSocket } from 'graphql-ws';
import { Client, type Exchange, fetchExchange, makeOperation, mapExchange, subscriptionExchange } from 'urql';
import { authedFetch, renew, session } from './auth/session.ts';

/** Values without an identity of their own: stored inside their parent. */
const EMBEDDED = [
  'Money',
  'Dwelling',
  'PriceLine',
  'ClaimStatusChange',
  'SecurityScore',
  'SecurityFactor',
  'LoginEvent',
  'PaymentConnection',
  'PaymentEdge',
  'PageInfo',
  'DueDayChange',
  'ClaimStatusEvent',
  'ProfileEvent',
  'PolicyOption',
  'PolicyVersion',
  'Attachment',
  'NotificationPreferences',
  // « Mes données »: the register, the access log, consents' history, the erasure preview, and the events of
  // customerEvents (a screen reads what it needs from them; the entities they name are refetched).
  'PrivacySection',
  'PersonalDataCategory',
  'ConsentChange',
  'StaffAccess',
  'SupportGrant',
  'ErasureSection',
  'ErasureItem',
  'ErasureBlocker',
  'ClaimAttachmentUpdate',
  'ClaimStatusUpdate',
  'ContractUpdate',
  'DataExportUpdate',
  'DocumentIssuedUpdate',
  'PaymentMethodsUpdate',
  'PaymentUpdate',
  'ProfileUpdate',
  'ScheduleUpdate',
  'SecondFactorUpdate',
  'SessionRevokedUpdate',
  'SignInUpdate',
];

/** Entities identified by another field than `id`. */
const KEYS: KeyingConfig = {
  PrivacyDashboard: (d) => (d['customerId'] as string | undefined) ?? null,
  ErasurePreview: (p) => (p['customerId'] as string | undefined) ?? null,
  Consent: (c) => (c['purpose'] as string | undefined) ?? null,
};

/**
 * Trusted documents: every operation goes by its hash alone (`extensions.persistedQuery`, as automatic persisted
 * queries do), from the hash codegen put on the document; the gateway runs the text its manifest holds for it
 * (src/gql/persisted-documents.json, written by `npm run codegen`). Over the socket too (`query` stays empty).
 */
export const hashesOnly: Exchange = mapExchange({
  onOperation(operation) {
    const hash = (operation.query as { __meta__?: { hash?: string } }).__meta__?.hash;
    if (!hash || operation.kind === 'teardown') return operation;
    return makeOperation(
      operation.kind,
      {
        ...operation,
        extensions: {
          ...operation.extensions,
          persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') },
        },
      },
      operation.context,
    );
  },
});

/**
 * A service that did not answer leaves its root fields null beside an error that may carry no path (a hop refused or
 * timed out before any field ran). Graphcache writes a null it cannot tie to an error as the value: `me: null` from
 * one section's query would then empty every screen reading `me` (the account page lost the profile being typed in).
 * Such nulls are left out of what the cache is given, so it keeps what it had and the failing query reads its error.
 */
export const keepCacheOnFailure: Exchange = mapExchange({
  onResult(result) {
    const errors = result.error?.graphQLErrors ?? [];
    const data = result.data as Record<string, unknown> | null | undefined;
    if (!data || !errors.some((e) => !e.path?.length)) return result;
    const answered = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
    return { ...result, data: Object.keys(answered).length ? answered : null };
  },
});

/** For the public pages (the check of an attestation, activation, a forgotten password): anonymous, no cache. */
export const createPublicClient = () =>
  new Client({ url: '/graphql', exchanges: [hashesOnly, fetchExchange], preferGetMethod: false });

/** A client for one signed-in session: a new sign-in gets a new client, so no cache outlives its customer. */
export function createApiClient(): { client: Client } {
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const socket = createSocket({
    url: wsUrl,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    // A token about to expire is renewed before the socket opens (the gateway closes sockets at token expiry).
    connectionParams: async () => {
      if (!session.accessToken) await renew();
      return session.accessToken ? { authorization: `Bearer ${session.accessToken}` } : {};
    },
    on: {
      closed: (event) => {
        const code = (event as CloseEvent | undefined)?.code;
        if (code === 4401 || code === 4403) void renew();
      },
    },
  });
  const client = new Client({
    url: '/graphql',
    fetch: authedFetch,
    preferGetMethod: false,
    // Screens show the cache at once and refresh it from the server (a claim declared elsewhere, a new document).
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange({ keys: { ...Object.fromEntries(EMBEDDED.map((name) => [name, () => null])), ...KEYS } }),
      keepCacheOnFailure,
      // After the cache: graphcache forwards each operation rebuilt from its key, query and variables only, so a
      // hash set before it would be dropped and the full text sent (refused where trusted documents are enforced).
      hashesOnly,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client };
}
