// File downloads (contract documents, payment certificates), relayed to the owning subgraph with the gateway's
// signature; the subgraph checks the file is the caller's. Files never pass through GraphQL.
//
// Two ways to prove who asks: the access token in the Authorization header (mobile apps, scripts), or a signed link
// for browsers, whose plain <a href> cannot carry a header: POST /download-links with the token answers the file's
// path with `?link=<jws>`, signed with the gateway's key of the audience `download` (derived from its hop secrets,
// given to no subgraph), bound to that path and to the caller's identity, and valid for a minute (the hop lifetime). A link copied elsewhere serves nothing else, nobody
// else's file, and nothing once its minute or its session is over.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import {
  type ClientInfo,
  DOWNLOAD_AUDIENCE,
  HOP_HEADER,
  type HopSecrets,
  HttpError,
  type Identity,
  type RouteHandler,
  sendJson,
  sha256,
  signHop,
  verifyHop,
} from '@abri/platform';
import { readJson } from './web/auth.ts';

/** Who a signed link was made for, if it is one for this path, still valid, from a session not revoked. */
function linkHolder(
  hopSecrets: HopSecrets,
  link: string,
  path: string,
  now: Date,
  isRevoked: (sid: string) => boolean,
): Identity {
  const refused = new HttpError(
    401,
    'Ce lien de téléchargement n’est plus valable : demandez-en un nouveau.',
    'UNAUTHENTICATED',
  );
  let who: Identity | null;
  try {
    ({ who } = verifyHop(
      hopSecrets.keysFor(DOWNLOAD_AUDIENCE),
      DOWNLOAD_AUDIENCE,
      link,
      { use: 'download', bodyHash: sha256(path) },
      now,
    ));
  } catch {
    throw refused;
  }
  if (!who || isRevoked(who.sid)) throw refused;
  return who;
}

export function fileRoute(options: {
  subgraph: string;
  subgraphUrl: string;
  path: RegExp;
  hopSecrets: HopSecrets;
  now: () => Date;
  identify: (authorization: unknown) => Promise<Identity | null>;
  isRevoked: (sid: string) => boolean;
  clientOf: (req: IncomingMessage) => ClientInfo;
}) {
  const base = options.subgraphUrl.replace(/\/graphql$/, '');
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const link = url.searchParams.get('link');
    const who =
      req.headers.authorization || !link
        ? await options.identify(req.headers.authorization)
        : linkHolder(options.hopSecrets, link, path, options.now(), options.isRevoked);
    if (!who) throw new HttpError(401, 'Connectez-vous pour continuer.', 'UNAUTHENTICATED');
    if (!options.path.test(path)) throw new HttpError(404, 'Document introuvable.', 'NOT_FOUND');
    const hop = signHop(
      options.hopSecrets,
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
      // The link is a credential for a minute: whatever the file opens, it is not told where it came from.
      'referrer-policy': 'no-referrer',
    };
    for (const name of ['content-type', 'content-length', 'content-disposition', 'content-security-policy']) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    res.writeHead(upstream.status, headers);
    if (upstream.body) Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(res);
    else res.end();
  };
}

/** A public file of a subgraph (the general conditions), relayed as it is: no identity, nothing private in it. */
export function publicFileRoute(subgraphUrl: string, path: string): RouteHandler {
  const url = `${subgraphUrl.replace(/\/graphql$/, '')}${path}`;
  return async (_req, res) => {
    const upstream = await fetch(url);
    const headers: Record<string, string> = { 'x-content-type-options': 'nosniff' };
    for (const name of ['content-type', 'content-length', 'content-disposition', 'cache-control']) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    res.writeHead(upstream.status, headers);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  };
}

/**
 * POST /download-links `{ path }` with the access token: `{ url, expiresAt }`, a link to that file for the caller.
 * Only paths of the file routes are signed; whether the file is the caller's is still the subgraph's decision when
 * the link is used (a link to someone else's file answers 404, as the header would).
 */
export function downloadLinkRoute(options: {
  paths: RegExp[];
  hopSecrets: HopSecrets;
  now: () => Date;
  identify: (authorization: unknown) => Promise<Identity | null>;
}): RouteHandler {
  return async (req, res) => {
    const who = await options.identify(req.headers.authorization);
    if (!who) throw new HttpError(401, 'Connectez-vous pour continuer.', 'UNAUTHENTICATED');
    const body = await readJson(req);
    const path = typeof body['path'] === 'string' ? body['path'] : '';
    if (!options.paths.some((p) => p.test(path))) throw new HttpError(404, 'Document introuvable.', 'NOT_FOUND');
    const now = options.now();
    const link = signHop(options.hopSecrets, DOWNLOAD_AUDIENCE, { use: 'download', bh: sha256(path), who }, now);
    const { exp } = JSON.parse(Buffer.from(link.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number };
    sendJson(
      res,
      200,
      { url: `${path}?link=${link}`, expiresAt: new Date(exp * 1000).toISOString() },
      { 'cache-control': 'no-store' },
    );
  };
}
