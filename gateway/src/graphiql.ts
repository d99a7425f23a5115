// GraphiQL served from the gateway's own files: nothing is loaded from outside (no CDN), and a strict CSP says so.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RouteHandler } from '@abri/platform';

const require = createRequire(import.meta.url);
/** A file of an installed package, by its path inside the package (UMD builds are not in their export maps). */
const asset = (pkg: string, file: string) => readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file));

const PAGE = `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Abri · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Chargement…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script src="/graphiql/init.js"></script>
</body>
</html>`;

// Staff paste their access token in the Headers tab: {"Authorization": "Bearer ..."}. Until they do, the placeholder
// "Bearer " carries no token: sent as is, the gateway refuses it (401) and GraphiQL never gets the schema, so it is dropped.
const INIT = `const send = GraphiQL.createFetcher({ url: location.origin + '/graphql' });
const fetcher = (params, opts) => {
  const headers = Object.assign({}, opts && opts.headers);
  for (const name of Object.keys(headers)) if (/^authorization$/i.test(name) && /^\\s*bearer\\s*$/i.test(String(headers[name]))) delete headers[name];
  return send(params, Object.assign({}, opts, { headers }));
};
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, defaultHeaders: '{\\n  "Authorization": "Bearer "\\n}' }),
);`;

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:";

export function graphiqlRoutes(): Record<string, RouteHandler> {
  const files: Record<string, { type: string; body: Buffer | string }> = {
    '/graphiql': { type: 'text/html; charset=utf-8', body: PAGE },
    '/graphiql/init.js': { type: 'text/javascript', body: INIT },
    '/graphiql/react.js': { type: 'text/javascript', body: asset('react', 'umd/react.production.min.js') },
    '/graphiql/react-dom.js': { type: 'text/javascript', body: asset('react-dom', 'umd/react-dom.production.min.js') },
    '/graphiql/graphiql.js': { type: 'text/javascript', body: asset('graphiql', 'graphiql.min.js') },
    '/graphiql/graphiql.css': { type: 'text/css', body: asset('graphiql', 'graphiql.min.css') },
  };
  return Object.fromEntries(
    Object.entries(files).map(([path, file]) => [
      path,
      (_req, res) => {
        res.writeHead(200, {
          'content-type': file.type,
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        });
        res.end(file.body);
      },
    ]),
  );
}
