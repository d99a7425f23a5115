// Traces, logs and attachment storage in the production shape (each service its own compiled process, PostgreSQL,
// Redis): an in-memory OTLP receiver gets the spans every process exports, every process's log lines are captured,
// and claims keeps attachments in an S3-compatible test server that checks every request's signature.

import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { DEMO, SUBGRAPH_NAMES } from '@abri/platform';
import { customer } from '@abri/testkit';
import { type ProcessName, type ProcessSystem, startProcessSystem } from '@abri/testkit/processes';
import { requireServices, type TestServices, testServices } from '@abri/testkit/services';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DASHBOARD } from '../../bench/lib/queries.ts';
import { PNG } from '../../subgraphs/claims/test/files.fixtures.ts';
import { startS3Server } from '../../subgraphs/claims/test/s3-server.ts';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  attributes: Record<string, unknown>;
}

/** An OTLP/HTTP receiver (JSON encoding, what the exporter sends) keeping every span it is sent. */
async function otlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const value = (v: Record<string, unknown>) => v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue;
  const attributes = (list: { key: string; value: Record<string, unknown> }[] = []) =>
    Object.fromEntries(list.map((a) => [a.key, value(a.value)]));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      if (req.url !== '/v1/traces' || !String(req.headers['content-type']).includes('json')) {
        res.writeHead(415).end();
        return;
      }
      const parsed = JSON.parse(body.toString('utf8')) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: Record<string, unknown> }[] };
          scopeSpans: {
            spans: {
              traceId: string;
              spanId: string;
              parentSpanId?: string;
              name: string;
              attributes?: { key: string; value: Record<string, unknown> }[];
            }[];
          }[];
        }[];
      };
      for (const resource of parsed.resourceSpans) {
        const service = String(attributes(resource.resource.attributes)['service.name']);
        for (const scope of resource.scopeSpans)
          for (const span of scope.spans)
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? '',
              name: span.name,
              attributes: attributes(span.attributes),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The exporters' keep-alive sockets would hold close() open as long as their processes live.
        server.closeAllConnections();
      }),
  };
}

let services: TestServices;
let system: ProcessSystem;
let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
let s3: Awaited<ReturnType<typeof startS3Server>>;
const s3Credentials = { accessKeyId: 'AKIAABRIOBSERVE', secretAccessKey: randomBytes(30).toString('base64') };
const logs: { name: ProcessName; text: string }[] = [];
const available = await (async () => {
  services = await testServices({ seededTemplate: inject('seededTemplate') });
  return Boolean(services.databaseUrl && services.redisUrl);
})();
if (requireServices && !available) throw new Error('PostgreSQL and Redis are required for this test');

beforeAll(async () => {
  if (!available) return;
  receiver = await otlpReceiver();
  s3 = await startS3Server(s3Credentials);
  system = await startProcessSystem({
    databaseUrl: services.databaseUrl!,
    seeded: services.seeded,
    redisUrl: services.redisUrl!,
    busPrefix: services.busPrefix,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      LOG_SILENT: 'false',
      LOG_HASH_KEY: 'observability-test-log-hash-key',
    },
    processEnv: {
      claims: {
        ATTACHMENTS_STORE: 's3',
        ATTACHMENTS_S3_BUCKET: 'abri-attachments',
        ATTACHMENTS_S3_ENDPOINT: s3.endpoint,
        ATTACHMENTS_S3_ACCESS_KEY_ID: s3Credentials.accessKeyId,
        ATTACHMENTS_S3_SECRET_ACCESS_KEY: s3Credentials.secretAccessKey,
      },
    },
    onLog: (name, text) => {
      logs.push({ name, text });
      // What would explain a process that does not start.
      if (!text.includes('"level":"info"')) process.stderr.write(`[${name}] ${text}`);
    },
  });
}, 600_000);

afterAll(async () => {
  await system?.stop();
  await receiver?.close();
  await s3?.close();
  await services?.dispose();
});

const post = async (url: string, body: unknown, token?: string) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are read by their paths in each test
  return { requestId: res.headers.get('x-request-id')!, body: (await res.json()) as { data?: Record<string, any> } };
};

/** The trace of the request the gateway answered with `requestId`. */
const traceOf = (requestId: string) =>
  receiver.spans.find((s) => s.service === 'gateway' && s.attributes['abri.request_id'] === requestId)?.traceId;

describe.runIf(available)('traces, logs and attachment storage in production shape', () => {
  it('follows a dashboard request from the gateway through every subgraph into the database as one trace', async () => {
    const camille = await customer(system.gateways[0], 'camille');
    const { requestId, body } = await post(
      system.gateways[0],
      { query: DASHBOARD, operationName: 'Dashboard' },
      camille.accessToken!,
    );
    expect(body.data?.me.policies.length).toBeGreaterThan(0);
    expect(requestId).toMatch(/^[\w-]{36}$/);

    await expect.poll(() => traceOf(requestId), { timeout: 30_000 }).toBeDefined();
    const traceId = traceOf(requestId)!;
    const inTrace = () => receiver.spans.filter((s) => s.traceId === traceId);
    await expect
      .poll(() => new Set(inTrace().map((s) => s.service)), { timeout: 30_000 })
      .toEqual(new Set(['gateway', ...SUBGRAPH_NAMES]));
    await expect.poll(() => inTrace().some((s) => /db_query/.test(s.name)), { timeout: 30_000 }).toBe(true);
    // Each process exports in its own batches: a subgraph's query spans may arrive before its request span (which
    // ends last), so the request span of every subgraph is awaited, not assumed.
    // Every subgraph takes part in the dashboard query.
    const servedBy = (subgraph: string) => inTrace().find((s) => s.service === subgraph && s.name === 'POST /graphql');
    await expect.poll(() => SUBGRAPH_NAMES.filter((subgraph) => !servedBy(subgraph)), { timeout: 30_000 }).toEqual([]);

    const spans = inTrace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    // The gateway's plan steps call each subgraph; each subgraph's request span is the child of that call.
    for (const subgraph of SUBGRAPH_NAMES) {
      const served = servedBy(subgraph)!;
      expect(byId.get(served.parentSpanId)).toMatchObject({ service: 'gateway', name: `fetch ${subgraph}` });
    }
    expect(spans.find((s) => s.service === 'gateway' && s.name === 'graphql query Dashboard')).toBeDefined();
    // Prisma's queries hang under the subgraph's operation, with the statement (never its values).
    const query = spans.find((s) => /db_query/.test(s.name))!;
    expect(query.attributes['db.query.text']).toMatch(/SELECT/);
    expect(SUBGRAPH_NAMES).toContain(query.service);
  }, 120_000);

  it('continues the trace of declareClaim in the users consumer that reads the event', async () => {
    const camille = await customer(system.gateways[1], 'camille');
    const { requestId, body } = await post(
      system.gateways[1],
      {
        query: `mutation Declare($i: DeclareClaimInput!) { declareClaim(input: $i) { __typename } }`,
        operationName: 'Declare',
        variables: {
          i: {
            policyId: DEMO.camille.policyId,
            type: 'WATER_DAMAGE',
            occurredOn: new Date().toISOString().slice(0, 10),
            description: 'Fuite sous l’évier de la cuisine, parquet gonflé.',
            answers: {
              source: 'NEIGHBOUR',
              leakStopped: true,
              thirdPartyInvolved: true,
              thirdPartyName: 'M. Durand',
              jointReport: false,
            },
          },
        },
      },
      camille.accessToken!,
    );
    expect(body.data?.declareClaim.__typename).toBe('ClaimDeclared');
    await expect.poll(() => traceOf(requestId), { timeout: 30_000 }).toBeDefined();
    const traceId = traceOf(requestId)!;
    const consumer = () =>
      receiver.spans.find(
        (s) =>
          s.traceId === traceId &&
          s.service === 'users' &&
          s.name === 'consume claims.claimStatusChanged' &&
          s.attributes['messaging.consumer.group.name'] === 'users-claim-news',
      );
    await expect.poll(consumer, { timeout: 60_000 }).toBeDefined();
    // The relay's publication sits between the request and the consumer. Its span ends once the bus took the event,
    // which the consumer may have handled (and users exported) before claims sends its next batch.
    const published = () =>
      receiver.spans.find(
        (s) => s.traceId === traceId && s.service === 'claims' && s.name === 'publish claims.claimStatusChanged',
      );
    await expect.poll(published, { timeout: 30_000 }).toBeDefined();
    expect(consumer()!.parentSpanId).toBe(published()!.spanId);
  }, 120_000);

  it('logs each request once per service with its id, operation, hashed customer, status and duration, and no personal data', async () => {
    const camille = await customer(system.gateways[0], 'camille');
    const secrets = {
      email: 'jeanne.dupont.secret@exemple.fr',
      password: 'Mot-de-passe-tres-secret-42!',
      phone: '+33698765432',
      iban: 'FR7630006000011234567890189',
    };
    const signIn = await post(system.gateways[0], {
      query: 'mutation StaffSignIn($i: StaffLoginInput!) { staffLogin(input: $i) { __typename } }',
      operationName: 'StaffSignIn',
      variables: { i: { email: secrets.email, password: secrets.password } },
    });
    expect(signIn.body.data?.staffLogin.__typename).toBeDefined();
    await post(
      system.gateways[0],
      {
        query: `mutation Confirm($p: String!) { confirmIdentity(password: $p) { __typename } }`,
        operationName: 'Confirm',
        variables: { p: DEMO.customerPassword },
      },
      camille.accessToken!,
    );
    const profile = await post(
      system.gateways[0],
      {
        query: `mutation Profile($i: ProfileInput!) { updateProfile(input: $i) { __typename } }`,
        operationName: 'Profile',
        variables: { i: { phone: secrets.phone } },
      },
      camille.accessToken!,
    );
    const mandate = await post(
      system.gateways[0],
      {
        query: `mutation Mandate($i: SepaMandateInput!) { addSepaMandate(input: $i) { __typename } }`,
        operationName: 'Mandate',
        variables: { i: { iban: secrets.iban, holderName: 'Jeanne Dupont' } },
      },
      camille.accessToken!,
    );
    expect(mandate.body.data?.addSepaMandate.__typename).toBeDefined();

    const lines = () =>
      logs
        .flatMap(({ name, text }) => text.split('\n').map((line) => ({ name, line })))
        .filter(({ line }) => line.startsWith('{'))
        .map(({ name, line }) => ({ name, record: JSON.parse(line) as Record<string, unknown> }));
    const requestLines = (id: string) => lines().filter(({ record }) => record.requestId === id);
    // The request id the gateway answered is in its line and in the line of the subgraph it called.
    await expect
      .poll(() => requestLines(mandate.requestId).map(({ name }) => name), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['gatewayA', 'payments']));
    const atGateway = requestLines(mandate.requestId).find(({ name }) => name === 'gatewayA')!.record;
    expect(atGateway).toMatchObject({
      level: 'info',
      service: 'gateway',
      message: 'request',
      method: 'POST',
      route: '/graphql',
      status: 200,
      operation: 'Mandate',
      operationType: 'mutation',
    });
    expect(atGateway.durationMs).toEqual(expect.any(Number));
    expect(atGateway.customer).toMatch(/^[\w-]{22}$/);
    expect(atGateway.customer).not.toBe(DEMO.camille.customerId);
    // The same keyed hash in every service, so one customer's lines can be followed.
    const atPayments = requestLines(mandate.requestId).find(({ name }) => name === 'payments')!.record;
    expect(atPayments.customer).toBe(atGateway.customer);
    expect(requestLines(profile.requestId).some(({ name }) => name === 'users')).toBe(true);
    expect(requestLines(signIn.requestId).find(({ name }) => name === 'gatewayA')?.record.customer).toBeUndefined();

    const all = logs.map(({ text }) => text).join('');
    for (const value of [
      ...Object.values(secrets),
      secrets.iban.slice(4),
      secrets.phone.slice(3),
      DEMO.customerPassword,
      DEMO.camille.customerId,
      DEMO.camille.contractNumber,
    ])
      expect(all).not.toContain(value);
  }, 120_000);

  it('keeps a request id a trusted proxy hands over only from a trusted proxy', async () => {
    const res = await fetch(system.gateways[1], {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'forged-by-the-client' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('x-request-id')).not.toBe('forged-by-the-client');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/);
  }, 60_000);

  it('keeps an attachment sealed in S3-compatible storage and serves it back to its customer', async () => {
    const camille = await customer(system.gateways[0], 'camille');
    const { body } = await post(
      system.gateways[0],
      {
        query:
          'mutation Attach($c: ID!, $f: String!, $b: String!) { addClaimAttachment(claimId: $c, filename: $f, contentBase64: $b) { __typename ... on AttachmentAdded { attachment { downloadPath } } } }',
        operationName: 'Attach',
        variables: { c: DEMO.camilleClaimId, f: 'fuite.png', b: PNG.toString('base64') },
      },
      camille.accessToken!,
    );
    expect(body.data?.addClaimAttachment.__typename).toBe('AttachmentAdded');
    const stored = [...s3.objects.entries()].filter(([path]) => path.startsWith('/abri-attachments/attachments/'));
    expect(stored).toHaveLength(1);
    const [, object] = stored[0]!;
    // The provider holds a sealed object written with server-side encryption asked, never the file itself.
    expect(object.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(object.bytes.includes(PNG.subarray(0, 8))).toBe(false);
    expect(object.bytes.length).toBeGreaterThan(PNG.length);
    expect(s3.seen.refused).toBe(0);

    const download = await fetch(
      `${system.gateways[1].replace(/\/graphql$/, '')}${body.data!.addClaimAttachment.attachment.downloadPath}`,
      { headers: { authorization: `Bearer ${camille.accessToken}` } },
    );
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
  }, 60_000);
});
