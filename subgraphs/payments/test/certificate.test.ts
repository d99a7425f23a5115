// The yearly payment certificate is an Abri document like the others: the shared letterhead and legal footer, amounts
// and dates written the one French way.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentCertificate } from '../src/app/certificate.ts';
import { startPayments } from './harness.ts';

const run = promisify(execFile);
let service: Awaited<ReturnType<typeof startPayments>>;
beforeAll(async () => {
  service = await startPayments(new Date('2026-12-01T09:00:00Z'));
});
afterAll(async () => {
  await service?.stop();
});

async function pdfText(pdf: Buffer): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'abri-certificate-')), 'certificate.pdf');
  await writeFile(file, pdf);
  return (await run('pdftotext', ['-layout', file, '-'])).stdout.replace(/\u00A0/g, ' ');
}

describe('payment certificate', () => {
  it('prints the letterhead, the legal footer, amounts with cents and the day it was made', async (context) => {
    const available = await run('sh', ['-c', 'command -v pdftotext']).then(
      () => true,
      () => false,
    );
    if (!available && process.env.ABRI_REQUIRE_SERVICES !== 'true') context.skip();
    const text = await pdfText(await paymentCertificate(service.app, DEMO.camille.customerId, 2024));
    expect(text).toContain('Abri Assurances');
    expect(text).toContain('Assureur fictif de démonstration');
    expect(text).toMatch(/Page 1 \/ 1/);
    expect(text).toMatch(/Total\s+[\d ]+,\d\d €/);
    expect(text).toContain('Document établi le 1er décembre 2026.');
    expect(text).toMatch(/Document n° PAI-2026-[0-9A-Z]{8}/);
  });
});
