// What the gateway keeps per request, for the hops it makes on the caller's behalf.
import type { ClientInfo, Identity } from '@abri/platform';

export interface GatewayContext {
  /** The caller as their access token says; null when anonymous. */
  who: Identity | null;
  client: ClientInfo;
  requestId: string;
  /** The gateway's own operation (a sign-in route, a socket's query already checked): no trusted-document check. */
  internal?: boolean;
}
