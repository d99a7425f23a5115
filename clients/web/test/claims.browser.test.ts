// A water-damage claim declared from the dashboard with a photo, on a desktop and on a phone, in at most twelve
// interactions; then an adjuster moves it through the API and the open page shows each step without a reload.
import { DEMO } from '@abri/platform';
import { adjuster, advance } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  pageProblems,
  photo,
  type Size,
  signInAs,
  skipBrowser,
  webForFile,
} from './browser.ts';

// The adjuster signs in once for the file: a TOTP code is single use, and the two sizes may run in the same 30 s step.
let staffClient: Awaited<ReturnType<typeof adjuster>> | undefined;
const staffOnce = async () => {
  staffClient ??= await adjuster(web.system.gateway.url);
  return staffClient;
};

const web = webForFile();

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
