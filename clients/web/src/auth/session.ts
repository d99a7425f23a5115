// The browser's session: the access token lives in this module's memory only; the refresh token is an HttpOnly
// cookie the gateway sets on /auth, out of reach of any script. A reload or a new tab renews silently through
// POST /auth/refresh; an expiring token is renewed a minute before its end, and a 401 renews once and retries.
// Without a network at start, the last signed-in customer's kept dashboard (offline/store.ts) stands in for the
// session until the network is back; a refusal or a sign-out forgets it.
import { clearOfflineData, type DashboardSnapshot, keepOnlyCustomer, lastDashboard } from '../offline/store.ts';

/** What the gateway's /auth routes answer (the users subgraph's LoginResult without its refresh token). */
export type AuthOutcome =
  | { __typename: 'LoginSuccess'; accessToken: string; expiresAt: string }
  | { __typename: 'TwoFactorRequired'; challengeToken: string; method: 'TOTP' | 'SMS' }
  | { __typename: 'AccountLocked'; lockedUntil: string; message: string }
  | { __typename: 'InvalidCredentials' | 'AccountNotActivated' | 'PasswordChangeRequired'; message: string }
  | { __typename: 'SignedOut' };

export type SessionState =
  | { status: 'unknown' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; generation: number }
  /** No network at start: what was kept for the last signed-in customer, read-only, until renewal succeeds. */
  | { status: 'offline'; snapshot: DashboardSnapshot };

let token: string | null = null;
let state: SessionState = { status: 'unknown' };
let generation = 0;
let renewTimer: ReturnType<typeof setTimeout> | undefined;
let renewing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function setState(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export const session = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get state() {
    return state;
  },
  get accessToken() {
    return token;
  },
};

async function post(path: string, body: unknown, authorization?: string): Promise<AuthOutcome | null> {
  try {
    const res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) return null;
    return ((await res.json()) as { result: AuthOutcome | null }).result;
  } catch {
    return null;
  }
}

/** The customer a token is for (its `sub`), read to drop any other customer's offline data at sign-in. */
function customerOf(accessToken: string): string | null {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

/** Keeps a LoginSuccess: token in memory, renewal planned before it expires. */
function accept(outcome: AuthOutcome | null): AuthOutcome | null {
  if (outcome?.__typename !== 'LoginSuccess') return outcome;
  const signedIn = state.status === 'signedIn';
  token = outcome.accessToken;
  clearTimeout(renewTimer);
  const inMs = new Date(outcome.expiresAt).getTime() - Date.now() - 60_000;
  renewTimer = setTimeout(() => void renew(), Math.max(5_000, inMs));
  if (!signedIn) {
    const customer = customerOf(outcome.accessToken);
    void (customer ? keepOnlyCustomer(customer) : clearOfflineData());
    generation += 1;
    setState({ status: 'signedIn', generation });
  }
  return outcome;
}

function forget() {
  token = null;
  clearTimeout(renewTimer);
  // The session is over (signed out, expired or revoked): nothing of it stays readable on this browser.
  void clearOfflineData();
  if (state.status !== 'signedOut') setState({ status: 'signedOut' });
}

/**
 * Renews the access token from the cookie. Tabs share the cookie and a refresh token works once, so renewals are
 * serialised across tabs with a Web Lock where the browser has them (the next tab then sends the rotated cookie).
 */
export function renew(): Promise<boolean> {
  renewing ??= (async () => {
    const once = () => post('/auth/refresh', {});
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    const outcome = locks ? await locks.request('abri-refresh', once) : await once();
    if (accept(outcome)?.__typename === 'LoginSuccess') return true;
    // A network failure keeps the session as it is; only a refusal signs out. At start, it shows what was kept.
    if (outcome !== null) forget();
    else if (state.status === 'unknown') {
      const snapshot = await lastDashboard();
      setState(snapshot ? { status: 'offline', snapshot } : { status: 'signedOut' });
    }
    return false;
  })().finally(() => {
    renewing = null;
  });
  return renewing;
}

/**
 * Takes the access token a step-up answered (`confirmIdentity`): same session, with the proof of a password typed
 * just now, which the sensitive changes of the next minutes need.
 */
export const adoptAccessToken = (accessToken: string, expiresAt: string) =>
  void accept({ __typename: 'LoginSuccess', accessToken, expiresAt });

export const signIn = async (contractNumber: string, password: string) =>
  accept(await post('/auth/login', { contractNumber, password }));

export const verifySecondFactor = async (challengeToken: string, code: string) =>
  accept(await post('/auth/two-factor', { challengeToken, code }));

export async function signOut(everywhere = false) {
  await post('/auth/logout', { everywhere }, token ? `Bearer ${token}` : undefined);
  await clearOfflineData();
  forget();
}

// Back online after starting without a network: the cookie's session is renewed (or refused, and forgotten).
if (typeof window !== 'undefined')
  window.addEventListener('online', () => {
    if (state.status === 'offline') void renew();
  });

/** fetch for the GraphQL client: adds the access token, and on 401 renews once and sends again. */
export const authedFetch: typeof fetch = async (input, init) => {
  const send = () => {
    const headers = new Headers(init?.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  const res = await send();
  if (res.status !== 401 || !(await renew())) return res;
  return send();
};
