// Trusted documents through the gateway as production runs it (`enforce`): the web app's operations by hash, over
// HTTP and WebSocket; a customer's or an anonymous free text refused with a typed error; an unknown hash refused;
// staff still free (GraphiQL), and the SDK's and GraphiQL's sign-ins, which are trusted texts.
import { readFileSync } from 'node:fs';
import type { Embedded } from '@abri/embedded';
import { adjuster, customer, startTestSystem } from '@abri/testkit';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadTrustedDocuments, sha256Hex, WEB_MANIFEST } from '../src/trusted-documents.ts';

const manifest = JSON.parse(readFileSync(WEB_MANIFEST, 'utf8')) as Record<string, string>;
/** The hash of the web app's operation `name`, as the app sends it. */
function hashOf(name: string): string {
  const entry = Object.entries(manifest).find(([, text]) => new RegExp(`^\\w+ ${name}\\b`).test(text));
  if (!entry) throw new Error(`no ${name} in the manifest`);
  return entry[0].replace(/^sha256:/, '');
}
const byHash = (hash: string, variables: Record<string, unknown> = {}) => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});

type Data = Record<string, Record<string, unknown>>;

let system: Embedded;
let url: string;
beforeAll(async () => {
  system = await startTestSystem({ gatewayOptions: { trustedDocuments: loadTrustedDocuments({ enforce: true }) } });
  url = system.gateway.url;
}, 120_000);
afterAll(() => system?.stop());

async function post(body: unknown, token?: string | null) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: Data; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

describe('trusted documents (production)', () => {
  it('runs the web app’s operations by hash alone, and refuses a customer’s own text with a typed error', async () => {
    const camille = await customer(url, 'camille');
    const known = await post(byHash(hashOf('Dashboard')), camille.accessToken);
    expect(known.status).toBe(200);
    expect(known.body.data?.['me']?.['firstName']).toBe('Camille');

    const free = await post({ query: '{ me { id email phone } }' }, camille.accessToken);
    expect(free.status).toBe(400);
    expect(free.body.data).toBeUndefined();
    expect(free.body.errors?.[0]?.extensions?.code).toBe('DOCUMENT_NOT_TRUSTED');
    expect(free.body.errors?.[0]?.message).toMatch(/n’est pas reconnue/);

    // The text of a known document is a known document, whoever prints it.
    const entry = Object.entries(manifest).find(([, t]) => t.startsWith('query Dashboard'))!;
    expect((await post({ query: entry[1] }, camille.accessToken)).body.data?.['me']?.['firstName']).toBe('Camille');

    const unknown = await post(byHash(sha256Hex('{ me { id } }')), camille.accessToken);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses an anonymous free text but runs the public pages’ hashes', async () => {
    const free = await post({ query: 'mutation { requestPasswordReset(contractNumber: "HAB0000001") }' });
    expect(free.body.errors?.[0]?.extensions?.code).toBe('DOCUMENT_NOT_TRUSTED');
    const known = await post(byHash(hashOf('VerifyAttestation'), { token: 'x' }));
    expect(known.body.data?.['verifyAttestation']?.['status']).toBe('TAMPERED');
  });

  it('lets staff send any operation (GraphiQL) after its own trusted sign-in', async () => {
    const staff = await adjuster(url);
    const res = await staff.request<{ claimQueue: unknown[] }>('{ claimQueue(status: DECLARED) { id } }');
    expect(res.errors).toBeUndefined();
    expect(Array.isArray(res.data?.claimQueue)).toBe(true);
  });

  it('holds the socket to the same rule: hashes run, a customer’s free text is refused', async () => {
    const camille = await customer(url, 'camille');
    const socket = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${camille.accessToken}` },
      retryAttempts: 0,
    });
    const run = (payload: {
      query: string;
      variables?: Record<string, unknown>;
      extensions?: Record<string, unknown>;
    }) =>
      new Promise<{ data?: Data; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>(
        (resolve) => {
          let result: { data?: Data } = {};
          socket.subscribe(payload, {
            next: (value) => {
              result = value as never;
            },
            error: (errors) => resolve({ errors: errors as never }),
            complete: () => resolve(result),
          });
        },
      );
    const known = await run({ query: '', ...byHash(hashOf('Dashboard')) });
    expect(known.data?.['me']?.['firstName']).toBe('Camille');
    const free = await run({ query: '{ me { id } }' });
    expect(free.errors?.[0]?.extensions?.code).toBe('DOCUMENT_NOT_TRUSTED');
    await socket.dispose();
  });
});
