// A local push service and the browser behind it, for tests: it holds subscriptions (a P-256 key pair and an auth
// secret, as a browser makes them), accepts a push only with a valid VAPID token for its origin signed by the
// expected key (RFC 8292), and decrypts the aes128gcm body with the subscription's private key (RFC 8291), as the
// browser would. An endpoint can be made to answer 410 Gone, as one whose subscription expired.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPush {
  subscription: string;
  headers: Record<string, string | undefined>;
  message: Record<string, unknown>;
}

export function decryptWebPush(body: Buffer, uaPrivateKey: Buffer, auth: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (record.length > recordSize) throw new Error('more than one record');
  const ua = createECDH('prime256v1');
  ua.setPrivateKey(uaPrivateKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ua.computeSecret(asPublic), auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('not the last record');
  return padded.subarray(0, end);
}

/** Checks `Authorization: vapid t=…, k=…` for `origin`, signed by `publicKey` (base64url, uncompressed). */
export function verifyVapid(header: string | undefined, origin: string, publicKey: string, now: Date): boolean {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!match || match[4] !== publicKey) return false;
  const [, head, body, signature] = match;
  const raw = Buffer.from(publicKey, 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64(raw.subarray(1, 33)), y: b64(raw.subarray(33, 65)) },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature!, 'base64url'),
  );
  const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { aud: string; exp: number; sub: string };
  const seconds = now.getTime() / 1000;
  return (
    valid &&
    claims.aud === origin &&
    claims.exp > seconds &&
    claims.exp <= seconds + 24 * 3600 &&
    /^mailto:|^https:/.test(claims.sub)
  );
}
const b64 = (b: Buffer) => b.toString('base64url');

export async function startPushReceiver(options: { vapidPublicKey: () => string }) {
  const subscriptions = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer; gone: boolean }>();
  const received: ReceivedPush[] = [];
  const refused: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const id = (req.url ?? '').replace(/^\/push\//, '');
    const subscription = subscriptions.get(id);
    if (!subscription || subscription.gone) {
      res.writeHead(subscription ? 410 : 404).end();
      return;
    }
    if (!verifyVapid(req.headers.authorization, origin, options.vapidPublicKey(), new Date())) {
      refused.push(id);
      res.writeHead(403).end();
      return;
    }
    const plain = decryptWebPush(Buffer.concat(chunks), subscription.ecdh.getPrivateKey(), subscription.auth);
    received.push({
      subscription: id,
      headers: {
        ttl: req.headers.ttl as string,
        urgency: req.headers.urgency as string,
        encoding: req.headers['content-encoding'],
      },
      message: JSON.parse(plain.toString('utf8')) as Record<string, unknown>,
    });
    res.writeHead(201).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received,
    refused,
    /** A new browser subscription: what `PushSubscription.toJSON()` gives the app. */
    subscribe() {
      const id = randomUUID();
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subscriptions.set(id, { ecdh, auth, gone: false });
      return { id, endpoint: `${origin}/push/${id}`, p256dh: b64(ecdh.getPublicKey()), auth: b64(auth) };
    },
    /** The subscription expired: its endpoint answers 410 from now on. */
    expire(id: string) {
      subscriptions.get(id)!.gone = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
