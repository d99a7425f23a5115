// One device's subscription as the WebSocket server sees it: an async stream of results fed by a channel (or by a
// private replay while the device catches up). Each device keeps its own position: an event at or before the
// last one it got is never delivered again, so no device sees an event twice or a cursor go backwards.
import { abriError, ErrorCode } from '@abri/platform';
import type { ExecutionResult } from 'graphql';

/** An event ready for devices: the outbox id from its cursor (null when it carries none), and the result. */
export interface Delivered {
  id: bigint | null;
  result: ExecutionResult;
}

/** @default 1000 undelivered results before a device that does not read is cut off (it resumes with its cursor) */
const MAX_QUEUE = 1000;

export class Device {
  /** Outbox id of the last event delivered; -1n when none yet. */
  last: bigint;
  /** While a private replay brings the device up to the channel, the channel's events wait here. */
  pending: Delivered[] | null = null;
  private readonly queue: ExecutionResult[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private readonly onEnd: () => void;

  constructor(after: bigint | null, onEnd: () => void) {
    this.last = after ?? -1n;
    let called = false;
    this.onEnd = () => {
      if (called) return;
      called = true;
      onEnd();
    };
  }

  /** Delivers `event` unless the device already has it (or a later one). */
  offer(event: Delivered): void {
    if (this.ended) return;
    if (this.pending) {
      this.pending.push(event);
      return;
    }
    this.deliver(event);
  }

  deliver(event: Delivered): void {
    if (this.ended) return;
    if (event.id !== null) {
      if (event.id <= this.last) return;
      this.last = event.id;
    }
    if (this.queue.length >= MAX_QUEUE) {
      this.queue.length = 0;
      this.end({
        errors: [
          abriError(ErrorCode.RATE_LIMITED, 'Trop d’événements en attente : reprenez depuis votre dernier curseur.'),
        ],
      });
      return;
    }
    this.queue.push(event.result);
    this.wake?.();
  }

  /** Ends the private replay: the channel's events that waited are delivered (those the replay gave are skipped). */
  caughtUp(): void {
    const waiting = this.pending ?? [];
    this.pending = null;
    for (const event of waiting) this.deliver(event);
  }

  /** Ends the stream, after `last` when given. */
  end(last?: ExecutionResult): void {
    if (this.ended) return;
    if (last) this.queue.push(last);
    this.ended = true;
    this.wake?.();
  }

  stream(): AsyncGenerator<ExecutionResult> {
    const next = async (): Promise<IteratorResult<ExecutionResult>> => {
      for (;;) {
        const result = this.queue.shift();
        if (result) return { value: result, done: false };
        if (this.ended) {
          this.onEnd();
          return { value: undefined, done: true };
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = undefined;
      }
    };
    const stop = async (): Promise<IteratorResult<ExecutionResult>> => {
      this.ended = true;
      this.queue.length = 0;
      this.wake?.();
      this.onEnd();
      return { value: undefined, done: true };
    };
    const generator = {
      next,
      return: stop,
      throw: stop,
      [Symbol.asyncIterator]: () => generator,
    } as AsyncGenerator<ExecutionResult>;
    return generator;
  }
}
