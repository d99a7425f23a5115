// Scheduled jobs (purges of what reached its retention term, expired exports, the messages' dispatch, SEPA
// settlement): run every interval, one run at a time; a failure is logged and the next tick tries again. The jobs
// themselves are idempotent and read the injected clock, so tests call them directly after moving time.
import type { Logger } from './log.ts';

/** @default hourly */
export const PURGE_INTERVAL_MS = 3600_000;

/**
 * What stops background work (a durable consumer, a scheduled job): it resolves once the work in hand is done, so a
 * stopping service disconnects its database only after the last event or run it started has finished.
 */
export type Stop = () => Promise<void>;

/** Stops them all at once; resolves when each is done. */
export const stopAll =
  (stops: (() => unknown)[]): Stop =>
  async () => {
    await Promise.all(stops.map((stop) => stop()));
  };

/** A scheduled job: its stop, and `kick()` to run it now (ignored while a run is going on). */
export type Scheduled = Stop & { kick(): void };

/** Runs `job` every `intervalMs` (and at once unless `atStart` is false); stopping waits for a run in progress. */
export function every(
  deps: { log: Logger },
  what: string,
  intervalMs: number,
  job: () => Promise<unknown>,
  options: { atStart?: boolean } = {},
): Scheduled {
  let running: Promise<void> | null = null;
  let stopped = false;
  const kick = () => {
    if (running || stopped) return;
    running = job()
      .then(
        () => undefined,
        (error) => deps.log.error(`${what} failed`, { error: String(error) }),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(kick, intervalMs);
  timer.unref();
  if (options.atStart !== false) kick();
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
  return Object.assign(stop, { kick });
}
