import type { CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/crypto.ts';
import { HopRejected, operationHash, signHop, verifyHop } from '../src/hop.ts';
import type { Identity } from '../src/identity.ts';
import { generateSigningJwk, importPublicKey, importSigningKey, type SigningKey } from '../src/keys.ts';

const now = new Date('2026-11-26T09:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const who: Identity = { sub: 'customer-1', sid: 'session-1', roles: ['CUSTOMER'], exp: 1_795_000_000 };
const client = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0' };
const body = JSON.stringify({ query: '{ me { id } }' });

let gateway: SigningKey;
let gatewayPublic: CryptoKey;
let impostor: SigningKey;

beforeAll(async () => {
  gateway = await importSigningKey(await generateSigningJwk());
  gatewayPublic = await importPublicKey(gateway.publicJwk);
  impostor = await importSigningKey(await generateSigningJwk());
});

const rejection = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(HopRejected);

describe('signHop / verifyHop', () => {
  it('accepts a good signature and returns the caller and client it carries', async () => {
    const jws = await signHop(gateway, 'claims', { use: 'http', bh: sha256(body), who, client }, now);
    await expect(
      verifyHop(gatewayPublic, 'claims', jws, { use: 'http', bodyHash: sha256(body) }, later(1)),
    ).resolves.toEqual({ who, client });
  });

  it('returns an anonymous caller and an unknown client when the signature carries neither', async () => {
    const jws = await signHop(gateway, 'users', { use: 'ws-connection' }, now);
    await expect(verifyHop(gatewayPublic, 'users', jws, { use: 'ws-connection' }, now)).resolves.toEqual({
      who: null,
      client: { ip: null, userAgent: null },
    });
  });

  it('accepts a signature up to the end of its 60-second lifetime', async () => {
    const jws = await signHop(gateway, 'claims', { use: 'http', who }, now);
    await expect(verifyHop(gatewayPublic, 'claims', jws, { use: 'http' }, later(59))).resolves.toMatchObject({ who });
  });

  it('rejects a signature meant for another subgraph', async () => {
    const jws = await signHop(gateway, 'payments', { use: 'http', who }, now);
    await rejection(verifyHop(gatewayPublic, 'claims', jws, { use: 'http' }, now));
  });

  it('rejects a signature used out of place (connection signature replayed as an operation)', async () => {
    const jws = await signHop(gateway, 'claims', { use: 'ws-connection', who }, now);
    await rejection(verifyHop(gatewayPublic, 'claims', jws, { use: 'ws-operation' }, now));
    await rejection(verifyHop(gatewayPublic, 'claims', jws, { use: 'http' }, now));
  });

  it('rejects a signature whose body hash does not match the request', async () => {
    const jws = await signHop(gateway, 'claims', { use: 'http', bh: sha256(body), who }, now);
    const other = JSON.stringify({ query: '{ claims { id } }' });
    await rejection(verifyHop(gatewayPublic, 'claims', jws, { use: 'http', bodyHash: sha256(other) }, now));
  });

  it('rejects a signature without a body hash when the request has a body', async () => {
    const jws = await signHop(gateway, 'claims', { use: 'http', who }, now);
    await rejection(verifyHop(gatewayPublic, 'claims', jws, { use: 'http', bodyHash: sha256(body) }, now));
  });

  it('binds an operation signature to its query and variables', async () => {
    const query = 'subscription { claimStatusChanged { id } }';
    const jws = await signHop(gateway, 'claims', { use: 'ws-operation', bh: operationHash(query, { a: 1 }), who }, now);
    await expect(
      verifyHop(gatewayPublic, 'claims', jws, { use: 'ws-operation', bodyHash: operationHash(query, { a: 1 }) }, now),
    ).resolves.toMatchObject({ who });
    await rejection(
      verifyHop(gatewayPublic, 'claims', jws, { use: 'ws-operation', bodyHash: operationHash(query, { a: 2 }) }, now),
    );
  });

  it('rejects an expired signature (61 s after signing)', async () => {
    const jws = await signHop(gateway, 'claims', { use: 'http', who }, now);
    await rejection(verifyHop(gatewayPublic, 'claims', jws, { use: 'http' }, later(61)));
  });

  it('rejects a signature made by another key', async () => {
    const jws = await signHop(impostor, 'claims', { use: 'http', who }, now);
    await rejection(verifyHop(gatewayPublic, 'claims', jws, { use: 'http' }, now));
  });

  it('rejects a signature whose claims were altered', async () => {
    const jws = await signHop(gateway, 'claims', { use: 'http', who }, now);
    const [header, payload, signature] = jws.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.who.roles = ['ADMIN'];
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    await rejection(verifyHop(gatewayPublic, 'claims', forged, { use: 'http' }, now));
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['garbage', 'not.a.jws'],
  ])('rejects a %s signature', async (_what, jws) => {
    await rejection(verifyHop(gatewayPublic, 'claims', jws, { use: 'http' }, now));
  });

  it('rejects a signature whose header names another algorithm, or none, or critical extensions', async () => {
    const jws = await signHop(gateway, 'claims', { use: 'http', who }, now);
    const [, payload, signature] = jws.split('.');
    const header = (h: object) => Buffer.from(JSON.stringify(h)).toString('base64url');
    for (const forged of [
      `${header({ alg: 'none' })}.${payload}.`,
      `${header({ alg: 'HS256', kid: gateway.kid })}.${payload}.${signature}`,
      `${header({ alg: 'EdDSA', kid: gateway.kid, crit: ['b64'], b64: false })}.${payload}.${signature}`,
    ])
      await rejection(verifyHop(gatewayPublic, 'claims', forged, { use: 'http' }, now));
  });
});
