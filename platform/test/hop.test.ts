import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/crypto.ts';
import {
  DOWNLOAD_AUDIENCE,
  generateHopSecret,
  HopRejected,
  operationHash,
  parseHopKeys,
  parseHopSecrets,
  signHop,
  verifyHop,
} from '../src/hop.ts';
import type { Identity } from '../src/identity.ts';
import { SUBGRAPH_NAMES } from '../src/subgraphs.ts';

const now = new Date('2026-11-26T09:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const who: Identity = { sub: 'customer-1', sid: 'session-1', roles: ['CUSTOMER'], exp: 1_795_000_000 };
const client = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0' };
const body = JSON.stringify({ query: '{ me { id } }' });

const secret = generateHopSecret('k1');
const gateway = parseHopSecrets(secret);
/** What each subgraph is configured with: its own keys, as `npm run keys` prints them. */
const keysOf = (audience: string) => parseHopKeys(gateway.keysSetting(audience));
const claimsKeys = keysOf('claims');

const rejection = (run: () => unknown) => expect(run).toThrow(HopRejected);

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The raw bytes of `kid` in a `kid:base64,...` setting. */
const keyBytes = (setting: string, kid: string) =>
  Buffer.from(
    setting
      .split(',')
      .find((entry) => entry.startsWith(`${kid}:`))!
      .split(':')[1]!,
    'base64',
  );
/** A token built by hand, as someone holding `key` could: any header, any claims. */
function forge(key: Buffer, header: object, claims: object, algorithm = 'sha256') {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac(algorithm, key).update(input).digest('base64url')}`;
}
const seconds = Math.floor(now.getTime() / 1000);
const hopClaims = (aud: string) => ({ use: 'http', who, iss: 'abri-gateway', aud, iat: seconds, exp: seconds + 60 });

describe('signHop / verifyHop', () => {
  it('accepts a good signature and returns the caller and client it carries', () => {
    const jws = signHop(gateway, 'claims', { use: 'http', bh: sha256(body), who, client }, now);
    expect(verifyHop(claimsKeys, 'claims', jws, { use: 'http', bodyHash: sha256(body) }, later(1))).toEqual({
      who,
      client,
    });
  });

  it('signs a compact HS256 JWS naming the current key', () => {
    const [header] = signHop(gateway, 'claims', { use: 'http', who }, now).split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', kid: 'k1' });
  });

  it('returns an anonymous caller and an unknown client when the signature carries neither', () => {
    const jws = signHop(gateway, 'users', { use: 'ws-connection' }, now);
    expect(verifyHop(keysOf('users'), 'users', jws, { use: 'ws-connection' }, now)).toEqual({
      who: null,
      client: { ip: null, userAgent: null },
    });
  });

  it('accepts a signature up to the end of its 60-second lifetime', () => {
    const jws = signHop(gateway, 'claims', { use: 'http', who }, now);
    expect(verifyHop(claimsKeys, 'claims', jws, { use: 'http' }, later(59))).toMatchObject({ who });
  });

  it('rejects a signature meant for another subgraph', () => {
    const jws = signHop(gateway, 'payments', { use: 'http', who }, now);
    rejection(() => verifyHop(claimsKeys, 'claims', jws, { use: 'http' }, now));
  });

  it('rejects a signature used out of place (connection signature replayed as an operation)', () => {
    const jws = signHop(gateway, 'claims', { use: 'ws-connection', who }, now);
    rejection(() => verifyHop(claimsKeys, 'claims', jws, { use: 'ws-operation' }, now));
    rejection(() => verifyHop(claimsKeys, 'claims', jws, { use: 'http' }, now));
  });

  it('rejects a signature whose body hash does not match the request', () => {
    const jws = signHop(gateway, 'claims', { use: 'http', bh: sha256(body), who }, now);
    const other = JSON.stringify({ query: '{ claims { id } }' });
    rejection(() => verifyHop(claimsKeys, 'claims', jws, { use: 'http', bodyHash: sha256(other) }, now));
  });

  it('rejects a signature without a body hash when the request has a body', () => {
    const jws = signHop(gateway, 'claims', { use: 'http', who }, now);
    rejection(() => verifyHop(claimsKeys, 'claims', jws, { use: 'http', bodyHash: sha256(body) }, now));
  });

  it('binds an operation signature to its query and variables', () => {
    const query = 'subscription { claimStatusChanged { id } }';
    const jws = signHop(gateway, 'claims', { use: 'ws-operation', bh: operationHash(query, { a: 1 }), who }, now);
    expect(
      verifyHop(claimsKeys, 'claims', jws, { use: 'ws-operation', bodyHash: operationHash(query, { a: 1 }) }, now),
    ).toMatchObject({ who });
    rejection(() =>
      verifyHop(claimsKeys, 'claims', jws, { use: 'ws-operation', bodyHash: operationHash(query, { a: 2 }) }, now),
    );
  });

  it('rejects an expired signature (61 s after signing)', () => {
    const jws = signHop(gateway, 'claims', { use: 'http', who }, now);
    rejection(() => verifyHop(claimsKeys, 'claims', jws, { use: 'http' }, later(61)));
  });

  it('rejects a signature made from other secrets under the same kid', () => {
    const impostor = parseHopSecrets(generateHopSecret('k1'));
    const jws = signHop(impostor, 'claims', { use: 'http', who }, now);
    rejection(() => verifyHop(claimsKeys, 'claims', jws, { use: 'http' }, now));
  });

  it('rejects a signature whose claims were altered', () => {
    const jws = signHop(gateway, 'claims', { use: 'http', who }, now);
    const [header, payload, signature] = jws.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.who.roles = ['ADMIN'];
    const forged = [header, b64(claims), signature].join('.');
    rejection(() => verifyHop(claimsKeys, 'claims', forged, { use: 'http' }, now));
  });

  it('rejects a signature with any byte of its MAC flipped, or cut short', () => {
    const jws = signHop(gateway, 'claims', { use: 'http', who }, now);
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const mac = Buffer.from(signature, 'base64url');
    for (let i = 0; i < mac.length; i++) {
      const flipped = Buffer.from(mac);
      flipped[i]! ^= 0x01;
      rejection(() =>
        verifyHop(claimsKeys, 'claims', `${header}.${payload}.${flipped.toString('base64url')}`, { use: 'http' }, now),
      );
    }
    const short = mac.subarray(0, 16).toString('base64url');
    rejection(() => verifyHop(claimsKeys, 'claims', `${header}.${payload}.${short}`, { use: 'http' }, now));
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['garbage', 'not.a.jws'],
  ])('rejects a %s signature', (_what, jws) => {
    rejection(() => verifyHop(claimsKeys, 'claims', jws, { use: 'http' }, now));
  });

  it('rejects a header naming another algorithm, none, an unknown kid or critical extensions, even with a valid MAC', () => {
    const key = keyBytes(gateway.keysSetting('claims'), 'k1');
    const claims = hopClaims('claims');
    // The token as the gateway makes it passes: what follows fails for its header alone.
    expect(
      verifyHop(claimsKeys, 'claims', forge(key, { alg: 'HS256', kid: 'k1' }, claims), { use: 'http' }, now),
    ).toMatchObject({ who });
    const unsigned = `${b64({ alg: 'none' })}.${b64(claims)}.`;
    for (const forged of [
      unsigned,
      forge(key, { alg: 'none', kid: 'k1' }, claims),
      forge(key, { alg: 'EdDSA', kid: 'k1' }, claims),
      forge(key, { alg: 'HS512', kid: 'k1' }, claims, 'sha512'),
      forge(key, { alg: 'HS512', kid: 'k1' }, claims),
      forge(key, { alg: 'HS256' }, claims),
      forge(key, { alg: 'HS256', kid: 'k2' }, claims),
      forge(key, { alg: 'HS256', kid: 'k1', crit: ['b64'], b64: false }, claims),
      forge(key, { kid: 'k1', alg: 'HS256' }, claims),
    ])
      rejection(() => verifyHop(claimsKeys, 'claims', forged, { use: 'http' }, now));
  });
});

describe('keys per subgraph', () => {
  it("refuses at subgraph B a request signed with subgraph A's key, whatever audience it names", () => {
    const usersSetting = gateway.keysSetting('users');
    const stolen = keyBytes(usersSetting, 'k1');
    const forged = forge(stolen, { alg: 'HS256', kid: 'k1' }, hopClaims('payments'));
    rejection(() => verifyHop(keysOf('payments'), 'payments', forged, { use: 'http' }, now));
    // The same key does sign for A itself: the leak's reach is A.
    const own = forge(stolen, { alg: 'HS256', kid: 'k1' }, hopClaims('users'));
    expect(verifyHop(parseHopKeys(usersSetting), 'users', own, { use: 'http' }, now)).toMatchObject({ who });
  });

  it('gives every subgraph and the download links a distinct key, derived by HKDF-SHA256 from the secret', () => {
    const [, secretBytes] = secret.split(':') as [string, string];
    const audiences = [...SUBGRAPH_NAMES, DOWNLOAD_AUDIENCE];
    const keys = audiences.map((audience) => keyBytes(gateway.keysSetting(audience), 'k1'));
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(audiences.length);
    for (const [i, audience] of audiences.entries()) {
      const expected = hkdfSync('sha256', Buffer.from(secretBytes, 'base64'), 'abri-hop-v1', audience, 32);
      expect(keys[i]!.equals(Buffer.from(expected))).toBe(true);
      expect(keys[i]!.equals(Buffer.from(secretBytes, 'base64'))).toBe(false);
    }
  });

  it('refuses at every subgraph a download link, and a request signed with the download key', () => {
    const download = keyBytes(gateway.keysSetting(DOWNLOAD_AUDIENCE), 'k1');
    const link = signHop(gateway, DOWNLOAD_AUDIENCE, { use: 'download', bh: sha256('/documents/1'), who }, now);
    expect(
      verifyHop(gateway.keysFor(DOWNLOAD_AUDIENCE), DOWNLOAD_AUDIENCE, link, { use: 'download' }, now),
    ).toMatchObject({ who });
    for (const name of SUBGRAPH_NAMES) {
      rejection(() => verifyHop(keysOf(name), name, link, { use: 'download' }, now));
      const forged = forge(download, { alg: 'HS256', kid: 'k1' }, hopClaims(name));
      rejection(() => verifyHop(keysOf(name), name, forged, { use: 'http' }, now));
    }
  });
});

describe('rotation', () => {
  const next = generateHopSecret('k2');

  it('verifies the previous key while the subgraph holds both, and signs with the first', () => {
    const rotated = parseHopSecrets(`${next},${secret}`);
    // Step 1: the subgraph is given both keys; the gateway still signs with the old one.
    const both = parseHopKeys(rotated.keysSetting('claims'));
    const old = signHop(gateway, 'claims', { use: 'http', who }, now);
    expect(verifyHop(both, 'claims', old, { use: 'http' }, now)).toMatchObject({ who });
    // Step 2: the gateway puts the new secret first and signs with it.
    const fresh = signHop(rotated, 'claims', { use: 'http', who }, now);
    expect(JSON.parse(Buffer.from(fresh.split('.')[0]!, 'base64url').toString())).toMatchObject({ kid: 'k2' });
    expect(verifyHop(both, 'claims', fresh, { use: 'http' }, now)).toMatchObject({ who });
    // A subgraph not yet given the new key refuses it; once the old key is dropped, the old one is refused.
    rejection(() => verifyHop(claimsKeys, 'claims', fresh, { use: 'http' }, now));
    const newOnly = parseHopKeys(parseHopSecrets(next).keysSetting('claims'));
    rejection(() => verifyHop(newOnly, 'claims', old, { use: 'http' }, now));
  });

  it('derives the same key for a kid whatever its place in the secrets', () => {
    const rotated = parseHopSecrets(`${next},${secret}`);
    expect(keyBytes(rotated.keysSetting('claims'), 'k1')).toEqual(keyBytes(gateway.keysSetting('claims'), 'k1'));
  });
});

describe('settings', () => {
  it('refuses secrets shorter than 32 bytes, keys of another length, malformed entries and a kid given twice', () => {
    const bytes = (n: number) => randomBytes(n).toString('base64');
    expect(() => parseHopSecrets(`k1:${bytes(31)}`)).toThrow(/at least 32 bytes/);
    expect(() => parseHopSecrets(`k1:${bytes(48)}`)).not.toThrow();
    expect(() => parseHopKeys(`k1:${bytes(48)}`)).toThrow(/32 bytes/);
    expect(() => parseHopKeys(`:${bytes(32)}`)).toThrow();
    expect(() => parseHopKeys(`k1:${bytes(32)}:x`)).toThrow();
    expect(() => parseHopSecrets(`k1:${bytes(32)},k1:${bytes(32)}`)).toThrow(/twice/);
  });
});
