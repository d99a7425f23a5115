// Preloaded (`node --import`) into a gateway replica of bench/fanout.ts, which runs the production build of the
// gateway (dist/server/gateway.js, configuration from the environment): a private stats port on 127.0.0.1, so the
// benchmark can read this process's memory after a forced garbage collection and profile its CPU over the measured
// window without stopping it. Plain JavaScript: nothing but the gateway's own code runs in the process.
//   GET  /stats          {"memory":…,"cpuMs":…,"elu":…} after two full collections
//   GET  /counters       the same without the collections
//   POST /profile-start  starts the CPU profiler
//   POST /profile-stop?file=<path.cpuprofile>  writes what it recorded since the start
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Node 20 does not take --expose-gc from NODE_OPTIONS: the flag is set here, before anything else runs.
setFlagsFromString('--expose-gc');
/** @type {() => void} */
const gc = runInNewContext('gc');

const statsPort = Number(process.env.BENCH_STATS_PORT);
if (!Number.isInteger(statsPort) || statsPort <= 0) throw new Error('BENCH_STATS_PORT is required');

const inspector = new Session();
/** @param {boolean} collect */
function stats(collect) {
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  if (collect) {
    gc();
    gc();
  }
  return { memory: process.memoryUsage(), cpuMs: (cpu.user + cpu.system) / 1000, elu };
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://stats');
  const answer = (/** @type {unknown} */ body) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  void (async () => {
    if (url.pathname === '/stats') return answer(stats(true));
    if (url.pathname === '/counters') return answer(stats(false));
    if (url.pathname === '/profile-start') {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
      return answer({ profiling: true });
    }
    if (url.pathname === '/profile-stop') {
      const { profile } = await inspector.post('Profiler.stop');
      const file = url.searchParams.get('file') ?? 'gateway.cpuprofile';
      writeFileSync(file, JSON.stringify(profile));
      inspector.disconnect();
      return answer({ file });
    }
    return res.writeHead(404).end();
  })().catch((error) => res.writeHead(500).end(String(error)));
}).listen(statsPort, '127.0.0.1');
