// Portability through the gateway (issue 15.4): Camille asks for a copy of her data; the gateway's relay gathers the
// other subgraphs' parts over their signed routes, users assembles the ZIP; her devices see the progress; it is
// announced by e-mail; its contents match her seeded file category by category; Louis cannot download it; after
// 7 days (an injected clock) it is deleted.
import { DEMO, isWithheld, manualClock, NOT_PERSONAL, type PersonalDataRegister } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { collect, customer, systemForFile } from '@abri/testkit';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { claimsRegister } from '../../prisma/claims/personal-data.ts';
import { paymentsRegister } from '../../prisma/payments/personal-data.ts';
import { policiesRegister } from '../../prisma/policies/personal-data.ts';
import { usersRegister } from '../../prisma/users/personal-data.ts';

const clock = manualClock(new Date());
const origin = () => url.replace('/graphql', '');

const system = await systemForFile({ clock });
const url = system.gateway.url;

interface ExportView {
  id: string;
  status: string;
  progress: number;
  expiresAt: string | null;
  downloadPath: string | null;
}
const EXPORTS = '{ me { dataExports { id status progress expiresAt downloadPath } } }';
const exportsOf = async (client: AbriClient) =>
  (await client.request<{ me: { dataExports: ExportView[] } }>(EXPORTS)).data!.me.dataExports;

const download = (client: AbriClient, path: string) =>
  fetch(`${origin()}${path}`, { headers: { authorization: `Bearer ${client.accessToken}` } });

/** The models of a register part that hold rows for this customer (counted through that subgraph's own client). */
async function categoriesHolding(register: PersonalDataRegister, prisma: object, customerId: string) {
  const expected = new Set<string>();
  for (const [model, fields] of Object.entries(register.models)) {
    if (model === 'OutboxEvent') continue;
    const delegate = (prisma as Record<string, { count(args: object): Promise<number> }>)[
      model[0]!.toLowerCase() + model.slice(1)
    ]!;
    // Rows are the customer's by their own column, or through their contract or claim.
    const where =
      model === 'Customer'
        ? { id: customerId }
        : 'customerId' in fields
          ? { customerId }
          : 'policyId' in fields && register.service === 'policies'
            ? { policy: { customerId } }
            : 'claimId' in fields && register.service === 'claims' && model !== 'StaffAction'
              ? { claim: { customerId } }
              : null;
    if (!where || !(await delegate.count({ where }))) continue;
    for (const [field, category] of Object.entries(fields)) {
      const about = (register.categories as Record<string, { about?: string }>)[category]?.about ?? 'customer';
      if (category !== NOT_PERSONAL && !isWithheld(field) && about === 'customer') expected.add(category);
    }
  }
  return expected;
}

describe('data export', () => {
  let zip: Record<string, Uint8Array>;
  let exportId: string;

  it('gathers every subgraph’s part in the background, shows progress on the stream and announces it by e-mail', async () => {
    const camille = await customer(url, 'camille');
    const { data, errors } = await camille.request<{
      requestDataExport: { __typename: string; export?: ExportView };
    }>('mutation { requestDataExport { __typename ... on DataExportRequested { export { id status progress } } } }');
    expect(errors).toBeUndefined();
    expect(data!.requestDataExport.__typename).toBe('DataExportRequested');
    exportId = data!.requestDataExport.export!.id;

    await expect
      .poll(async () => (await exportsOf(camille)).find((e) => e.id === exportId)?.status, { timeout: 60_000 })
      .toBe('READY');
    const ready = (await exportsOf(camille)).find((e) => e.id === exportId)!;
    expect(ready.progress).toBe(100);
    expect(new Date(ready.expiresAt!).getTime() - clock.now().getTime()).toBe(7 * 24 * 3600_000);

    // Every device sees each step on the customer's stream (replayed here from its start).
    const socket = camille.socket();
    const events = collect<{
      customerEvents: { __typename: string; exportId?: string; status: string; progress: number };
    }>(
      socket,
      'subscription($after: String) { customerEvents(after: $after) { __typename ... on DataExportUpdate { exportId status progress } } }',
      { after: 'users.0' },
    );
    const updates = () =>
      events.received
        .map((e) => e.data!.customerEvents)
        .filter((e) => e.__typename === 'DataExportUpdate' && e.exportId === exportId);
    await expect.poll(() => updates().at(-1)?.status, { timeout: 30_000 }).toBe('READY');
    expect(updates().map((u) => u.status)).toEqual(['PENDING', 'GATHERING', 'GATHERING', 'GATHERING', 'READY']);
    expect(updates().map((u) => u.progress)).toEqual([0, 50, 75, 100, 100]);
    await events.stop();
    await socket.dispose();

    const { email } = await system.services.users.app.prisma.customer.findUniqueOrThrow({
      where: { id: DEMO.camille.customerId },
    });
    await expect
      .poll(() => system.mailbox.sent.filter((m) => m.subject === 'La copie de vos données est prête').map((m) => m.to))
      .toEqual([email]);

    const link = await fetch(`${origin()}/download-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${camille.accessToken}` },
      body: JSON.stringify({ path: ready.downloadPath }),
    });
    const { url: signed } = (await link.json()) as { url: string };
    const res = await fetch(`${origin()}${signed}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
  }, 120_000);

  it('holds, in JSON and CSV, every category of the register that has data about her, and her documents as PDFs', async () => {
    const { users, policies, claims, payments } = system.services;
    const id = DEMO.camille.customerId;
    const parts = [
      [usersRegister, users.app.prisma],
      [policiesRegister, policies.app.prisma],
      [claimsRegister, claims.app.prisma],
      [paymentsRegister, payments.app.prisma],
    ] as const;
    for (const [register, prisma] of parts) {
      const expected = [...(await categoriesHolding(register, prisma, id))].sort();
      const present = Object.keys(zip)
        .filter((name) => name.startsWith(`${register.service}/`) && name.endsWith('.json'))
        .map((name) => name.slice(register.service.length + 1, -'.json'.length))
        .sort();
      expect(present, register.service).toEqual(expected);
      for (const key of expected)
        expect(zip[`${register.service}/${key}.csv`], `${register.service}/${key}.csv`).toBeDefined();
    }
    const json = (name: string) => JSON.parse(new TextDecoder().decode(zip[name])) as Record<string, unknown>[];
    expect(json('users/identity.json')[0]).toMatchObject({ firstName: 'Camille', lastName: 'Martin' });
    const { email } = await users.app.prisma.customer.findUniqueOrThrow({ where: { id } });
    expect(json('users/contact.json')[0]).toMatchObject({ email });
    expect(json('policies/contract.json').map((p) => p['number'])).toContain(DEMO.camille.contractNumber);
    const dwellings = await policies.app.prisma.dwelling.findMany({ where: { policy: { customerId: id } } });
    expect(
      json('policies/dwelling.json')
        .map((d) => d['addressLine'])
        .sort(),
    ).toEqual(dwellings.map((d) => d.addressLine).sort());
    const claimRows = await claims.app.prisma.claim.findMany({ where: { customerId: id } });
    expect(json('claims/claims.json').filter((c) => c['model'] === 'Claim')).toHaveLength(claimRows.length);
    const paid = await payments.app.prisma.payment.count({ where: { customerId: id } });
    expect(json('payments/payments.json').filter((p) => p['model'] === 'Payment')).toHaveLength(paid);
    const csv = new TextDecoder().decode(zip['users/identity.csv']);
    expect(csv.split('\r\n')[1]).toContain('Camille;Martin');

    const documents = await policies.app.prisma.document.findMany({ where: { customerId: id } });
    for (const d of documents) {
      const pdf = zip[`policies/documents/${d.number}.pdf`];
      expect(pdf, d.number).toBeDefined();
      expect(Buffer.from(pdf!).equals(Buffer.from(d.content))).toBe(true);
    }
    expect(Object.keys(zip).filter((n) => n.startsWith('payments/attestations-de-paiement/'))).toHaveLength(1);
    // Secrets are never copied out: no password hash, no TOTP secret, no payment token.
    const all = new TextDecoder().decode(zip['donnees.json']);
    expect(all).not.toMatch(/passwordHash|totpSecret|pspToken|argon2/);
    expect(new TextDecoder().decode(zip['LISEZ-MOI.txt'])).toContain('Copie de vos données personnelles');
  });

  it('is downloadable by its owner only, and one request a day', async () => {
    const camille = await customer(url, 'camille');
    const louis = await customer(url, 'louis');
    const path = `/exports/${exportId}.zip`;
    expect((await download(camille, path)).status).toBe(200);
    expect((await download(louis, path)).status).toBe(404);
    expect((await fetch(`${origin()}${path}`)).status).toBe(401);
    expect(await exportsOf(louis)).toEqual([]);

    const again = await camille.request<{ requestDataExport: { __typename: string; message?: string } }>(
      'mutation { requestDataExport { __typename ... on Error { message } } }',
    );
    expect(again.data!.requestDataExport.__typename).toBe('DataExportTooSoon');
    expect(again.data!.requestDataExport.message).toMatch(/^Vous avez déjà demandé une copie aujourd’hui/);
  });

  it('is deleted once its 7 days are over', async () => {
    const { purgeExpiredExports } = await import('../../subgraphs/users/src/app/data-export.ts');
    clock.advance(7 * 24 * 3600_000 - 60_000);
    expect(await purgeExpiredExports(system.services.users.app)).toBe(0);
    clock.advance(60_000);
    expect(await purgeExpiredExports(system.services.users.app)).toBe(1);
    expect(await purgeExpiredExports(system.services.users.app)).toBe(0);
    const camille = await customer(url, 'camille');
    expect((await download(camille, `/exports/${exportId}.zip`)).status).toBe(404);
    const [last] = await exportsOf(camille);
    expect(last).toMatchObject({ id: exportId, status: 'EXPIRED', downloadPath: null });
    const row = await system.services.users.app.prisma.dataExport.findUniqueOrThrow({ where: { id: exportId } });
    expect(row.zipEncrypted).toBeNull();
  });
});
