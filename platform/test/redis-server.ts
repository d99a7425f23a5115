// A Redis server of the test's own, on a free port, that the test can kill and start again empty (no persistence),
// as a managed Redis may come back after a failover.
import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
// Below the ephemeral range: nothing else of the run can take the port while the server is down for a restart.
import { freePorts } from '../../dev/testkit/src/ports.ts';

export interface RedisServer {
  url: string;
  /** Kills the server (SIGKILL: no goodbye to clients) and starts a new, empty one on the same port. */
  restart(): Promise<void>;
  /** Kills the server (SIGKILL) and leaves it down until `start()`. */
  kill(): Promise<void>;
  /** Starts it again, empty, on the same port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function waitUntilUp(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    const ok = await probe
      .connect()
      .then(() => probe.ping())
      .then(() => true)
      .catch(() => false);
    probe.disconnect();
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server at ${url} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePorts(1);
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitUntilUp(url);
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url,
    async restart() {
      await kill();
      await start();
    },
    kill,
    start,
    stop: kill,
  };
}
