// Sign-in and the dashboard in a real browser, on a desktop and on a phone: contract number + password, the
// server's refusal shown as is, the dashboard in one query, a reload that stays signed in through the HttpOnly
// refresh cookie (never visible to the page), sign-out; axe-core finds no serious or critical violation.
import { DEMO } from '@abri/platform';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, pageProblems, type Size, skipBrowser, webForFile } from './browser.ts';

const web = webForFile();

describe.skipIf(skipBrowser)('sign-in and dashboard', () => {
  for (const size of ['desktop', 'mobile'] as Size[]) {
    it(`signs in by contract number, shows the dashboard, stays signed in across a reload and signs out (${size})`, async () => {
      const context = await web.context(size);
      const page = await context.newPage();
      const problems = pageProblems(page);
      const graphqlRequests: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST')
          graphqlRequests.push(request.postData() ?? '');
      });

      await page.goto(`${web.origin}/`);
      await page.waitForURL(`${web.origin}/connexion`);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Connexion à votre espace client');
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByLabel('Numéro de contrat').fill(DEMO.camille.contractNumber);
      await page.getByLabel('Mot de passe').fill('not-the-password');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/incorrect/i);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByLabel('Mot de passe').fill(DEMO.customerPassword);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(`${web.origin}/`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bonjour Camille');
      const policy = page.getByRole('region', { name: new RegExp(`Contrat ${DEMO.camille.contractNumber}`) });
      await expect.poll(() => policy.getByText('Prochaine échéance').count()).toBe(1);
      expect(await policy.textContent()).toMatch(/\d+,\d{2}\s€/);
      expect(await policy.getByRole('listitem').count()).toBeGreaterThan(2);
      const claims = page.getByRole('region', { name: 'Sinistres en cours' });
      expect(await claims.getByRole('listitem').count()).toBeGreaterThan(0);
      // The dashboard is one GraphQL request.
      expect(graphqlRequests.filter((body) => body.includes('Dashboard'))).toHaveLength(1);
      expect(graphqlRequests).toHaveLength(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The refresh token is a cookie no script can read; the page holds no token in storage either.
      const cookies = await context.cookies();
      const refresh = cookies.find((c) => c.name === 'abri_refresh');
      expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/auth' });
      expect(await page.evaluate(() => document.cookie)).not.toContain('abri_refresh');
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toMatch(
        /eyJ|abri_refresh/,
      );

      // A reload renews the session silently from the cookie.
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bonjour Camille');

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL(`${web.origin}/connexion`);
      expect((await context.cookies()).find((c) => c.name === 'abri_refresh')).toBeUndefined();
      await page.reload();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Connexion à votre espace client');
      expect(problems).toEqual([]);
    });
  }

  it('refuses the sign-in routes to another origin and keeps the refresh token out of every answer', async () => {
    const login = (origin: string) =>
      fetch(`${web.origin}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ contractNumber: DEMO.camille.contractNumber, password: DEMO.customerPassword }),
      });
    expect((await login('https://evil.example')).status).toBe(403);
    const ok = await login(web.origin);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { result: Record<string, unknown> };
    expect(body.result['__typename']).toBe('LoginSuccess');
    expect(body.result).not.toHaveProperty('refreshToken');
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^abri_refresh=[^;]+; Path=\/auth; HttpOnly; Secure; SameSite=Strict/);

    // The cookie renews once; replaying the old one is refused (and ends that session).
    const refresh = (value: string) =>
      fetch(`${web.origin}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: web.origin, cookie: value.split(';')[0]! },
        body: '{}',
      }).then(async (res) => ({ res, body: (await res.json()) as { result: Record<string, unknown> } }));
    const first = await refresh(cookie);
    expect(first.body.result['__typename']).toBe('LoginSuccess');
    expect(first.body.result).not.toHaveProperty('refreshToken');
    expect(first.res.headers.get('set-cookie')).not.toBe(cookie);
    const replay = await refresh(cookie);
    expect(replay.body.result['__typename']).not.toBe('LoginSuccess');
    expect(replay.res.headers.get('set-cookie')).toMatch(/^abri_refresh=; .*Max-Age=0/);
  });
});
