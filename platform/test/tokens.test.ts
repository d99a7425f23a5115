import { type JSONWebKeySet, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningJwk, importSigningKey, type SigningKey } from '../src/keys.ts';
import { type KeySource, localKeySource, signAccessToken, verifyAccessToken } from '../src/tokens.ts';

const now = new Date('2026-11-26T09:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const who = { sub: 'customer-1', sid: 'session-1', roles: ['CUSTOMER' as const] };

let issuer: SigningKey;
let impostor: SigningKey;
let keys: KeySource;

beforeAll(async () => {
  issuer = await importSigningKey(await generateSigningJwk());
  impostor = await importSigningKey(await generateSigningJwk());
  keys = localKeySource({ keys: [issuer.publicJwk] } as JSONWebKeySet);
});

describe('signAccessToken / verifyAccessToken', () => {
  it('gives back the identity of a valid token, with its expiry', async () => {
    const { token, expiresAt } = await signAccessToken(issuer, who, now, 300);
    expect(expiresAt).toEqual(later(300));
    expect(await verifyAccessToken(keys, token, later(10))).toEqual({ ...who, exp: expiresAt.getTime() / 1000 });
  });

  it('issues a token of its own at each call, even twice in the same second for the same session', async () => {
    // Ed25519 signatures are deterministic: without an identifier of its own (RFC 9068's `jti`), a renewal in the
    // same second as the one before gave back the very same token.
    const first = await signAccessToken(issuer, who, now, 300);
    const second = await signAccessToken(issuer, who, now, 300);
    expect(second.token).not.toBe(first.token);
    expect(await verifyAccessToken(keys, second.token, now)).toEqual(await verifyAccessToken(keys, first.token, now));
  });

  it('refuses a token after it expires', async () => {
    const { token } = await signAccessToken(issuer, who, now, 300);
    expect(await verifyAccessToken(keys, token, later(299))).not.toBeNull();
    expect(await verifyAccessToken(keys, token, later(300))).toBeNull();
    expect(await verifyAccessToken(keys, token, later(3600))).toBeNull();
  });

  it('refuses a token signed by a key the JWKS does not publish', async () => {
    const { token } = await signAccessToken(impostor, who, now, 300);
    expect(await verifyAccessToken(keys, token, now)).toBeNull();
  });

  it('refuses a token signed by another key that claims the published kid', async () => {
    const forger = { ...impostor, kid: issuer.kid };
    const { token } = await signAccessToken(forger, who, now, 300);
    expect(await verifyAccessToken(keys, token, now)).toBeNull();
  });

  it('refuses a token whose payload was altered', async () => {
    const { token } = await signAccessToken(issuer, who, now, 300);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.roles = ['ADMIN'];
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect(await verifyAccessToken(keys, tampered, now)).toBeNull();
  });

  it('refuses a token whose signature was altered', async () => {
    const { token } = await signAccessToken(issuer, who, now, 300);
    const signature = Buffer.from(token.split('.')[2]!, 'base64url');
    signature[0]! ^= 1;
    const tampered = [...token.split('.').slice(0, 2), signature.toString('base64url')].join('.');
    expect(await verifyAccessToken(keys, tampered, now)).toBeNull();
  });

  it.each(['', 'garbage', 'a.b.c'])('refuses the non-token %j', async (token) => {
    expect(await verifyAccessToken(keys, token, now)).toBeNull();
  });

  it('refuses a JWT from the right key that is not an access token', async () => {
    // Same key, issuer and audience, but another `typ` (e.g. a hop or ID token): not usable as an access token.
    const iat = Math.floor(now.getTime() / 1000);
    const jwt = await new SignJWT({ sid: who.sid, roles: who.roles })
      .setProtectedHeader({ alg: 'EdDSA', kid: issuer.kid, typ: 'JWT' })
      .setSubject(who.sub)
      .setIssuer('abri-users')
      .setAudience('abri')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 300)
      .sign(issuer.privateKey);
    expect(await verifyAccessToken(keys, jwt, now)).toBeNull();
  });

  it('refuses a signed access token that lacks its session id', async () => {
    const iat = Math.floor(now.getTime() / 1000);
    const jwt = await new SignJWT({ roles: who.roles })
      .setProtectedHeader({ alg: 'EdDSA', kid: issuer.kid, typ: 'at+jwt' })
      .setSubject(who.sub)
      .setIssuer('abri-users')
      .setAudience('abri')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 300)
      .sign(issuer.privateKey);
    expect(await verifyAccessToken(keys, jwt, now)).toBeNull();
  });
});
