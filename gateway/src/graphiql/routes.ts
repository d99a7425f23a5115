// Serves the staff GraphiQL bundled by build.ts from the gateway's own files: nothing is loaded from outside (no CDN),
// and a strict CSP says so. Without a bundle (npm run generate not run), the page says how to make one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RouteHandler } from '@abri/platform';
import { GRAPHIQL_DIST } from './paths.ts';

const PAGE = `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Abri · GraphiQL du personnel</title>
  <link rel="stylesheet" href="/graphiql/app.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Chargement…</div>
  <script type="module" src="/graphiql/app.js"></script>
</body>
</html>`;

const MISSING = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Abri · GraphiQL</title>
<p>GraphiQL n’est pas construit : lancez <code>npm run generate</code>.</p></html>`;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'";

const send =
  (type: string, body: Buffer | string, status = 200): RouteHandler =>
  (_req, res) => {
    res.writeHead(status, {
      'content-type': type,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(body);
  };

/** `/graphiql` and its files, read once when the gateway starts. */
export function graphiqlRoutes(dist = GRAPHIQL_DIST): Record<string, RouteHandler> {
  const built = existsSync(join(dist, 'app.js'));
  const routes: Record<string, RouteHandler> = {
    '/graphiql': built ? send('text/html; charset=utf-8', PAGE) : send('text/html; charset=utf-8', MISSING, 503),
  };
  if (!built) return routes;
  for (const file of readdirSync(dist)) {
    const type = TYPES[extname(file)];
    if (type) routes[`/graphiql/${file}`] = send(type, readFileSync(join(dist, file)));
  }
  return routes;
}
