// Web Push with node:crypto alone (the `web-push` package is MPL-2.0): the message encrypted for the browser's
// subscription keys (RFC 8291, "aes128gcm" content coding of RFC 8188), and the application server identified by a
// VAPID token (RFC 8292) so that push services accept it and the browser knows the sender.
import {
  createCipheriv,
  createECDH,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A browser's push subscription: where to post, and its keys (base64url, as `PushSubscription.toJSON()` gives). */
export interface WebPushSubscription {
  endpoint: string;
  /** The user agent's P-256 public key, uncompressed (65 bytes). */
  p256dh: string;
  /** The 16-byte authentication secret. */
  auth: string;
}

/** @default 4096-byte records: one record carries any notification (at most 4 KiB of payload). */
const RECORD_SIZE = 4096;

/**
 * The aes128gcm body for `plaintext` (RFC 8291 §3.4): header (salt, record size, sender's public key) then one
 * record. `salt` and `senderPrivateKey` are drawn fresh unless given (the RFC's example fixes them).
 */
export function encryptWebPush(
  plaintext: Buffer,
  subscription: Pick<WebPushSubscription, 'p256dh' | 'auth'>,
  fixed: { salt?: Buffer; senderPrivateKey?: Buffer } = {},
): Buffer {
  const uaPublic = Buffer.from(subscription.p256dh, 'base64url');
  const authSecret = Buffer.from(subscription.auth, 'base64url');
  const sender = createECDH('prime256v1');
  if (fixed.senderPrivateKey) sender.setPrivateKey(fixed.senderPrivateKey);
  else sender.generateKeys();
  const asPublic = sender.getPublicKey();
  const ecdhSecret = sender.computeSecret(uaPublic);
  const salt = fixed.salt ?? randomBytes(16);
  // IKM binds the shared secret to the subscription's auth secret and both public keys.
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  if (plaintext.length + 1 + 16 > RECORD_SIZE) throw new Error('push payload too large for one record');
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  // 0x02: the last (and only) record's delimiter, no padding.
  const record = Buffer.concat([cipher.update(Buffer.concat([plaintext, Buffer.from([2])])), cipher.final()]);
  const header = Buffer.alloc(16 + 4 + 1);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header.writeUInt8(asPublic.length, 20);
  return Buffer.concat([header, asPublic, record, cipher.getAuthTag()]);
}

/** The application server's VAPID key pair (ES256 on P-256). */
export interface VapidKey {
  privateKey: KeyObject;
  /** Uncompressed public key, base64url: the `applicationServerKey` browsers subscribe with. */
  publicKey: string;
}

export function vapidKeyFromJwk(jwk: JsonWebKey): VapidKey {
  const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
  return { privateKey, publicKey: rawPublicKey(privateKey) };
}

export function generateVapidKey(): VapidKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, publicKey: rawPublicKey(privateKey) };
}

function rawPublicKey(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('a VAPID key is an EC P-256 key');
  return b64url(Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]));
}

/**
 * The `Authorization` header for a push to `endpoint` (RFC 8292 §3): a JWT for the push service's origin, valid
 * 12 hours (at most 24 are allowed), signed ES256, with the public key.
 */
export function vapidAuthorization(endpoint: string, key: VapidKey, subject: string, now: Date): string {
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256' }));
  const claims = b64url(
    JSON.stringify({ aud: new URL(endpoint).origin, exp: Math.floor(now.getTime() / 1000) + 12 * 3600, sub: subject }),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), {
    key: key.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `vapid t=${header}.${claims}.${b64url(signature)}, k=${key.publicKey}`;
}
