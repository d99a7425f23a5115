// PUBLIC_URL: one setting, and every link a customer is sent lands on the web space at that address: the password
// reset e-mail, the « ce n'était pas moi » alert, the activation link, and the attestation's QR code (rendered from
// the PDF and scanned).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Embedded } from '@abri/embedded';
import { DEMO } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { customer, startTestSystem } from '@abri/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicUrlSetting } from '../../platform/src/env.ts';

const tools = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/zbarimg');
if (process.env['ABRI_REQUIRE_SERVICES'] === 'true' && !tools)
  throw new Error('pdftoppm and zbarimg are required (poppler-utils, zbar-tools)');

const PORTAL = 'https://assure.abri.test/espace';

let system: Embedded;
let url: string;
beforeAll(async () => {
  // As an operator writes it, with a trailing slash: links still get a single one.
  system = await startTestSystem({ publicUrl: publicUrlSetting('test').parse(`${PORTAL}/`) });
  url = system.gateway.url;
}, 120_000);
afterAll(() => system?.stop());

/** The links of the e-mails sent to `to` since `from`. */
const linksTo = (to: string, from: number) =>
  system.mailbox.sent
    .slice(from)
    .filter((m) => m.channel === 'EMAIL' && m.to === to)
    .flatMap((m) => m.text.match(/https?:\/\/\S+/g) ?? []);

describe('PUBLIC_URL', () => {
  it('is the base of the reset, activation and alert links e-mailed', async () => {
    const from = system.mailbox.sent.length;
    const anyone = new AbriClient(url);
    await anyone.request('mutation($c: String!) { requestPasswordReset(contractNumber: $c) }', {
      c: DEMO.camille.contractNumber,
    });
    await expect
      .poll(() => linksTo('camille.martin@abri.example', from), { timeout: 20_000 })
      .toEqual([expect.stringMatching(/^https:\/\/assure\.abri\.test\/espace\/mot-de-passe\/nouveau\?jeton=[\w-]+$/)]);

    // A phone change (right after signing in: the password is fresh) is announced with a « ce n'était pas moi » link.
    const changed = system.mailbox.sent.length;
    const louis = await customer(url, 'louis');
    await louis.request('mutation($p: String!) { updateProfile(input: { phone: $p }) { __typename } }', {
      p: '+33700000002',
    });
    await expect
      .poll(() => linksTo('louis.bernard@abri.example', changed), { timeout: 20_000 })
      .toEqual([
        expect.stringMatching(/^https:\/\/assure\.abri\.test\/espace\/securite\/ce-n-etait-pas-moi\?jeton=[\w-]+$/),
      ]);

    // The activation link of someone creating their access.
    const users = system.services.users.app;
    await users.prisma.customer.update({
      where: { id: DEMO.louis.customerId },
      data: { status: 'PENDING_ACTIVATION' },
    });
    await users.prisma.credential.deleteMany({ where: { customerId: DEMO.louis.customerId } });
    const registered = system.mailbox.sent.length;
    await anyone.request('mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { __typename } }', {
      i: {
        contractNumber: DEMO.louis.contractNumber,
        email: 'louis.bernard@abri.example',
        password: 'Ardoise-Velours-93!',
      },
    });
    await expect
      .poll(() => linksTo('louis.bernard@abri.example', registered), { timeout: 20_000 })
      .toEqual([expect.stringMatching(/^https:\/\/assure\.abri\.test\/espace\/activation\?jeton=[\w-]+$/)]);
  });

  it.skipIf(!tools)('is the base of the attestation QR code’s check link', async () => {
    const camille = await customer(url, 'camille');
    const issued = await camille.request<{ generateAttestation: { document: { downloadUrl: string } } }>(
      `mutation { generateAttestation(policyId: "${DEMO.camille.policyId}") { __typename ... on DocumentGenerated { document { downloadUrl } } } }`,
    );
    const res = await fetch(`${url.replace('/graphql', '')}${issued.data!.generateAttestation.document.downloadUrl}`, {
      headers: { authorization: `Bearer ${camille.accessToken}` },
    });
    const dir = mkdtempSync(join(tmpdir(), 'abri-public-url-'));
    writeFileSync(join(dir, 'a.pdf'), Buffer.from(await res.arrayBuffer()));
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', join(dir, 'a.pdf'), join(dir, 'page')]);
    const scanned = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'page-1.png')])
      .toString()
      .trim();
    expect(scanned).toMatch(/^https:\/\/assure\.abri\.test\/espace\/verifier\?t=\S+$/);
  });
});
