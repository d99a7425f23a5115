// The web customer space's build (clients/web/dist) served from the gateway: same origin as /graphql, so the browser
// needs no CORS. Hashed assets are cached for a year; index.html is answered for every other path (the app's
// routes, e.g. /verifier?t= from an attestation's QR code) and never cached, so a new build is picked up at once.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { RouteHandler } from '@abri/platform';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Scripts, styles, the service worker and the manifest from this origin only; blob: and data: images for photo previews and QR codes. The WebSocket
 * origin is named as well: Safari before 15.4 does not count ws: as 'self'.
 */
export function webCsp(host: string | undefined): string {
  const sockets = host && /^[\w.:[\]-]+$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The installable app: its service worker (/sw.js) and manifest, from this origin only.
    "worker-src 'self'",
    "manifest-src 'self'",
    `connect-src 'self'${sockets}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

const securityHeaders = (host: string | undefined) => ({
  'content-security-policy': webCsp(host),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The handler for GET requests no API route took, or null when `dir` holds no build. Files are read once, at start:
 * a build is immutable, and a new one comes with a restart.
 */
export function webApp(dir: string): RouteHandler | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const path of filesUnder(dir)) {
    const url = `/${relative(dir, path).split(sep).join('/')}`;
    files.set(url, { type: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(path) });
  }
  const index = files.get('/index.html')!;
  return (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const file = pathname === '/index.html' ? undefined : files.get(pathname);
    const headers = securityHeaders(req.headers.host);
    if (file) {
      res.writeHead(200, {
        ...headers,
        'content-type': file.type,
        'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(file.body);
      return;
    }
    // A missing asset is a 404, not the page: a stale tab asking for an old chunk must not parse HTML as script.
    if (pathname.startsWith('/assets/') || extname(pathname) !== '') {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': index.type, 'cache-control': 'no-cache' });
    res.end(index.body);
  };
}
