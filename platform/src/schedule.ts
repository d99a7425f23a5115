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

/**
 * How long a stop waits for the work in hand (an event being handled, a scheduled run): a stopping service has
 * SHUTDOWN_TIMEOUT_MS for its requests, then 5 s more before the process ends anyway (boot.ts). Past it, the stop
 * lets go: an event not acknowledged is delivered again, and a scheduled job runs again at the next start.
 */
export const STOP_WAIT_MS = 4_000;

/** Whether `work` settles within `ms`. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops them all at once; resolves when each is done. One that fails does not cut the others short: all are waited
 * for, then the first failure is thrown.
 */
export const stopAll =
  (stops: (() => void | Promise<unknown>)[]): Stop =>
  async () => {
    const failed = (await Promise.allSettled(stops.map(async (stop) => stop()))).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  };

/** A scheduled job: its stop, and `kick()` to run it now (ignored while a run is going on). */
export type Scheduled = Stop & { kick(): void };

/**
 * Runs `job` every `intervalMs` (and at once unless `atStart` is false); stopping waits for a run in progress (at
 * most STOP_WAIT_MS).
 */
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
    if (running && !(await settlesWithin(running, STOP_WAIT_MS)))
      deps.log.error(`${what} still running when stopped`, { waitedMs: STOP_WAIT_MS });
  };
  return Object.assign(stop, { kick });
}
