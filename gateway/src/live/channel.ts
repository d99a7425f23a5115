// Shared live fan-out: one upstream subscription per (subgraph, customer and roles, operation, variables) in this
// gateway process. Each event runs the rest of the plan once, and the result goes to every device of that customer
// that asked the same thing. Devices that join with a cursor are served from the channel's recent events when they
// cover it, else by a private replay from the subgraph until they reach the channel.
import type { Delivered, Device } from './device.ts';
import type { UpstreamEvent, UpstreamSink } from './upstream.ts';

/** @default 256 recent events kept per channel for devices that resume */
const BUFFER = 256;

/** An event ready for devices, with the cursor it carries (null when none). */
export type Processed = Delivered & { cursor: string | null };

/** What a channel's events come from. `E`: an event as the source gives it, before `process`. */
export interface ChannelSource<E = UpstreamEvent> {
  /** Opens the upstream subscription from `cursor` (null: live); events go to `sink`. Returns what stops it. */
  open(cursor: () => string | null, sink: UpstreamSink<E>): () => void;
  /** Turns an event into what devices receive (runs the rest of the plan); null: nothing for them. */
  process(event: E): Promise<Processed | null>;
  /** What devices receive when the subgraph refuses the operation. */
  refusal(errors: Parameters<UpstreamSink['refused']>[0]): Delivered['result'];
}

/** The outbox id a cursor (`<source>.<id>`) carries; null when it carries none. */
export const cursorId = (cursor: unknown): bigint | null => {
  const match = typeof cursor === 'string' ? /\.(\d{1,19})$/.exec(cursor) : null;
  return match ? BigInt(match[1]!) : null;
};

export class Channel<E = UpstreamEvent> {
  readonly devices = new Set<Device>();
  /** The last event through the channel. */
  private last: { id: bigint; cursor: string } | null = null;
  /** The buffer holds every event of this stream with an id above this one (null: not known yet). */
  private floor: bigint | null;
  private readonly buffer: Delivered[] = [];
  private chain: Promise<void> = Promise.resolve();
  private readonly stop: () => void;
  private closed = false;

  constructor(
    private readonly source: ChannelSource<E>,
    start: { id: bigint; cursor: string } | null,
    private readonly onClose: () => void,
  ) {
    this.floor = start?.id ?? null;
    const startCursor = start?.cursor ?? null;
    this.stop = source.open(() => this.last?.cursor ?? startCursor, {
      next: (event) => {
        this.chain = this.chain.then(() => this.receive(event));
      },
      refused: (errors) => {
        this.chain = this.chain.then(() => this.finish(source.refusal(errors)));
      },
      complete: () => {
        this.chain = this.chain.then(() => this.finish());
      },
    });
  }

  private async receive(event: E) {
    if (this.closed) return;
    const delivered = await this.source.process(event);
    if (!delivered) return;
    if (delivered.id !== null && delivered.cursor !== null) {
      if (this.last && delivered.id <= this.last.id) return;
      if (this.floor === null) this.floor = delivered.id - 1n;
      this.last = { id: delivered.id, cursor: delivered.cursor };
      this.buffer.push(delivered);
      if (this.buffer.length > BUFFER) this.floor = this.buffer.shift()!.id;
    }
    for (const device of this.devices) device.offer(delivered);
  }

  private finish(result?: Delivered['result']) {
    for (const device of this.devices) device.end(result);
    this.close();
  }

  /** The id of the last event through the channel, if any. */
  get position(): bigint | null {
    return this.last?.id ?? null;
  }

  /**
   * Adds a device that has everything up to `after` (null: wants only what comes from now). Returns false when the
   * channel cannot bring it up to date (the caller replays privately, then calls `caughtUp`).
   */
  join(device: Device, after: bigint | null, fresh: boolean): boolean {
    this.devices.add(device);
    if (fresh || after === null) {
      if (after === null && this.last) device.last = this.last.id;
      return true;
    }
    if (this.last && after >= this.last.id) return true;
    if (this.floor !== null && after >= this.floor) {
      for (const event of this.buffer) device.deliver(event);
      return true;
    }
    device.pending = [];
    return false;
  }

  leave(device: Device): void {
    this.devices.delete(device);
    if (!this.devices.size) this.close();
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    this.onClose();
  }
}
