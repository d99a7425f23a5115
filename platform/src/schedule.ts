// Scheduled jobs (purges of what reached its retention term, expired exports): run once at start, then every
// interval, one run at a time; a failure is logged and the next tick tries again. The jobs themselves are idempotent
// and read the injected clock, so tests call them directly after moving time.
import type { Logger } from './log.ts';

/** @default hourly */
export const PURGE_INTERVAL_MS = 3600_000;

export function every(
  deps: { log: Logger },
  what: string,
  intervalMs: number,
  job: () => Promise<unknown>,
): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    job()
      .catch((error) => deps.log.error(`${what} failed`, { error: String(error) }))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
