// A water-damage claim declared from the dashboard with a photo, on a desktop and on a phone, in at most twelve
// interactions; then an adjuster moves it through the API and the open page shows each step without a reload.
import { deflateSync } from 'node:zlib';
import { DEMO } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjuster, advance } from '../../../gateway/test/helpers.ts';
import {
  accessibilityViolations,
  pageProblems,
  type Size,
  signInAs,
  skipBrowser,
  startWeb,
  type WebHarness,
} from './browser.ts';

let web: WebHarness;
// The adjuster signs in once for the file: a TOTP code is single use, and the two sizes may run in the same 30 s step.
let staffClient: Awaited<ReturnType<typeof adjuster>> | undefined;
const staffOnce = async () => {
  staffClient ??= await adjuster(web.system.gateway.url);
  return staffClient;
};

beforeAll(async () => {
  if (!skipBrowser) web = await startWeb();
});
afterAll(async () => {
  await web?.stop();
});

/** A small real PNG (the claims service reads the bytes, not the name). */
function photo(): Buffer {
  const crc = (bytes: Buffer) => {
    let c = ~0;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(32, 0);
  header.writeUInt32BE(24, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 24 }, () => Buffer.from([0, ...Array(32 * 3).fill(120)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.skipIf(skipBrowser)('declaring a claim and following it live', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`declares a water-damage claim with a photo in at most 12 interactions, then shows each adjuster step live (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      await signInAs(web, page, 'camille');

      let interactions = 0;
      const act = async (step: () => Promise<unknown>) => {
        interactions += 1;
        await step();
      };
      const tap = (locator: ReturnType<typeof page.getByRole>) =>
        act(() => (size === 'mobile' ? locator.tap() : locator.click()));

      await tap(page.getByRole('link', { name: 'Déclarer un sinistre' }));
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Déclarer un sinistre');
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(page.getByRole('button', { name: 'Dégât des eaux' }));
      await expect.poll(() => page.getByLabel('Que s’est-il passé ?').count()).toBe(1);
      await act(() =>
        page.getByLabel('Que s’est-il passé ?').fill('Fuite sous l’évier de la cuisine, le parquet a gonflé.'),
      );
      await tap(page.getByRole('radio', { name: /^De chez moi/ }));
      await tap(page.getByRole('group', { name: /La fuite est-elle arrêtée/ }).getByRole('radio', { name: 'Oui' }));
      const thirdParty = page.getByRole('group', { name: /Un tiers est-il concerné/ });
      await tap(thirdParty.getByRole('radio', { name: 'Oui' }));
      // A conditional question appears with its answer, and goes away with it.
      await expect.poll(() => page.getByLabel('Nom du tiers concerné').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await tap(thirdParty.getByRole('radio', { name: 'Non' }));
      await expect.poll(() => page.getByLabel('Nom du tiers concerné').count()).toBe(0);
      await act(() =>
        page
          .getByLabel(/Photos et documents/)
          .setInputFiles({ name: 'cuisine.png', mimeType: 'image/png', buffer: photo() }),
      );
      await tap(page.getByRole('button', { name: 'Envoyer la déclaration' }));

      await page.waitForURL(/\/sinistres\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      expect(interactions).toBeLessThanOrEqual(12);
      const claimId = new URL(page.url()).pathname.split('/').at(-1)!;
      const status = page.getByTestId('claim-status');
      await expect.poll(() => status.textContent()).toBe('Déclaré');
      await expect.poll(() => page.getByText('cuisine.png').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      const staff = await staffOnce();
      const timeline = page.getByRole('region', { name: 'Suivi' }).getByRole('listitem');
      const steps: [string, string, string | undefined][] = [
        ['ACKNOWLEDGED', 'Pris en charge', undefined],
        ['EXPERT_ASSIGNED', 'Expert désigné', 'Cabinet Rhône Expertise'],
        ['EXPERT_REPORT', 'Rapport d’expertise reçu', undefined],
      ];
      for (const [to, label, note] of steps) {
        await advance(staff, claimId, to, note);
        await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe(label);
        await expect.poll(() => timeline.last().textContent(), { timeout: 30_000 }).toContain(label);
      }
      expect(await timeline.count()).toBe(4);
      expect(await page.getByText('Cabinet Rhône Expertise').count()).toBe(1);

      // The cursor of the last event is kept, so a reload resumes from it.
      const kept = await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('abri:claims-cursor:')),
      );
      expect(kept).toEqual([`abri:claims-cursor:${DEMO.camille.customerId}`]);
      expect(problems).toEqual([]);
    });
  }
});
