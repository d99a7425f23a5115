// The payments subgraph's periodic work (the unpaid timeline, SEPA settlement): each instance runs it on a timer,
// which is safe because every job is idempotent and guards its own writes against a concurrent run.
import type { PaymentsApp } from '../context.ts';

/** Runs `job` every `everyMs` until the returned stop is called; a failure is logged and the next tick tries again. */
export function every(app: PaymentsApp, what: string, job: () => Promise<unknown>, everyMs: number): () => void {
  const timer = setInterval(() => {
    job().catch((error) => app.log.error(`${what} failed`, { error: String(error) }));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
