// `npx tsx clients/web/scripts/icons.ts`: renders the app's icons (public/icons/*.png, committed) from the favicon's
// drawing with Chromium, so the installed app's icons and the favicon cannot drift apart. Maskable icons keep the
// house inside the safe zone (the inner 80 %) on a full-bleed background.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const HOUSE = 'M6 16 16 7l10 9v9H19v-6h-6v6H6z';
const svg = (maskable: boolean) =>
  maskable
    ? `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 40 40"><rect x="-4" y="-4" width="40" height="40" fill="#0b4f6c"/><path d="${HOUSE}" fill="#fff"/></svg>`
    : `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f6c"/><path d="${HOUSE}" fill="#fff"/></svg>`;

const out = new URL('../public/icons/', import.meta.url);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  for (const [name, size, maskable] of [
    ['abri-192.png', 192, false],
    ['abri-512.png', 512, false],
    ['abri-maskable-512.png', 512, true],
    ['apple-touch-icon.png', 180, true],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg(maskable)}`,
    );
    writeFileSync(new URL(name, out), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
