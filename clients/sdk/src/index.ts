// A small typed client for the Abri API: HTTP for queries and mutations, graphql-ws for subscriptions.
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

export class AbriClient {
  /** The access token sent as `Authorization: Bearer`; set after sign-in. */
  accessToken: string | null = null;

  constructor(readonly url: string) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T> & { status: number }> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as GraphQLResponse<T>) };
  }

  /** Signs a policyholder in and keeps the access token; returns the raw result. */
  async login(contractNumber: string, password: string) {
    this.accessToken = null;
    const { data } = await this.request<{ login: { __typename: string; accessToken?: string; refreshToken?: string } }>(
      'mutation($i: LoginInput!) { login(input: $i) { __typename ... on LoginSuccess { accessToken refreshToken } } }',
      { i: { contractNumber, password } },
    );
    if (data?.login.accessToken) this.accessToken = data.login.accessToken;
    return data?.login;
  }

  /**
   * Renews the session with a refresh token (sent without the Authorization header, which may hold an expired
   * token); keeps the new access token. Returns the new refresh token, or null when the session is over.
   */
  async refresh(refreshToken: string): Promise<string | null> {
    const stale = this.accessToken;
    this.accessToken = null;
    const { data } = await this.request<{ refreshSession: { accessToken?: string; refreshToken?: string } }>(
      'mutation($t: String!) { refreshSession(refreshToken: $t) { __typename ... on LoginSuccess { accessToken refreshToken } } }',
      { t: refreshToken },
    );
    this.accessToken = data?.refreshSession.accessToken ?? stale;
    return data?.refreshSession.refreshToken ?? null;
  }

  /** A graphql-ws client authenticated with the current access token. */
  socket(options: { retryAttempts?: number } = {}): Client {
    return createClient({
      url: this.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: options.retryAttempts ?? 0,
      connectionParams: () => (this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
    });
  }
}
