// Sign-in for browsers: the refresh token lives in an HttpOnly; Secure; SameSite=Strict cookie scoped to /auth, so
// no page script can read it; the page keeps only the short-lived access token, in memory. These routes run the
// users subgraph's own mutations through the gateway and move the refresh token from the answer into the cookie.
// Mobile apps keep calling `login` / `refreshSession` on /graphql and hold the body token themselves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, type Identity, type RouteHandler, sendJson } from '@abri/platform';

export const REFRESH_COOKIE = 'abri_refresh';

/** Runs one operation through the gateway's pipeline as the given caller. */
export type ExecuteAs = (
  req: IncomingMessage,
  who: Identity | null,
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly unknown[] }>;

export interface WebAuthOptions {
  execute: ExecuteAs;
  identify: (authorization: unknown) => Promise<Identity | null>;
  /**
   * Origins (scheme://host:port) allowed to call these routes besides the gateway's own.
   * @default [] (same origin only)
   */
  allowedOrigins?: string[];
  /** @default 30 days: the cookie's lifetime (the session's own expiry still applies) */
  cookieMaxAgeSeconds?: number;
}

const OUTCOME = `__typename
  ... on LoginSuccess { accessToken refreshToken expiresAt }
  ... on TwoFactorRequired { challengeToken method }
  ... on AccountLocked { lockedUntil message }
  ... on Error { message }`;

const LOGIN = `mutation WebLogin($input: LoginInput!) { result: login(input: $input) { ${OUTCOME} } }`;
const TWO_FACTOR = `mutation WebTwoFactor($input: VerifyTwoFactorInput!) { result: verifyTwoFactor(input: $input) { ${OUTCOME} } }`;
const REFRESH = `mutation WebRefresh($token: String!) { result: refreshSession(refreshToken: $token) { ${OUTCOME} } }`;
const LOGOUT = 'mutation WebLogout($everywhere: Boolean) { result: logout(everywhere: $everywhere) }';

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

const refreshCookie = (value: string, maxAge: number) =>
  `${REFRESH_COOKIE}=${encodeURIComponent(value)}; Path=/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAge}`;

/** The request's JSON object body (at most 16 KiB). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    raw += chunk.toString('utf8');
    if (raw.length > 16_384) throw new HttpError(413, 'Request body too large.', 'PAYLOAD_TOO_LARGE');
  }
  if (!raw) return {};
  try {
    const body = JSON.parse(raw) as unknown;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {}
  throw new HttpError(400, 'The request body is not a JSON object.', 'BAD_REQUEST');
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function webAuthRoutes(options: WebAuthOptions): Record<string, RouteHandler> {
  const maxAge = options.cookieMaxAgeSeconds ?? 30 * 86_400;
  const allowed = new Set(options.allowedOrigins ?? []);

  /** Cross-site request forgery: a browser always sends Origin on POST; it must be ours or an allowed one. */
  function checkOrigin(req: IncomingMessage) {
    const origin = req.headers.origin;
    const host = req.headers.host;
    const own = host ? [`http://${host}`, `https://${host}`] : [];
    if (!origin || !(own.includes(origin) || allowed.has(origin)))
      throw new HttpError(403, 'This origin may not use the sign-in routes.', 'FORBIDDEN');
    if (!String(req.headers['content-type'] ?? '').includes('application/json'))
      throw new HttpError(415, 'Send JSON.', 'BAD_REQUEST');
  }

  /** Answers the outcome without its refresh token, which goes into the cookie instead. */
  function answer(res: ServerResponse, req: IncomingMessage, outcome: Record<string, unknown> | undefined) {
    const headers: Record<string, string> = {};
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-allow-credentials'] = 'true';
      headers.vary = 'Origin';
    }
    if (!outcome) return sendJson(res, 502, { result: null }, headers);
    const { refreshToken, ...visible } = outcome;
    if (typeof refreshToken === 'string') headers['set-cookie'] = refreshCookie(refreshToken, maxAge);
    else if (req.url?.startsWith('/auth/refresh')) headers['set-cookie'] = refreshCookie('', 0);
    sendJson(res, 200, { result: visible }, headers);
  }

  const run = async (req: IncomingMessage, who: Identity | null, query: string, variables: Record<string, unknown>) => {
    const { data } = await options.execute(req, who, query, variables);
    return data?.['result'] as Record<string, unknown> | undefined;
  };

  return {
    '/auth/login': async (req, res) => {
      checkOrigin(req);
      const body = await readJson(req);
      const input = { contractNumber: text(body['contractNumber']), password: text(body['password']) };
      answer(res, req, await run(req, null, LOGIN, { input }));
    },
    '/auth/two-factor': async (req, res) => {
      checkOrigin(req);
      const body = await readJson(req);
      const input = { challengeToken: text(body['challengeToken']), code: text(body['code']) };
      answer(res, req, await run(req, null, TWO_FACTOR, { input }));
    },
    '/auth/refresh': async (req, res) => {
      checkOrigin(req);
      const token = cookieOf(req, REFRESH_COOKIE);
      if (!token) return answer(res, req, { __typename: 'SignedOut' });
      answer(res, req, await run(req, null, REFRESH, { token }));
    },
    '/auth/logout': async (req, res) => {
      checkOrigin(req);
      const body = await readJson(req);
      // The page may hold no valid access token any more (expired, reloaded): the cookie's session is ended anyway.
      let who = await options.identify(req.headers.authorization).catch(() => null);
      const token = cookieOf(req, REFRESH_COOKIE);
      if (!who && token) {
        const renewed = await run(req, null, REFRESH, { token });
        if (typeof renewed?.['accessToken'] === 'string')
          who = await options.identify(`Bearer ${renewed['accessToken']}`).catch(() => null);
      }
      if (who) await run(req, who, LOGOUT, { everywhere: body['everywhere'] === true });
      sendJson(res, 200, { result: { __typename: 'SignedOut' } }, { 'set-cookie': refreshCookie('', 0) });
    },
  };
}
