// File downloads (contract documents, payment certificates): GET with the customer's access token, relayed to the
// owning subgraph with the gateway's signature; the subgraph checks the file is the caller's. Files never pass
// through GraphQL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import {
  type ClientInfo,
  HOP_HEADER,
  HttpError,
  type Identity,
  type SigningKey,
  sha256,
  signHop,
} from '@abri/platform';

export function fileRoute(options: {
  subgraph: string;
  subgraphUrl: string;
  path: RegExp;
  hopKey: SigningKey;
  now: () => Date;
  identify: (authorization: unknown) => Promise<Identity | null>;
  clientOf: (req: IncomingMessage) => ClientInfo;
}) {
  const base = options.subgraphUrl.replace(/\/graphql$/, '');
  return async (req: IncomingMessage, res: ServerResponse) => {
    const who = await options.identify(req.headers.authorization);
    if (!who) throw new HttpError(401, 'Sign-in required.', 'UNAUTHENTICATED');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!options.path.test(path)) throw new HttpError(404, 'Not found.', 'NOT_FOUND');
    const hop = await signHop(
      options.hopKey,
      options.subgraph,
      {
        use: 'http',
        bh: sha256(path),
        who,
        client: options.clientOf(req),
      },
      options.now(),
    );
    const upstream = await fetch(`${base}${path}`, { headers: { [HOP_HEADER]: hop } });
    const headers: Record<string, string> = {
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    };
    for (const name of ['content-type', 'content-length', 'content-disposition']) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    res.writeHead(upstream.status, headers);
    if (upstream.body) Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(res);
    else res.end();
  };
}
