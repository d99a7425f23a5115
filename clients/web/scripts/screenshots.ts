// Screenshots of every screen of the web customer space at both sizes the issue names, for reviewers:
//   npx tsx clients/web/scripts/screenshots.ts
// Builds the app when needed, starts the embedded system with the demo data, and drives Debian's Chromium: the public
// pages first, then Camille's space (with a refused debit recorded by the support agent so the incident shows).
// Writes clients/web/docs/<size>/<screen>.png, full page, reduced to 256 colours (png8.ts) to stay small.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbedded } from '@abri/embedded';
import { DEMO } from '@abri/platform';
import { customer, FREE_PORTS, staffMember } from '@abri/testkit';
import { chromium, type Page } from 'playwright-core';
import { ensureWebBuild, WEB_DIST, WEB_ROOT } from '../../../gateway/src/web/build.ts';
import { toPalettePng } from './png8.ts';

const DOCS = join(WEB_ROOT, 'docs');
const SIZES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  mobile: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

/** Each screen: its file name, what it shows (for the index), and how to reach it. */
type Screen = { name: string; title: string; open: (page: Page) => Promise<void> };

await ensureWebBuild();
const system = await startEmbedded({ dataDir: null, ports: FREE_PORTS, silent: true, web: { dir: WEB_DIST } });
const origin = `http://localhost:${system.gateway.port}`;
const url = system.gateway.url;

// A refused debit to show on « Mes paiements », an attestation to check on « /verifier ».
const payments = system.services.payments.app;
const next = await payments.prisma.scheduledPayment.findFirstOrThrow({
  where: { customerId: DEMO.camille.customerId, status: 'PLANNED' },
  orderBy: { dueDate: 'asc' },
});
await (await staffMember(url, 'agent')).request(
  'mutation($id: ID!) { recordDebitRejection(scheduledPaymentId: $id, reasonCode: "AM04") { __typename } }',
  { id: next.id },
);
const camille = await customer(url, 'camille');
await camille.request(`mutation { generateAttestation(policyId: "${DEMO.camille.policyId}") { __typename } }`);
const claims = await camille.request<{ me: { claims: { id: string }[] } }>('{ me { claims { id } } }');
const claimId = claims.data?.me.claims[0]?.id;

const go = (path: string) => async (page: Page) => {
  await page.goto(`${origin}${path}`);
};
const waitHeading = (pattern: RegExp) => async (page: Page) => {
  await page.getByRole('heading', { level: 1, name: pattern }).waitFor();
  await page.waitForLoadState('networkidle');
};

const PUBLIC: Screen[] = [
  { name: 'connexion', title: 'Connexion', open: go('/connexion') },
  { name: 'creer-mon-acces', title: 'Créer mon accès', open: go('/creer-mon-acces') },
  { name: 'activation', title: 'Activation (lien e-mailé)', open: go('/activation?jeton=exemple') },
  { name: 'mot-de-passe-oublie', title: 'Mot de passe oublié', open: go('/mot-de-passe/oublie') },
  {
    name: 'mot-de-passe-nouveau',
    title: 'Nouveau mot de passe (lien e-mailé)',
    open: go('/mot-de-passe/nouveau?jeton=exemple'),
  },
  {
    name: 'ce-n-etait-pas-moi',
    title: '« Ce n’était pas moi »',
    open: go('/securite/ce-n-etait-pas-moi?jeton=exemple'),
  },
  { name: 'verifier', title: 'Vérifier une attestation (sans code)', open: go('/verifier') },
];
const SIGNED_IN: Screen[] = [
  { name: 'accueil', title: 'Tableau de bord', open: async (page) => waitHeading(/^Bonjour/)(page) },
  { name: 'contrat', title: 'Mon contrat', open: go('/contrat') },
  { name: 'sinistres', title: 'Mes sinistres', open: go('/sinistres') },
  { name: 'declarer-un-sinistre', title: 'Déclarer un sinistre', open: go('/sinistres/declarer') },
  ...(claimId ? [{ name: 'sinistre', title: 'Un sinistre et son suivi', open: go(`/sinistres/${claimId}`) }] : []),
  { name: 'paiements', title: 'Mes paiements (prélèvement refusé)', open: go('/paiements') },
  { name: 'documents', title: 'Mes documents', open: go('/documents') },
  { name: 'compte', title: 'Mon compte et sécurité', open: go('/compte') },
  { name: 'aide', title: 'Aide', open: go('/aide') },
  { name: 'recherche', title: 'Recherche « attestation »', open: go('/aide?q=attestation') },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const written: string[] = [];
for (const [size, options] of Object.entries(SIZES)) {
  mkdirSync(join(DOCS, size), { recursive: true });
  const context = await browser.newContext({ ...options, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  const shoot = async (screen: Screen) => {
    await screen.open(page);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    // Nothing still loading, no focus ring from the navigation.
    await page.waitForFunction(() => !document.querySelector('[role=status]')?.textContent?.includes('Chargement'));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const file = join(DOCS, size, `${screen.name}.png`);
    writeFileSync(file, toPalettePng(await page.screenshot({ fullPage: true })));
    written.push(file);
  };
  for (const screen of PUBLIC) await shoot(screen);
  await page.goto(`${origin}/connexion`);
  await page.getByLabel('Numéro de contrat').fill(DEMO.camille.contractNumber);
  await page.getByLabel('Mot de passe').fill(DEMO.customerPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  for (const screen of SIGNED_IN) await shoot(screen);
  await context.close();
}
await browser.close();
await system.stop();
console.log(`${written.length} screenshots in ${DOCS}`);
console.log([...PUBLIC, ...SIGNED_IN].map((s) => `${s.name}\t${s.title}`).join('\n'));
