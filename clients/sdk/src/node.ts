// The Node entry of @abri/sdk: the same API, with `ws` as the WebSocket (Node 20 has no global one).
import WebSocket from 'ws';
import { type AbriClientOptions, AbriClient as BaseClient } from './client.ts';

export * from './index.ts';

export class AbriClient extends BaseClient {
  constructor(url: string, options: AbriClientOptions = {}) {
    super(url, { webSocket: WebSocket, ...options });
  }
}
