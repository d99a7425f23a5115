// Every hop to a subgraph is signed: identity, client, audience and a hash of the exact body sent.

import { type ClientInfo, HOP_HEADER, type Identity, type SigningKey, sha256, signHop } from '@abri/platform';
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';

/** What the gateway keeps per request, for the hops it makes on the caller's behalf. */
export interface GatewayContext {
  who: Identity | null;
  client: ClientInfo;
  requestId: string;
}

const PENDING = 'x-abri-pending-who';

export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(name: string, url: string, key: SigningKey) {
    super({
      url,
      // The body is only known once serialised, so signing happens in the fetcher.
      fetcher: async (input, init) => {
        const headers = new Headers(init?.headers as HeadersInit);
        const pending = headers.get(PENDING);
        headers.delete(PENDING);
        const { who, client } = (
          pending ? JSON.parse(pending) : { who: null, client: { ip: null, userAgent: null } }
        ) as GatewayContext;
        const body = typeof init?.body === 'string' ? init.body : '';
        headers.set(HOP_HEADER, await signHop(key, name, { use: 'http', bh: sha256(body), who, client }));
        return (await fetch(input as string, { ...(init as RequestInit), headers })) as unknown as Awaited<
          ReturnType<NonNullable<RemoteGraphQLDataSource['fetcher']>>
        >;
      },
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const ctx = (context ?? {}) as Partial<GatewayContext>;
    request.http?.headers.set(
      PENDING,
      JSON.stringify({ who: ctx.who ?? null, client: ctx.client ?? { ip: null, userAgent: null } }),
    );
    if (ctx.requestId) request.http?.headers.set('x-request-id', ctx.requestId);
  }
}
