// « Mes documents » and the public « /verifier » page in a real browser, on a desktop and on a phone: the list of the
// contract's documents, a fresh attestation issued and downloaded from a plain signed link, its QR code scanned from
// the PDF and opened by a landlord with no account, who reads the verdict in French (valid, expired, contract ended,
// forged).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '@abri/platform';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signAttestation, tokenFromScanned } from '../../../subgraphs/policies/src/documents/attestation-token.ts';
import { accessibilityViolations, pageProblems, type Size, signInAs, skipBrowser, webForFile } from './browser.ts';

const web = webForFile();

/** What a phone's camera reads from the attestation's QR code: the PDF's first page rendered, then decoded. */
function scanQrCode(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'abri-web-attestation-'));
  writeFileSync(join(dir, 'a.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', join(dir, 'a.pdf'), join(dir, 'page')]);
  return execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'page-1.png')])
    .toString()
    .trim();
}

const heading = (page: Page, level: number) => page.getByRole('heading', { level }).first().textContent();

describe.skipIf(skipBrowser)('documents and the attestation check', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`lists the documents, issues and downloads an attestation whose QR code a landlord checks on /verifier (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      await signInAs(web, page, 'camille');

      const documentsLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Documents' });
      await (size === 'mobile' ? documentsLink.tap() : documentsLink.click());
      await page.waitForURL(`${web.origin}/documents`);
      await expect.poll(() => heading(page, 1)).toBe('Mes documents');
      const list = page.getByRole('list', { name: 'Documents' });
      await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
      const text = (await list.textContent()) ?? '';
      for (const kind of ['Attestation d’assurance', 'Certificat de garanties', 'Conditions générales'])
        expect(text).toContain(kind);
      expect(text).toMatch(/émis le \d{1,2}(er)?\u00a0\p{L}+\u00a0\d{4}/u);
      expect(await accessibilityViolations(page)).toEqual([]);

      // A fresh attestation, at the top of the list.
      const before = await list.getByRole('listitem').count();
      await page.getByRole('button', { name: 'Obtenir une attestation' }).click();
      await expect.poll(() => page.getByText('Votre attestation est prête').count()).toBe(1);
      await expect.poll(() => list.getByRole('listitem').count()).toBe(before + 1);
      const newest = list.getByRole('listitem').first();
      expect(await newest.textContent()).toContain('Attestation d’assurance');

      // The link itself needs a signature: opened bare, the gateway refuses it.
      const link = newest.getByRole('link', { name: /^Télécharger le PDF \(\d[\d\s]*Ko\)$/ });
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^\/documents\/[0-9a-f-]{36}$/);
      expect((await page.request.get(`${web.origin}${href}`)).status()).toBe(401);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        size === 'mobile' ? link.tap() : link.click(),
      ]);
      expect(new URL(download.url()).pathname).toBe(href);
      expect(new URL(download.url()).searchParams.get('link')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const pdf = readFileSync((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await accessibilityViolations(page)).toEqual([]);

      // The landlord scans the QR code with a phone of their own: no account, no cookie.
      const scanned = scanQrCode(pdf);
      expect(scanned).toMatch(/\/verifier\?t=/);
      const token = tokenFromScanned(scanned);
      const landlord = await (await web.context(size)).newPage();
      const landlordProblems = pageProblems(landlord);
      const verify = async (t: string) => {
        await landlord.goto(`${web.origin}/verifier?t=${encodeURIComponent(t)}`);
        await expect.poll(() => landlord.getByRole('heading', { level: 2 }).count(), { timeout: 15_000 }).toBe(1);
        return landlord.getByRole('status');
      };
      let verdict = await verify(token);
      expect(await verdict.getByRole('heading', { level: 2 }).textContent()).toBe('Attestation valide');
      const facts = (await verdict.textContent()) ?? '';
      expect(facts).toContain('Camille Martin');
      expect(facts).toContain(`n°\u00a0${DEMO.camille.contractNumber}`);
      expect(facts).toMatch(/du \d{1,2}(er)?\u00a0\p{L}+\u00a0\d{4} au \d{1,2}(er)?\u00a0\p{L}+\u00a0\d{4}/u);
      expect(await accessibilityViolations(landlord)).toEqual([]);

      // One character changed: not Abri's, and nothing of its content is shown.
      const i = Math.floor(token.length / 2);
      verdict = await verify(`${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`);
      expect(await verdict.getByRole('heading', { level: 2 }).textContent()).toBe('Attestation falsifiée ou modifiée');
      expect(await verdict.textContent()).not.toContain('Camille Martin');
      expect(await accessibilityViolations(landlord)).toEqual([]);

      // Last year's attestation, genuine: expired.
      const old = await signAttestation(
        {
          contractNumber: DEMO.camille.contractNumber,
          holder: 'Camille Martin',
          address: '12 rue des Lilas, 69003 Lyon',
          occupancy: 'TENANT',
          residence: 'MAIN',
          periodStart: new Date('2024-01-01T00:00:00Z'),
          periodEnd: new Date('2024-12-31T00:00:00Z'),
          issuedAt: new Date('2024-01-01T00:00:00Z'),
          policyVersion: 1,
        },
        web.system.secrets.attestationKey,
      );
      verdict = await verify(old);
      expect(await verdict.getByRole('heading', { level: 2 }).textContent()).toBe('Attestation expirée');
      expect(await verdict.textContent()).toContain('du 1er\u00a0janvier\u00a02024 au 31\u00a0décembre\u00a02024');

      // The contract ended since: the same genuine attestation no longer holds.
      const policies = web.system.services.policies.app.prisma.policy;
      await policies.update({
        where: { id: DEMO.camille.policyId },
        data: { status: 'TERMINATED', endedAt: new Date() },
      });
      try {
        verdict = await verify(token);
        expect(await verdict.getByRole('heading', { level: 2 }).textContent()).toBe('Contrat résilié');
        expect(await accessibilityViolations(landlord)).toEqual([]);
      } finally {
        await policies.update({ where: { id: DEMO.camille.policyId }, data: { status: 'ACTIVE', endedAt: null } });
      }

      // Without a code in the address, the page asks for it; a pasted check address works too.
      await landlord.goto(`${web.origin}/verifier`);
      await expect.poll(() => heading(landlord, 1)).toBe('Vérifier une attestation d’assurance');
      expect(await accessibilityViolations(landlord)).toEqual([]);
      await landlord.getByLabel('Code de vérification').fill(scanned);
      await landlord.getByRole('button', { name: 'Vérifier' }).click();
      await expect
        .poll(() => landlord.getByRole('status').getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 })
        .toBe('Attestation valide');
      expect(problems).toEqual([]);
      expect(landlordProblems).toEqual([]);
    });
  }
});
