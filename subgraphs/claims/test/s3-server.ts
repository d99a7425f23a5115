// A minimal S3-compatible server for tests: PUT, GET, HEAD and DELETE of objects (path style), each request's AWS
// Signature V4 verified against one access key; anything else is refused. It keeps the bytes exactly as sent, so a
// test can look at what the storage provider would hold.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredObject {
  bytes: Buffer;
  headers: Record<string, string>;
}

const sha256hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding, as SigV4 wants it. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function signatureValid(req: IncomingMessage, body: Buffer, secret: string, accessKeyId: string): boolean {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization ?? ''),
    );
  if (!match) return false;
  const [, keyId, day, region, signedHeaders, signature] = match as unknown as string[];
  if (keyId !== accessKeyId) return false;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256hex(body)) return false;
  const url = new URL(req.url ?? '/', 'http://s3.test');
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = signedHeaders!.split(';');
  const canonicalHeaders = names
    .map(
      (name) =>
        `${name}:${String(req.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonical = [req.method, url.pathname, query, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day!), region!), 's3'), 'aws4_request');
  const expected = hmac(key, toSign);
  return timingSafeEqual(expected, Buffer.from(signature!, 'hex'));
}

const xmlError = (res: ServerResponse, status: number, code: string) => {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
};

export async function startS3Server(credentials: { accessKeyId: string; secretAccessKey: string }) {
  const objects = new Map<string, StoredObject>();
  const seen = { requests: 0, refused: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.requests++;
      const body = Buffer.concat(chunks);
      if (!signatureValid(req, body, credentials.secretAccessKey, credentials.accessKeyId)) {
        seen.refused++;
        return xmlError(res, 403, 'SignatureDoesNotMatch');
      }
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3.test').pathname);
      const object = objects.get(path);
      switch (req.method) {
        case 'PUT': {
          const headers = Object.fromEntries(
            Object.entries(req.headers)
              .filter(([k]) => k.startsWith('x-amz-') || k === 'content-type')
              .map(([k, v]) => [k, String(v)]),
          );
          objects.set(path, { bytes: body, headers });
          res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
          return res.end();
        }
        case 'GET':
        case 'HEAD':
          if (!object) return req.method === 'HEAD' ? res.writeHead(404).end() : xmlError(res, 404, 'NoSuchKey');
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': object.bytes.length });
          return res.end(req.method === 'GET' ? object.bytes : undefined);
        case 'DELETE':
          objects.delete(path);
          res.writeHead(204);
          return res.end();
        default:
          return xmlError(res, 405, 'MethodNotAllowed');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A client's keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
