// The image's entry point: `run.mjs <process> [args]` starts dist/server/<process>.js (the arguments after the name
// are the process's own, e.g. `admin create-staff …`); `run.mjs --health` asks this container's process for /health
// (the Dockerfile's HEALTHCHECK; orchestrators use their own probes on /health and /ready).
import { readFileSync } from 'node:fs';

const PROCESSES = ['gateway', 'users', 'policies', 'claims', 'payments', 'migrate', 'admin', 'keys'];
const DEFAULT_PORTS = { gateway: 4000, users: 4001, policies: 4002, claims: 4003, payments: 4004 };

const [name] = process.argv.splice(2, 1);
if (name === '--health') {
  // The container's main process (pid 1) is this script started with the process name.
  const main = readFileSync('/proc/1/cmdline', 'utf8').split('\0');
  const port = process.env.PORT ?? DEFAULT_PORTS[main.find((arg) => arg in DEFAULT_PORTS) ?? 'gateway'];
  const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
    (response) => response.ok,
    () => false,
  );
  process.exit(ok ? 0 : 1);
}
if (!PROCESSES.includes(name)) {
  console.error(`usage: <${PROCESSES.join('|')}> [arguments]`);
  process.exit(2);
}
await import(new URL(`../../dist/server/${name}.js`, import.meta.url).href);
