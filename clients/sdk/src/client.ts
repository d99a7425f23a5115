// The Abri API client: HTTP for queries and mutations, graphql-ws for subscriptions. It keeps the session (access and
// refresh tokens) and renews it once for every caller that finds it expired, so a phone with five requests in flight
// and a socket reconnecting spends one refresh token, not six (each refresh token works once).
import { type Client, createClient } from 'graphql-ws';
import { type Follow, type FollowOptions, follow } from './follow.ts';
import { type Operation, operationText } from './graphql.ts';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; retryable?: boolean } & Record<string, unknown>;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** The tokens of a signed-in session, as an app persists them between launches. */
export interface Session {
  accessToken: string;
  refreshToken: string | null;
}

/** What `refresh()` gives: a new session, a session that is over (sign in again), or no answer (try later). */
export type RefreshOutcome = { kind: 'refreshed' } | { kind: 'signed-out' } | { kind: 'unavailable'; error: unknown };

export interface AbriClientOptions {
  /**
   * The WebSocket class used for subscriptions: the global one in browsers, React Native, Deno and Node 22+; the
   * `node` entry of this package passes `ws` for older Node. @default globalThis.WebSocket
   */
  webSocket?: unknown;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** A session kept from an earlier launch. */
  session?: Session | null;
  /** Called whenever the session changes (sign-in, refresh, sign-out), to persist it; null when it is over. */
  onSession?: (session: Session | null) => void;
}

/** Options of `socket()`. */
export interface SocketOptions {
  /** Reconnection attempts of graphql-ws itself; `follow()` reconnects on its own. @default 0 */
  retryAttempts?: number;
  /** graphql-ws events (`connected`, `closed`, `ping`, `pong`…), e.g. to watch the connection. */
  on?: Parameters<typeof createClient>[0]['on'];
  /** Ping period in ms, to notice a dead network. @default 0 (none) */
  keepAlive?: number;
}

const REFRESH = `mutation AbriRefresh($t: String!) { refreshSession(refreshToken: $t) {
  __typename ... on LoginSuccess { accessToken refreshToken } } }`;
const LOGIN = `mutation AbriLogin($i: LoginInput!) { login(input: $i) {
  __typename ... on LoginSuccess { accessToken refreshToken } ... on Error { message } } }`;
/** The SDK's own operations (sign-in, renewal): the gateway trusts these texts (trusted documents). */
export const SDK_DOCUMENTS: readonly string[] = [REFRESH, LOGIN];

export class AbriClient {
  /** The access token sent as `Authorization: Bearer`; set by sign-in and refresh. */
  accessToken: string | null = null;
  /** The single-use token that renews the session; replaced at each refresh. */
  refreshToken: string | null = null;
  private readonly options: AbriClientOptions;
  private refreshing: Promise<RefreshOutcome> | null = null;

  constructor(
    readonly url: string,
    options: AbriClientOptions = {},
  ) {
    this.options = options;
    if (options.session) {
      this.accessToken = options.session.accessToken;
      this.refreshToken = options.session.refreshToken;
    }
  }

  /** Keeps a session (from a sign-in done elsewhere, or null to forget it) and tells `onSession`. */
  setSession(session: Session | null) {
    this.accessToken = session?.accessToken ?? null;
    this.refreshToken = session?.refreshToken ?? null;
    this.options.onSession?.(session);
  }

  /**
   * Sends a query or mutation. When the access token has expired and a refresh token is kept, renews the session
   * once and sends it again.
   */
  async request<T = Record<string, unknown>, V = Record<string, unknown>>(
    query: Operation<T, V>,
    variables?: V,
  ): Promise<GraphQLResponse<T> & { status: number }> {
    const text = operationText(query);
    const vars = variables as Record<string, unknown> | undefined;
    const sent = this.accessToken;
    const first = await this.send<T>(text, vars, sent);
    if (!sent || !this.refreshToken || !isUnauthenticated(first)) return first;
    // Another caller may have renewed it meanwhile; otherwise renew it now.
    if (this.accessToken === sent && (await this.refresh()).kind !== 'refreshed') return first;
    return this.send<T>(text, vars, this.accessToken);
  }

  private async send<T>(
    query: string,
    variables: Record<string, unknown> | undefined,
    token: string | null,
  ): Promise<GraphQLResponse<T> & { status: number }> {
    const res = await (this.options.fetch ?? fetch)(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as GraphQLResponse<T>) };
  }

  /** Signs a policyholder in and keeps the session; returns the `login` result. */
  async login(contractNumber: string, password: string) {
    this.accessToken = null;
    const { data } = await this.send<{
      login: { __typename: string; accessToken?: string; refreshToken?: string; message?: string };
    }>(LOGIN, { i: { contractNumber, password } }, null);
    if (data?.login.accessToken)
      this.setSession({ accessToken: data.login.accessToken, refreshToken: data.login.refreshToken ?? null });
    return data?.login;
  }

  /**
   * Renews the session with the kept refresh token. Concurrent callers share one renewal. A refused refresh token
   * ends the session (`signed-out`); a network failure or an unavailable service keeps it (`unavailable`).
   */
  refresh(): Promise<RefreshOutcome> {
    this.refreshing ??= this.renew().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async renew(): Promise<RefreshOutcome> {
    if (!this.refreshToken) return { kind: 'signed-out' };
    let response: GraphQLResponse<{
      refreshSession: { __typename: string; accessToken?: string; refreshToken?: string };
    }>;
    try {
      // Without the Authorization header, which may hold an expired token.
      response = await this.send(REFRESH, { t: this.refreshToken }, null);
    } catch (error) {
      return { kind: 'unavailable', error };
    }
    const result = response.data?.refreshSession;
    if (result?.accessToken) {
      this.setSession({ accessToken: result.accessToken, refreshToken: result.refreshToken ?? null });
      return { kind: 'refreshed' };
    }
    if (!result) return { kind: 'unavailable', error: response.errors ?? new Error('no answer') };
    this.setSession(null);
    return { kind: 'signed-out' };
  }

  /** A graphql-ws client that signs in with the access token current at each connection. */
  socket(options: SocketOptions = {}): Client {
    const webSocketImpl = this.options.webSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (!webSocketImpl)
      throw new Error('No WebSocket here: pass one as `webSocket`, or import the `node` entry of @abri/sdk.');
    return createClient({
      url: this.url.replace(/^http/, 'ws'),
      webSocketImpl,
      lazy: true,
      retryAttempts: options.retryAttempts ?? 0,
      keepAlive: options.keepAlive ?? 0,
      ...(options.on ? { on: options.on } : {}),
      connectionParams: () => (this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
    });
  }

  /**
   * Follows a subscription for as long as the app wants: resumes from the last cursor (kept in `storage`) after a
   * network loss, a gateway restart, an expired token or the app going to the background. See `follow.ts`.
   */
  follow<T = Record<string, unknown>, V = Record<string, unknown>>(
    query: Operation<T, V>,
    options: FollowOptions<T, V>,
  ): Follow {
    return follow<T, V>(this, query, options);
  }
}

const isUnauthenticated = (response: GraphQLResponse<unknown> & { status: number }) =>
  response.status === 401 || !!response.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
