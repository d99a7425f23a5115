// Work done after the answer has left (so its duration tells the caller nothing). Tracked, so tests and shutdown
// can wait for it; failures are logged, never shown.
import type { UsersApp } from './index.ts';

/**
 * How long after the call the work starts: long enough for the answer to have left the process (in embedded mode the
 * gateway shares the event loop, so work started at once would still delay the answer, by account existence).
 * @default 50 ms
 */
export const LATER_DELAY_MS = 50;

export function later(app: UsersApp, what: string, work: () => Promise<void>): void {
  const task = new Promise<void>((resolve) => setTimeout(resolve, LATER_DELAY_MS))
    .then(work)
    .catch((error) => app.log.error(`${what} failed`, { error: String(error) }))
    .finally(() => app.tasks.delete(task));
  app.tasks.add(task);
}

/** Resolves when every task started so far (and those they start) has finished. */
export async function settle(app: UsersApp): Promise<void> {
  while (app.tasks.size) await Promise.all([...app.tasks]);
}
