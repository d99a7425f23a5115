import { DEMO } from '@abri/platform';
import { type ProcessSystem, startProcessSystem } from '@abri/testkit/processes';
import { requireServices, type TestServices, testServices } from '@abri/testkit/services';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

let services: TestServices;
let system: ProcessSystem;
const available = await (async () => {
  services = await testServices({ seededTemplate: inject('seededTemplate') });
  return Boolean(services.databaseUrl && services.redisUrl);
})();
if (requireServices && !available) throw new Error('PostgreSQL and Redis are required for this test');

beforeAll(async () => {
  if (!available) return;
  system = await startProcessSystem({
    databaseUrl: services.databaseUrl!,
    seeded: services.seeded,
    redisUrl: services.redisUrl!,
    busPrefix: services.busPrefix,
  });
}, 300_000);

afterAll(async () => {
  await system?.stop();
  await services?.dispose();
});

const metricsOf = async (graphqlUrl: string) => {
  const res = await fetch(graphqlUrl.replace('/graphql', '/metrics'));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};

/** The value of the sample `name{labels}` (labels in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...m[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe.runIf(available)('Prometheus metrics in production shape (each service its own process)', () => {
  it('counts each GraphQL operation by name on the gateway and the subgraph that served it, and times argon2', async () => {
    const [gateway] = system.gateways;
    const signIn = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        operationName: 'SignIn',
        query: 'mutation SignIn($i: LoginInput!) { login(input: $i) { __typename } } query Other { __typename }',
        variables: { i: { contractNumber: DEMO.camille.contractNumber, password: DEMO.customerPassword } },
      }),
    });
    expect(((await signIn.json()) as { data: { login: { __typename: string } } }).data.login.__typename).toBe(
      'LoginSuccess',
    );

    const atGateway = await metricsOf(gateway);
    expect(
      sample(atGateway, 'abri_graphql_operations_total', {
        service: 'gateway',
        operation: 'SignIn',
        type: 'mutation',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      sample(atGateway, 'abri_http_requests_total', {
        service: 'gateway',
        method: 'POST',
        route: '/graphql',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(atGateway).toContain('abri_graphql_operation_duration_seconds_bucket{');
    expect(atGateway).toMatch(/^process_resident_memory_bytes \d+/m);

    const atUsers = await metricsOf(system.url('users'));
    expect(sample(atUsers, 'abri_argon2_duration_seconds_count', { operation: 'verify' })).toBeGreaterThanOrEqual(1);
    expect(sample(atUsers, 'abri_outbox_lag_seconds', { service: 'users' })).toBeGreaterThanOrEqual(0);
    expect(sample(atUsers, 'abri_consumers_failing', { service: 'users' })).toBe(0);
    // Users follows claims' news through a durable consumer group on Redis.
    expect(atUsers).toMatch(/^abri_consumer_lag_events\{service="users",topic="[^"]+",group="[^"]+"\} \d+/m);
    // The gateway's hop names the operation it plans for; the subgraph counts what it ran.
    expect(atUsers).toMatch(/abri_graphql_operations_total\{[^}]*service="users"[^}]*outcome="ok"/);
    // Nothing personal in a label: no contract number, no e-mail.
    for (const text of [atGateway, atUsers]) {
      expect(text).not.toContain(DEMO.camille.contractNumber);
      expect(text).not.toMatch(/@abri\.example/);
    }
  }, 120_000);

  it('counts a request the gateway refuses and answers for every subgraph', async () => {
    const [, gatewayB] = system.gateways;
    await fetch(gatewayB.replace('/graphql', '/no-such-page'));
    const text = await metricsOf(gatewayB);
    expect(sample(text, 'abri_http_requests_total', { service: 'gateway', route: 'other', status: '404' })).toBe(1);
    for (const name of ['policies', 'claims', 'payments'] as const) {
      expect(await metricsOf(system.url(name))).toContain(`abri_outbox_lag_seconds{service="${name}"}`);
    }
  }, 120_000);
});
