// Access tokens: short-lived JWTs issued by the users subgraph, verified by the gateway against the published JWKS.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from 'jose';
import { randomToken } from './crypto.ts';
import type { Identity, Role } from './identity.ts';
import { SIGNING_ALG, type SigningKey } from './keys.ts';

const ISSUER = 'abri-users';
const AUDIENCE = 'abri';

/**
 * Each token carries an identifier of its own (`jti`, which RFC 9068 asks of `at+jwt` tokens): Ed25519 signs
 * deterministically, so without it two renewals of a session in the same second gave the same token.
 */
export async function signAccessToken(key: SigningKey, who: Omit<Identity, 'exp'>, now: Date, ttlSeconds: number) {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({
    sid: who.sid,
    roles: who.roles,
    ...(who.authTime !== undefined ? { auth_time: who.authTime } : {}),
    ...(who.assist ? { assist: who.assist } : {}),
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'at+jwt' })
    .setSubject(who.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setJti(randomToken(16))
    .setExpirationTime(exp)
    .sign(key.privateKey);
  return { token, expiresAt: new Date(exp * 1000) };
}

export type KeySource = JWTVerifyGetKey;
export const localKeySource = (jwks: JSONWebKeySet): KeySource => createLocalJWKSet(jwks);
export const remoteKeySource = (url: string): KeySource =>
  createRemoteJWKSet(new URL(url), { cacheMaxAge: 10 * 60_000 });

/** The identity an access token carries, or null when it is invalid or expired. */
export async function verifyAccessToken(keys: KeySource, token: string, now = new Date()): Promise<Identity | null> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: [SIGNING_ALG],
      typ: 'at+jwt',
      currentDate: now,
    });
    const { sub, sid, roles, exp, auth_time, assist } = payload as {
      sub?: unknown;
      sid?: unknown;
      roles?: unknown;
      exp?: unknown;
      auth_time?: unknown;
      assist?: unknown;
    };
    if (typeof sub !== 'string' || typeof sid !== 'string' || !Array.isArray(roles) || typeof exp !== 'number')
      return null;
    return {
      sub,
      sid,
      roles: roles as Role[],
      exp,
      ...(typeof auth_time === 'number' ? { authTime: auth_time } : {}),
      ...(typeof assist === 'string' ? { assist } : {}),
    };
  } catch {
    return null;
  }
}
