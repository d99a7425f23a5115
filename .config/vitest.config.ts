import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Databases in memory start from a migrated image (prisma/image.ts) kept here between the run's processes (the
// workers inherit this variable) and between runs, instead of each worker migrating its own: named by PGlite's
// version and the migrations, so a changed migration makes a new one.
process.env.ABRI_IMAGE_CACHE_DIR ??= join(tmpdir(), 'abri-test-images');

// Projects by file suffix: unit and in-process tests (and a few of them again under a shifted clock); integration against real Postgres and Redis; end to end with
// the gateway and every subgraph as separate servers.
// Timeouts are generous: the suites share two loaded cores with other work, and a setup that migrates an embedded
// database or a property that hashes passwords can take many times its quiet-machine duration. No test asserts a
// duration; a timeout only ends a test that hangs.
// A poll (`expect.poll`) ends when it passes: its 1 s default failed integration tests whose event crossed PostgreSQL,
// Redis and another process on a loaded machine.
const SLOW_MACHINE = { testTimeout: 60_000, hookTimeout: 180_000, expect: { poll: { timeout: 30_000 } } };
// Files of these projects share their worker's loaded modules (isolate: false): each file still starts and stops
// its own system, but the code is imported once per worker instead of once per file, which was 40% of the CPU of an
// end-to-end file (six e2e files: 189 s of CPU isolated, 114 s shared). What a file must not leave behind for the
// next: a running system, a changed environment variable, a mock or fake timers (none of these files does).
const SHARED_MODULES = { isolate: false };

export default defineConfig({
  // graphql 16 has no export map: Node loads its CommonJS build for every package in node_modules (Apollo Server,
  // Pothos), while Vite would pick the ES build named by its "module" field for our own files. Two copies of graphql
  // refuse each other's schemas, so ours load the same build as Node's.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    // Both cores: vitest's default leaves one free (available parallelism − 1 = one worker here). Files of every
    // project but chaos then run two at a time, in one queue (by project name, the longest files first). A whole
    // run went from 27 min 40 s to 16 min 23 s (with the shared migrated database of dev/embedded), all tests passing.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/test/**/*.test.ts'],
          ...SHARED_MODULES,
          exclude: [
            '**/*.int.test.ts',
            '**/*.e2e.test.ts',
            '**/*.chaos.test.ts',
            '**/*.browser.test.ts',
            '**/node_modules/**',
          ],
          ...SLOW_MACHINE,
        },
      },
      {
        extends: true,
        // The tests whose injected clock writes rows beside database defaults, run again years ahead of the real
        // date: a test that mixes the real calendar with the injected one fails here, not the day the calendar moves.
        test: {
          name: 'calendar',
          include: ['subgraphs/users/test/{recovery,lockout,account}.test.ts'],
          env: { ABRI_TEST_EPOCH: '2031-06-16T09:00:00Z' },
          ...SLOW_MACHINE,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          globalSetup: ['.config/server-build.setup.ts'],
          ...SHARED_MODULES,
          include: ['**/test/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**'],
          ...SLOW_MACHINE,
        },
      },
      {
        extends: true,
        // The web customer space in Chromium against the whole system; its build is made once per run, before any
        // test starts (npm start's own check, so a current build is reused).
        test: {
          name: 'web',
          include: ['clients/web/test/**/*.browser.test.ts'],
          ...SHARED_MODULES,
          globalSetup: ['clients/web/test/build.setup.ts'],
          // A page waits on the whole system: its polls too get as long as a loaded machine needs (SLOW_MACHINE).
          ...SLOW_MACHINE,
        },
      },
      {
        extends: true,
        // Two files at a time, beside the other projects' files: each file has a database and a Redis key prefix of
        // its own (testServices), and the servers it starts as processes or restarts take ports no other file can draw
        // (dev/testkit/src/ports.ts). Most of an int file's time is starting its system, not its tests: run one file at
        // a time after the others, the 15 files took 270 s for 80 s of tests. They share their worker's modules too: the
        // int project alone took 185 s of CPU isolated, 135 s shared.
        test: {
          name: 'int',
          globalSetup: ['.config/server-build.setup.ts', '.config/seeded-template.setup.ts'],
          ...SHARED_MODULES,
          include: ['**/test/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          ...SLOW_MACHINE,
        },
      },
      {
        extends: true,
        // Faults in the production shape (processes killed, Redis restarted empty) with devices connected. It kills
        // only what it started (its own Redis server and processes), but it also asserts that a device kept its socket
        // through the faults, which a machine loaded by other files could break: it runs alone, after every other
        // project (a group of its own, one worker; vitest runs groups one after the other, in this order).
        test: {
          name: 'chaos',
          globalSetup: ['.config/server-build.setup.ts', '.config/seeded-template.setup.ts'],
          include: ['**/test/**/*.chaos.test.ts'],
          exclude: ['**/node_modules/**'],
          ...SLOW_MACHINE,
          sequence: { groupOrder: 1 },
          maxWorkers: 1,
        },
      },
    ],
  },
});
