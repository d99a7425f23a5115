// `node bench/start.mjs [runs] [--fresh-data]`: how long `npm start` takes until `/ready` answers 200 and the web
// customer space is served at `/`, measured from the command (npm included) on a port of its own. Each run is stopped
// with SIGINT before the next. `--fresh-data`: a new, empty data directory per run (migrations and demo seeding
// included); otherwise one data directory seeded by the first run and kept (a second start).
// Also printed: the CPU time the start's processes (npm and node, one process group) had used when it was ready, which
// a loaded machine changes much less than the wall time (the start is mostly one thread: on an idle machine its wall
// time is close to that CPU time).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const freshData = process.argv.includes('--fresh-data');
const port = 24_000 + Math.floor(Math.random() * 10_000);
const sharedDir = mkdtempSync(join(tmpdir(), 'abri-bench-start-'));

/** User + system CPU seconds of the live processes of a process group (Linux /proc; 100 ticks a second). */
function cpuSeconds(group) {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

const ok = async (path) => (await fetch(`http://127.0.0.1:${port}${path}`).catch(() => null))?.status === 200;

for (let run = 1; run <= runs; run++) {
  const dataDir = freshData ? mkdtempSync(join(tmpdir(), 'abri-bench-start-')) : sharedDir;
  const began = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, ABRI_DATA_DIR: dataDir, ABRI_BASE_PORT: String(port), LOG_SILENT: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let ready = false;
  while (!ready && child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    ready = (await ok('/ready')) && (await ok('/'));
  }
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  const cpu = cpuSeconds(child.pid).toFixed(1);
  console.log(
    ready ? `run ${run}: ready and web served in ${seconds} s (${cpu} s of CPU)` : `run ${run}: exited before ready`,
  );
  process.kill(-child.pid, 'SIGINT'); // npm and the node process it started
  await exited;
  if (freshData) rmSync(dataDir, { recursive: true, force: true });
}
rmSync(sharedDir, { recursive: true, force: true });
