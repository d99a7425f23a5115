// The server side of bench/claims-live.ts: the embedded system (gateway + four subgraphs, in-memory PGlite, demo
// data) in its own process, so the benchmark's thousand clients do not share its event loop or its heap.
//   node --expose-gc --import tsx bench/claims-live-server.ts
// Prints one JSON line `{"type":"ready","url":…,"pid":…,"subgraphs":{…}}` on stdout, then answers one JSON line per
// command read on stdin: `stats` (memory after a forced gc, CPU, event-loop utilisation, HTTP hops by subgraph),
// `counters` (the same without the gc), `profile-start`, `profile-stop <file.cpuprofile>` (the CPU profile of what
// happened in between), `stop`. It stops when stdin closes, so it never outlives the benchmark.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { startEmbedded } from '@abri/embedded';
import { FREE_PORTS } from '@abri/platform';

type Hop = { count: number; ms: number; inFlight: number; maxInFlight: number };

const system = await startEmbedded({
  dataDir: null,
  ports: FREE_PORTS,
  silent: true,
});

// Counts the HTTP requests each subgraph serves (query plans and per-event entity fetches), as the subgraph sees them.
const hops: Record<string, Hop> = {};
for (const [name, served] of Object.entries(system.subgraphs)) {
  const hop: Hop = { count: 0, ms: 0, inFlight: 0, maxInFlight: 0 };
  hops[name] = hop;
  served.server.on('request', (req, res) => {
    if (req.method !== 'POST') return;
    hop.count++;
    hop.inFlight++;
    hop.maxInFlight = Math.max(hop.maxInFlight, hop.inFlight);
    const started = performance.now();
    res.on('close', () => {
      hop.inFlight--;
      hop.ms += performance.now() - started;
    });
  });
}

const gc = (globalThis as { gc?: () => void }).gc;
/** With `collect`, memory is read after forced full collections (which are not counted as CPU or busy time). */
function stats(collect: boolean) {
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  if (collect) {
    gc?.();
    gc?.();
  }
  return {
    type: 'stats',
    gc: Boolean(gc),
    memory: process.memoryUsage(),
    cpuMs: (cpu.user + cpu.system) / 1000,
    elu,
    hops: structuredClone(hops),
    gatewaySockets: system.gateway.wss?.clients.size ?? 0,
    live: system.gateway.live(),
  };
}

const write = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const inspector = new Session();
async function profile(command: string, file: string | undefined) {
  if (command === 'profile-start') {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  } else {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(file!, JSON.stringify(profile));
    inspector.disconnect();
  }
  write({ type: 'profile', file });
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await system.stop();
  write({ type: 'stopped' });
  process.exit(0);
}

write({
  type: 'ready',
  url: system.gateway.url,
  pid: process.pid,
  subgraphs: Object.fromEntries(Object.entries(system.subgraphs).map(([name, s]) => [name, s.url])),
});
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  const [command = '', file] = line.trim().split(/\s+/);
  if (command === 'stats' || command === 'mem') write(stats(true));
  else if (command === 'profile-start' || command === 'profile-stop') void profile(command, file);
  else if (command === 'counters') write(stats(false));
  else if (command === 'stop') void stop();
  else write({ type: 'error', message: `unknown command ${command}` });
});
commands.on('close', () => void stop());
