// An in-memory gateway speaking graphql-transport-ws to the SDK through a fake WebSocket class: the tests decide
// when the network drops, when the gateway is down, which token it accepts and what it replays.

type Handler = ((event: never) => void) | null;

export interface FakeGatewayOptions {
  /** The access token accepted at connection. @default any */
  token?: string | null;
  /** Replays from the first event whatever `after` says, as a buggy server would (the client must drop them). */
  ignoreAfter?: boolean;
}

export class FakeGateway {
  readonly events: { cursor: string; n: number }[] = [];
  readonly sockets = new Set<FakeSocket>();
  /** Every subscription received: its variables and the token of its connection. */
  readonly subscriptions: { variables: Record<string, unknown>; token: string | null }[] = [];
  connections = 0;
  down = false;
  token: string | null | undefined;
  ignoreAfter: boolean;
  /** The close code answered to the next connection instead of an ack, once. */
  refuseNext: number | null = null;
  /** The errors answered to the next subscription instead of events, once. */
  failNext: { message: string; extensions: Record<string, unknown> }[] | null = null;

  constructor(options: FakeGatewayOptions = {}) {
    this.token = options.token;
    this.ignoreAfter = options.ignoreAfter ?? false;
  }

  /** The WebSocket class to give the client. */
  get WebSocket() {
    const gateway = this;
    return class extends FakeSocket {
      constructor(_url: string, _protocol: string) {
        super(gateway);
      }
    };
  }

  /** A new event on the stream, sent to every live subscription. */
  publish() {
    const n = this.events.length + 1;
    const event = { cursor: `claims.${n * 10}`, n };
    this.events.push(event);
    for (const socket of this.sockets) socket.deliver(event);
  }

  /** Cuts every connection with this close code (1006: the network went away; 1001: the gateway stops). */
  drop(code = 1006) {
    for (const socket of this.sockets) socket.serverClose(code, 'dropped');
  }
}

const later = (fn: () => void) => setTimeout(fn, 0);

export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  protocol = 'graphql-transport-ws';
  onopen: Handler = null;
  onclose: Handler = null;
  onerror: Handler = null;
  onmessage: Handler = null;
  private token: string | null = null;
  private readonly subscribed = new Map<string, bigint>();

  constructor(private readonly gateway: FakeGateway) {
    gateway.connections++;
    later(() => {
      if (gateway.down) {
        this.readyState = 3;
        this.emit('onerror', { type: 'error', message: 'ECONNREFUSED' });
        this.emit('onclose', { code: 1006, reason: '', wasClean: false });
        return;
      }
      this.readyState = 1;
      gateway.sockets.add(this);
      this.emit('onopen', {});
    });
  }

  private emit(name: 'onopen' | 'onclose' | 'onerror' | 'onmessage', event: unknown) {
    (this[name] as ((event: unknown) => void) | null)?.(event);
  }

  private reply(message: unknown) {
    later(() => {
      if (this.readyState === 1) this.emit('onmessage', { data: JSON.stringify(message) });
    });
  }

  send(data: string) {
    const message = JSON.parse(data) as { type: string; id?: string; payload?: Record<string, unknown> };
    if (message.type === 'connection_init') {
      const auth = message.payload?.authorization;
      this.token = typeof auth === 'string' ? auth.replace(/^Bearer /, '') : null;
      const refused = this.gateway.refuseNext;
      this.gateway.refuseNext = null;
      if (refused) return later(() => this.serverClose(refused, 'refused'));
      if (this.gateway.token !== undefined && this.token !== this.gateway.token)
        return later(() => this.serverClose(4401, 'expired'));
      return this.reply({ type: 'connection_ack' });
    }
    if (message.type === 'ping') return this.reply({ type: 'pong' });
    if (message.type === 'subscribe' && message.id) {
      const variables = (message.payload?.variables ?? {}) as Record<string, unknown>;
      this.gateway.subscriptions.push({ variables, token: this.token });
      const id = message.id;
      const failure = this.gateway.failNext;
      this.gateway.failNext = null;
      if (failure) {
        this.reply({ type: 'next', id, payload: { data: null, errors: failure } });
        this.reply({ type: 'complete', id });
        return;
      }
      const after = typeof variables.after === 'string' && !this.gateway.ignoreAfter ? variables.after : null;
      const from = after ? BigInt(after.split('.')[1]!) : -1n;
      this.subscribed.set(id, from);
      for (const event of this.gateway.events) if (BigInt(event.cursor.split('.')[1]!) > from) this.send1(id, event);
      return;
    }
    if (message.type === 'complete' && message.id) this.subscribed.delete(message.id);
  }

  private send1(id: string, event: { cursor: string; n: number }) {
    this.reply({ type: 'next', id, payload: { data: { claimStatusChanged: event } } });
  }

  deliver(event: { cursor: string; n: number }) {
    for (const id of this.subscribed.keys()) this.send1(id, event);
  }

  /** The server side closes the connection. */
  serverClose(code: number, reason: string) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.gateway.sockets.delete(this);
    this.emit('onclose', { code, reason, wasClean: code !== 1006 });
  }

  /** The client closes the connection. */
  close(code = 1000, reason = '') {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.gateway.sockets.delete(this);
    later(() => this.emit('onclose', { code, reason, wasClean: true }));
  }
}
