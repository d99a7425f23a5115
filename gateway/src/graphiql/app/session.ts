// The staff session of the GraphiQL page: password then TOTP once, then the access token is renewed with the refresh
// token a minute before it expires, and again after a reload (the refresh token is kept in sessionStorage, so it
// lives as long as the browser tab). Listeners get each new access token to put in the Authorization header.

export interface StaffSessionState {
  accessToken: string;
  expiresAt: string;
  email: string;
}

/** What a step of the sign-in gives: the next step, or a French message to show. */
export type SignInStep =
  | { kind: 'totp'; challengeToken: string }
  | { kind: 'signedIn' }
  | { kind: 'error'; message: string };

type LoginResult = {
  __typename: string;
  accessToken?: string;
  refreshToken?: string;
  expiresAt?: string;
  challengeToken?: string;
  message?: string;
};

const RESULT = `__typename
  ... on LoginSuccess { accessToken refreshToken expiresAt }
  ... on TwoFactorRequired { challengeToken }
  ... on Error { message }`;
/** The sign-in's own operations, sent before any token: the gateway trusts these texts (trusted documents). */
export const STAFF_SESSION_DOCUMENTS = {
  staffLogin: `mutation StaffLogin($i: StaffLoginInput!) { staffLogin(input: $i) { ${RESULT} } }`,
  verifyTwoFactor: `mutation VerifyTwoFactor($i: VerifyTwoFactorInput!) { verifyTwoFactor(input: $i) { ${RESULT} } }`,
  refreshSession: `mutation RefreshSession($t: String!) { refreshSession(refreshToken: $t) { ${RESULT} } }`,
};
const STORED = 'abri.graphiql.session';
/** Renew this long before the access token expires. */
const AHEAD_MS = 60_000;

export function staffSession(endpoint: string, storage: Storage = sessionStorage) {
  let state: StaffSessionState | null = null;
  let refreshToken: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(state: StaffSessionState | null) => void>();

  async function call(query: string, variables: Record<string, unknown>): Promise<LoginResult | null> {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, LoginResult> | null };
    return body.data ? (Object.values(body.data)[0] ?? null) : null;
  }

  function keep(result: LoginResult, email: string) {
    refreshToken = result.refreshToken ?? null;
    state = { accessToken: result.accessToken!, expiresAt: result.expiresAt!, email };
    storage.setItem(STORED, JSON.stringify({ refreshToken, email }));
    clearTimeout(timer);
    const ms = new Date(state.expiresAt).getTime() - Date.now() - AHEAD_MS;
    timer = setTimeout(() => void session.refresh(), Math.max(5_000, ms));
    for (const listener of listeners) listener(state);
  }

  function forget() {
    clearTimeout(timer);
    state = null;
    refreshToken = null;
    storage.removeItem(STORED);
    for (const listener of listeners) listener(null);
  }

  const failed = (result: LoginResult | null): SignInStep => ({
    kind: 'error',
    message: result?.message ?? 'La connexion a échoué ; réessayez.',
  });

  const session = {
    get state() {
      return state;
    },
    onChange(listener: (state: StaffSessionState | null) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async signIn(email: string, password: string): Promise<SignInStep> {
      const result = await call(STAFF_SESSION_DOCUMENTS.staffLogin, { i: { email, password } });
      if (result?.challengeToken) return { kind: 'totp', challengeToken: result.challengeToken };
      if (result?.accessToken) {
        keep(result, email);
        return { kind: 'signedIn' };
      }
      return failed(result);
    },
    async verify(challengeToken: string, code: string, email: string): Promise<SignInStep> {
      const result = await call(STAFF_SESSION_DOCUMENTS.verifyTwoFactor, { i: { challengeToken, code } });
      if (!result?.accessToken) return failed(result);
      keep(result, email);
      return { kind: 'signedIn' };
    },
    /** Renews the access token without the password; forgets the session when the refresh token is refused. */
    async refresh(): Promise<boolean> {
      const saved = JSON.parse(storage.getItem(STORED) ?? 'null') as { refreshToken: string; email: string } | null;
      const token = refreshToken ?? saved?.refreshToken;
      if (!token) return false;
      const result = await call(STAFF_SESSION_DOCUMENTS.refreshSession, { t: token }).catch(() => null);
      if (result?.accessToken) {
        keep(result, state?.email ?? saved?.email ?? '');
        return true;
      }
      if (result) forget();
      return false;
    },
    signOut: forget,
  };
  return session;
}

export type StaffSession = ReturnType<typeof staffSession>;
