import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describeEnv } from '@abri/platform';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_SERVICES, SERVICE_ENTRIES, SERVICE_ENVS } from '../services.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a service's compiled production entry with no configuration at all; resolves with its exit code and stderr. */
function startBare(entry: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      cwd: root,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('a production service without its configuration', () => {
  it('refuses to start, exits 1 and names every missing required setting', async () => {
    // One after the other: five cold starts at once would only crowd the machine.
    for (const service of PRODUCTION_SERVICES) {
      const { code, stderr } = await startBare(SERVICE_ENTRIES[service]);
      expect(code, service).toBe(1);
      expect(stderr).toContain(`${service} cannot start, invalid environment:`);
      for (const row of describeEnv(SERVICE_ENVS[service]).filter((r) => r.required)) {
        expect(stderr, `${service} ${row.name}`).toContain(`${row.name}: missing`);
      }
    }
  }, 300_000);
});
