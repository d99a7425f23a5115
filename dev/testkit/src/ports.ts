// Ports for the servers a test starts as processes (they cannot listen on port 0 and tell the test which port they
// got) or kills and starts again on the same address (a Redis server restarted empty).
// They are drawn below the kernel's ephemeral range (32768-60999 on Linux), so a port-0 listener or an outgoing
// connection of another test running alongside never takes one, not even while a server is down between a kill and
// its restart. Each vitest worker draws from its own slice (VITEST_POOL_ID), so two files running at once never draw
// the same port; a port is still checked free, for the other programs of the machine.
import { createServer } from 'node:net';

const FIRST = 20_000;
const LAST = 32_000;
const SLICES = 8;

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  return listening;
}

/** `count` consecutive free ports on 127.0.0.1; returns the first. */
export async function freePorts(count: number): Promise<number> {
  const pool = Number(process.env['VITEST_POOL_ID'] ?? 0);
  const width = Math.floor((LAST - FIRST) / SLICES);
  const [from, span] = pool > 0 ? [FIRST + ((pool - 1) % SLICES) * width, width] : [FIRST, LAST - FIRST];
  for (let attempt = 0; attempt < 100; attempt++) {
    const base = from + Math.floor(Math.random() * (span - count));
    let free = true;
    for (let port = base; free && port < base + count; port++) free = await isFree(port);
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free ports between ${from} and ${from + span}`);
}
