// The relay of data exports (issue 15.4). Users holds the durable jobs; the gateway, which alone may call every
// subgraph, fetches each other subgraph's part of the customer's file over its signed internal route and hands it to
// users, which assembles the ZIP. It starts when users announces a request and also looks for leftovers on a timer:
// a job whose relay stopped (a gateway restarted mid-way) is taken over when its lease ends, from the parts missing.
import {
  type EventBus,
  Events,
  EXPORT_PART_PATH,
  HOP_HEADER,
  type HopSecrets,
  type Logger,
  sha256,
  signHop,
} from '@abri/platform';

export interface ExportRelayOptions {
  subgraphUrls: Record<string, string>;
  hopSecrets: HopSecrets;
  bus: EventBus;
  now: () => Date;
  log: Logger;
  /** @default 60 s between looks for jobs nobody announced or whose relay stopped */
  pollMs?: number;
}

interface Job {
  id: string;
  customerId: string;
  missing: string[];
}

export function startExportRelay(options: ExportRelayOptions) {
  const { subgraphUrls, hopSecrets, now, log } = options;
  const base = (name: string) => subgraphUrls[name]!.replace(/\/graphql$/, '');
  const call = async (subgraph: string, path: string, init: RequestInit = {}) => {
    const hop = signHop(hopSecrets, subgraph, { use: 'http', bh: sha256(path) }, now());
    const res = await fetch(`${base(subgraph)}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), [HOP_HEADER]: hop },
      signal: AbortSignal.timeout(60_000),
    });
    if (!res.ok) throw new Error(`${subgraph} answered ${res.status} for ${path.split('?')[0]}`);
    return res;
  };

  const relay = async (job: Job) => {
    for (const service of job.missing) {
      const part = Buffer.from(
        await (await call(service, `${EXPORT_PART_PATH}?customer=${job.customerId}`)).arrayBuffer(),
      );
      await call('users', `/internal/exports/${job.id}/parts?sha256=${sha256(part)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: part,
      });
    }
  };

  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const drain = async () => {
    while (!stopped) {
      const { job } = (await (await call('users', '/internal/exports/next', { method: 'POST' })).json()) as {
        job: Job | null;
      };
      if (!job) return;
      await relay(job);
    }
  };
  /** Runs the queue now (or once more right after the current run). */
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error) => log.warn('data export relay failed; will retry', { error: String(error) }))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  };

  const timer = setInterval(kick, options.pollMs ?? 60_000);
  timer.unref();
  let unsubscribe: (() => void) | undefined;
  void options.bus
    .subscribe(Events.dataExportRequested, () => kick())
    .then((stop) => {
      unsubscribe = stop;
    })
    .catch((error) => log.warn('data export relay not subscribed; polling only', { error: String(error) }));
  kick();
  return {
    kick,
    /** Resolves when the current run (if any) is over. */
    idle: async () => {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe?.();
      await running;
    },
  };
}
