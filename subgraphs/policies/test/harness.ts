// The policies service on an in-memory PGlite, migrated and seeded, with an injected clock: for app-level tests of
// documents and contract changes, and the helpers that read an issued PDF as a landlord or a bank would.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO, type Identity, type Insurer, Role } from '@abri/platform';
import { memoryService } from '../../../prisma/memory.ts';
import { seedPolicies } from '../src/seed.ts';
import { createPoliciesService } from '../src/server.ts';

const run = promisify(execFile);

export async function startPolicies(now: Date, options: { insurer?: Insurer } = {}) {
  const { pglite, secrets, clock, deps } = await memoryService('policies', now);
  const service = createPoliciesService({
    ...deps,
    attestationKey: secrets.attestationKey,
    publicUrl: 'https://abri.example',
    ...(options.insurer ? { insurer: options.insurer } : {}),
  });
  await seedPolicies(service.app, now);
  return {
    app: service.app,
    clock,
    async stop() {
      await service.stop();
      await pglite.close();
    },
  };
}

/** Camille, signed in from the web app. */
export const camille: Identity = { sub: DEMO.camille.customerId, sid: 'sid-camille', roles: [Role.CUSTOMER], exp: 0 };

/** The text of a PDF in reading order (pdftotext's default: a column's lines stay together), no-break spaces made plain. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'abri-doc-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    return (await run('pdftotext', [join(dir, 'doc.pdf'), '-'])).stdout.replace(/\u00A0/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What the QR codes on page `page` of a PDF say, rendered at 150 dpi and scanned with zbarimg. */
export async function scanQr(pdf: Uint8Array, page = 1): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'abri-qr-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    await run('pdftoppm', [
      '-r',
      '150',
      '-png',
      '-f',
      String(page),
      '-l',
      String(page),
      join(dir, 'doc.pdf'),
      join(dir, 'p'),
    ]);
    const [png] = (await run('sh', ['-c', `ls ${join(dir, 'p')}*.png`])).stdout.trim().split('\n');
    return (await run('zbarimg', ['--quiet', '--raw', png!])).stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
