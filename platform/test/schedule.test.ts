// Scheduled jobs: one run at a time, a failure logged without stopping the schedule, and a stop that waits for the
// run in progress (a stopping service disconnects its database only after it) and starts no other.
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/log.ts';
import { every, stopAll } from '../src/schedule.ts';

const log = createLogger('test', { silent: true });

describe('every', () => {
  it('runs at once, never two runs together, and its stop waits for the run in progress', async () => {
    let release!: () => void;
    let runs = 0;
    let finished = 0;
    const job = every({ log }, 'test job', 60_000, async () => {
      runs++;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      finished++;
    });
    expect(runs).toBe(1);
    job.kick();
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = job().then(() => {
      stopped = true;
    });
    await new Promise(setImmediate);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(1);
    job.kick();
    expect(runs).toBe(1);
  });

  it('logs a failed run and runs again at the next kick; waits for the first kick when asked', async () => {
    const error = vi.spyOn(log, 'error').mockImplementation(() => {});
    let runs = 0;
    const job = every(
      { log },
      'flaky job',
      60_000,
      async () => {
        runs++;
        if (runs === 1) throw new Error('database down');
      },
      { atStart: false },
    );
    expect(runs).toBe(0);
    job.kick();
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('flaky job failed', { error: 'Error: database down' }));
    job.kick();
    expect(runs).toBe(2);
    await job();
  });
});

describe('stopAll', () => {
  it('waits for every stop, even after one failed, then throws the failure', async () => {
    let release!: () => void;
    let slowDone = false;
    const slow = async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      slowDone = true;
    };
    const failing = async () => {
      throw new Error('relay refused');
    };
    let settled = false;
    const stopping = stopAll([failing, slow, () => {}])().finally(() => {
      settled = true;
    });
    await new Promise(setImmediate);
    expect(settled).toBe(false);
    release();
    await expect(stopping).rejects.toThrow('relay refused');
    expect(slowDone).toBe(true);
  });
});
