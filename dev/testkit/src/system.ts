// The whole system for the tests of one file, in one line: `const system = await systemForFile()` at the top of the file
// starts the gateway and every subgraph on free ports (in-memory PGlite, demo data) and stops them after the file's
// last test. Options are the supervisor's (`@abri/embedded`): an injected clock, a proxy on a subgraph's link, …
import { type Embedded, type EmbeddedOptions, startEmbedded } from '@abri/embedded';
import { FREE_PORTS } from '@abri/platform';
import { afterAll } from 'vitest';

/** The embedded system on free ports, in memory, silent: what a test starts when it needs the whole system. */
export const startTestSystem = (options: Partial<EmbeddedOptions> = {}) =>
  startEmbedded({ dataDir: null, ports: FREE_PORTS, silent: true, ...options });

/**
 * Starts the system for this test file and registers its stop in `afterAll`. Call it where hooks may be declared:
 * the file's top level or a `describe` body.
 */
export async function systemForFile(options: Partial<EmbeddedOptions> = {}): Promise<Embedded> {
  let system: Embedded | undefined;
  afterAll(async () => {
    await system?.stop();
  });
  system = await startTestSystem(options);
  return system;
}
