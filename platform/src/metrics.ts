// Prometheus metrics of a process, served on `GET /metrics` by every service (prom-client). One registry a process:
// in production a process is one service; in the embedded mode the five share it and the `service` label tells them
// apart. Labels never carry personal data, and those a client chooses (operation names) are bounded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const httpRequests = new Counter({
  name: 'abri_http_requests_total',
  help: 'HTTP requests answered, by route and status.',
  labelNames: ['service', 'method', 'route', 'status'] as const,
  registers: [registry],
});
const httpDuration = new Histogram({
  name: 'abri_http_request_duration_seconds',
  help: 'Time to answer an HTTP request.',
  labelNames: ['service', 'method', 'route'] as const,
  buckets: SECONDS,
  registers: [registry],
});
const operations = new Counter({
  name: 'abri_graphql_operations_total',
  help: 'GraphQL operations executed over HTTP, by operation name, type and outcome (ok, or error with errors).',
  labelNames: ['service', 'operation', 'type', 'outcome'] as const,
  registers: [registry],
});
const operationDuration = new Histogram({
  name: 'abri_graphql_operation_duration_seconds',
  help: 'Time from a GraphQL request received to its answer, by operation name.',
  labelNames: ['service', 'operation', 'type'] as const,
  buckets: SECONDS,
  registers: [registry],
});
const graphqlErrors = new Counter({
  name: 'abri_graphql_errors_total',
  help: 'Errors in GraphQL answers, by extensions.code.',
  labelNames: ['service', 'operation', 'code'] as const,
  registers: [registry],
});
const rateLimited = new Counter({
  name: 'abri_rate_limit_refusals_total',
  help: 'Requests refused with RATE_LIMITED.',
  labelNames: ['service', 'operation'] as const,
  registers: [registry],
});
const subscriptions = new Gauge({
  name: 'abri_subscriptions_active',
  help: 'GraphQL subscriptions running over WebSocket.',
  labelNames: ['service'] as const,
  registers: [registry],
});
const eventsDelivered = new Counter({
  name: 'abri_events_delivered_total',
  help: 'Events handed to subscribers (replayed from the outbox or live from the bus), by topic.',
  labelNames: ['topic', 'from'] as const,
  registers: [registry],
});
const eventsRejected = new Counter({
  name: 'abri_events_rejected_total',
  help: 'Events skipped because their payload does not match the catalogue (platform/src/events/catalog.ts), by topic and consumer.',
  labelNames: ['topic', 'consumer'] as const,
  registers: [registry],
});
const argon2 = new Histogram({
  name: 'abri_argon2_duration_seconds',
  help: 'Time of an argon2id hash or verification.',
  labelNames: ['operation'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
  registers: [registry],
});

/** Collectors asked at each scrape, by metric: values only a live object knows (sockets, outbox, consumers). */
type Probe = () => Promise<number> | number;
const probes = new Map<string, Map<string, Probe>>();

function probed(name: string, help: string): Gauge<'service'> {
  const gauge = new Gauge({
    name,
    help,
    labelNames: ['service'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [service, probe] of probes.get(name) ?? []) {
        const value = await Promise.resolve()
          .then(probe)
          .catch(() => Number.NaN);
        this.set({ service }, value);
      }
    },
  });
  probes.set(name, new Map());
  return gauge;
}

probed('abri_websockets_open', 'WebSocket connections open.');
probed('abri_outbox_lag_seconds', 'Age of the oldest event not yet published to the bus (0 when none waits).');
probed('abri_consumers_failing', 'Durable bus consumers of the process that are retrying or stuck.');

type LagProbe = () => Promise<{ topic: string; group: string; lag: number }[]>;
const lagProbes = new Map<string, LagProbe>();
new Gauge({
  name: 'abri_consumer_lag_events',
  help: 'Events of a durable consumer group not yet acknowledged (never delivered, or being handled).',
  labelNames: ['service', 'topic', 'group'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const [service, probe] of lagProbes) {
      for (const { topic, group, lag } of await probe().catch(() => [])) this.set({ service, topic, group }, lag);
    }
  },
});

/** What a gateway replica's live channels are doing: see gateway/src/live/relay.ts. */
export interface LiveChannels {
  leading: number;
  following: number;
  alone: number;
  gaps: number;
}
const liveProbes = new Map<string, () => LiveChannels>();
const LIVE_ROLES = ['leading', 'following', 'alone'] as const;
new Gauge({
  name: 'abri_live_channels',
  help:
    'Live channels of a gateway replica by role: leading (runs the upstream subscription and shares each result), ' +
    'following (delivers what the leader shares), alone (runs its own, shared with no other replica).',
  labelNames: ['service', 'role'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [service, probe] of liveProbes) {
      const now = probe();
      for (const role of LIVE_ROLES) this.set({ service, role }, now[role]);
    }
  },
});
new Counter({
  name: 'abri_live_relay_gaps_total',
  help: 'Times a shared live channel had to run alone (a missed link, a lost Redis connection, a join behind its leader).',
  labelNames: ['service'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [service, probe] of liveProbes) this.inc({ service }, probe().gaps);
  },
});

/** Sets `service`'s probe in `probes`; returns what removes it (unless another took its place since). */
function register<P>(probes: Map<string, P>, service: string, probe: P): () => void {
  probes.set(service, probe);
  return () => {
    if (probes.get(service) === probe) probes.delete(service);
  };
}

/** Registers how `service` counts its live channels at each scrape; returns what removes it. */
export const addLiveChannelsProbe = (service: string, probe: () => LiveChannels) =>
  register(liveProbes, service, probe);

export type ProbeName = 'abri_websockets_open' | 'abri_outbox_lag_seconds' | 'abri_consumers_failing';

/** Registers the value `probe` gives for `service` at each scrape; returns what removes it. */
export const addProbe = (name: ProbeName, service: string, probe: Probe) => register(probes.get(name)!, service, probe);

/** Registers how `service` measures its consumers' lag at each scrape; returns what removes it. */
export const addConsumerLagProbe = (service: string, probe: LagProbe) => register(lagProbes, service, probe);

/** A few routes by name; any other path is `other`, so scanners cannot grow the label set. */
export function routeOf(pathname: string, known: readonly string[]): string {
  if (known.includes(pathname)) return pathname;
  const prefix = known.find((k) => k.endsWith('/') && pathname.startsWith(k));
  return prefix ? `${prefix}*` : 'other';
}

/** Records the request once answered. `known`: the server's routes. */
export function observeHttp(service: string, req: IncomingMessage, res: ServerResponse, known: readonly string[]) {
  const end = httpDuration.startTimer();
  res.once('finish', () => {
    const route = routeOf(new URL(req.url ?? '/', 'http://localhost').pathname, known);
    const method = req.method === 'GET' || req.method === 'POST' ? req.method : 'other';
    end({ service, method, route });
    httpRequests.inc({ service, method, route, status: String(res.statusCode) });
  });
}

/** @default 200 distinct operation names a service labels; more are counted as `other`. */
const MAX_OPERATION_NAMES = 200;
const seenOperations = new Map<string, Set<string>>();

/** The operation name as a label: `anonymous`, a plausible GraphQL name, or `other`. */
export function operationLabel(service: string, name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
  const seen = seenOperations.get(service) ?? new Set<string>();
  seenOperations.set(service, seen);
  if (seen.has(name)) return name;
  if (seen.size >= MAX_OPERATION_NAMES) return 'other';
  seen.add(name);
  return name;
}

/** RED metrics of every GraphQL operation Apollo Server runs. */
export function graphqlMetrics<C extends BaseContext>(service: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, response, errors }) {
          const name = operationLabel(service, operationName);
          const type = operation?.operation ?? 'unknown';
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const answered = [...(errors ?? []), ...(body?.errors ?? [])];
          operations.inc({ service, operation: name, type, outcome: answered.length ? 'error' : 'ok' });
          operationDuration.observe({ service, operation: name, type }, seconds);
          const codes = new Set(answered.map((e) => String(e.extensions?.code ?? 'INTERNAL')));
          for (const code of codes) graphqlErrors.inc({ service, operation: name, code });
          if (codes.has('RATE_LIMITED')) rateLimited.inc({ service, operation: name });
        },
      };
    },
  };
}

export const subscriptionStarted = (service: string) => subscriptions.inc({ service });
export const subscriptionEnded = (service: string) => subscriptions.dec({ service });
export const eventDelivered = (topic: string, from: 'outbox' | 'bus') => eventsDelivered.inc({ topic, from });
/** `consumer`: a durable consumer's group, or `live` for a subscription. */
export const eventRejected = (topic: string, consumer: string) => eventsRejected.inc({ topic, consumer });

/** Times an argon2 call. */
export async function timeArgon2<T>(operation: 'hash' | 'verify', run: () => Promise<T>): Promise<T> {
  const end = argon2.startTimer({ operation });
  try {
    return await run();
  } finally {
    end();
  }
}

/** `GET /metrics`: the Prometheus text format. */
export async function metricsRoute(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  res.end(body);
}
