// The checks `npm test` runs before the tests (after `npm run generate`, which they all read): two at a time, the
// longest first, as the machine has two cores and each check is one busy process (the migration check on PGlite,
// both type-checks). One after the other they took 110 s; two at a time about 60 s. A check's output is printed whole
// when it ends, so two checks never interleave their lines; every check runs even after a failure, and the summary
// names each one that failed.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * TypeScript 7, the compiler in native code: the root type-check takes 11 s where TypeScript 5.9 took 48 s, the web
 * app's 1 s where it took 10 s. TypeScript 5.9 stays installed for the tools that load it as a library (GraphQL
 * Code Generator's configuration, gql.tada, Prisma); both accept this code.
 */
const TSC = ['node_modules/typescript-7/bin/tsc'];
/** Longest first, so the short ones fill the other lane while the longest runs. */
const CHECKS = [
  ['db:check', 'npm', ['run', '--silent', 'db:check']],
  ['type-check', 'node', [...TSC, '-p', 'tsconfig.json', '--noEmit']],
  ['schema:check', 'npm', ['run', '--silent', 'schema:check']],
  ['type-check web', 'node', [...TSC, '-p', 'clients/web/tsconfig.json', '--noEmit']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['schema:safety', 'npm', ['run', '--silent', 'schema:safety']],
];
const LANES = Math.min(2, availableParallelism());

function run([name, command, args]) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    let ended = false;
    const done = (code, error) => {
      if (ended) return;
      ended = true;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(`\n── ${name}: ${ok ? 'ok' : `FAILED (${error ?? `exit ${code}`})`} in ${seconds} s\n`);
      if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      resolve({ name, ok });
    };
    child.on('error', (error) => done(null, error.message));
    child.on('close', (code, signal) => done(code, signal ? `signal ${signal}` : undefined));
  });
}

const queue = [...CHECKS];
const results = [];
await Promise.all(
  Array.from({ length: LANES }, async () => {
    for (let check = queue.shift(); check; check = queue.shift()) results.push(await run(check));
  }),
);
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length) {
  console.error(`\nChecks failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nEvery check passed (${results.map((r) => r.name).join(', ')}).`);
