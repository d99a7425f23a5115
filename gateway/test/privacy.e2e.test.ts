// Privacy through the gateway: the dashboard generated from the personal-data register, federated across the four
// subgraphs; consents with their history, checked by every message sender; « Qui a consulté mon dossier », every
// staff read and action on a customer's data shown to that customer.
import { DEMO } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { customer, staffMember, startTestSystem } from '@abri/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsRegister } from '../../prisma/claims/personal-data.ts';
import { paymentsRegister } from '../../prisma/payments/personal-data.ts';
import { policiesRegister } from '../../prisma/policies/personal-data.ts';
import { usersRegister } from '../../prisma/users/personal-data.ts';
import { sendOffer } from '../../subgraphs/users/src/app/offers.ts';

let system: Awaited<ReturnType<typeof startTestSystem>>;
let url: string;
/** The demo adjuster, signed in once for the file (a TOTP code is accepted once). */
let claire: AbriClient;
/** The demo support agent, likewise. */
let hugo: AbriClient;

beforeAll(async () => {
  system = await startTestSystem();
  url = system.gateway.url;
  claire = await staffMember(url, 'adjuster');
  hugo = await staffMember(url, 'agent');
});
afterAll(async () => {
  await system?.stop();
});

const SECTION =
  'service title categories { key label contains purpose legalBasis legalBasisLabel recipients retention source storedIn }';

interface Section {
  service: string;
  title: string;
  categories: { key: string; label: string; legalBasis: string; recipients: string[]; storedIn: string[] }[];
}

describe('the privacy dashboard', () => {
  it('shows every customer category of each subgraph’s register, with purpose, basis, recipients, retention and source', async () => {
    const camille = await customer(url, 'camille');
    const { data, errors } = await camille.request<{
      me: { privacy: { controller: string; account: Section; contracts: Section; claims: Section; payments: Section } };
    }>(
      `{ me { privacy { controller account { ${SECTION} } contracts { ${SECTION} } claims { ${SECTION} } payments { ${SECTION} } } } }`,
    );
    expect(errors).toBeUndefined();
    const privacy = data!.me.privacy;
    const expected = [
      [privacy.account, usersRegister],
      [privacy.contracts, policiesRegister],
      [privacy.claims, claimsRegister],
      [privacy.payments, paymentsRegister],
    ] as const;
    for (const [section, register] of expected) {
      expect(section.service).toBe(register.service);
      expect(section.title).toBe(register.title);
      const shown = Object.entries(register.categories)
        .filter(([, c]) => (('about' in c && c.about) || 'customer') === 'customer')
        .map(([key]) => key);
      expect(section.categories.map((c) => c.key)).toEqual(shown);
    }
    // Staff accounts are in the register, never in a customer's dashboard.
    expect(privacy.account.categories.map((c) => c.key)).not.toContain('staff');
    const dwelling = privacy.contracts.categories.find((c) => c.key === 'dwelling')!;
    expect(dwelling.storedIn).toContain('Dwelling.addressLine');
    expect(dwelling.legalBasis).toBe('CONTRACT');
    expect(privacy.claims.categories.find((c) => c.key === 'claims')!.recipients).toContain(
      'Experts et prestataires mandatés sur le sinistre',
    );
    expect(privacy.payments.categories.find((c) => c.key === 'payments')!.legalBasis).toBe('LEGAL_OBLIGATION');
  });

  it('is not served to an anonymous caller', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { privacy { account { title } } } }' }),
    });
    expect(await res.json()).toEqual({ data: { me: null } });
  });
});

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** A GraphQL request from a given browser (the gateway passes the user agent on: it names the device). */
async function from<T>(
  userAgent: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': userAgent,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}

const SET_CONSENT = `mutation($p: ConsentPurpose!, $g: Boolean!) {
  setConsent(purpose: $p, given: $g) {
    __typename
    ... on SetConsentSuccess { consent { purpose given changedAt device } }
    ... on Error { message }
  }
}`;

const signInFrom = async (userAgent: string, who: 'camille' | 'louis') => {
  const { data } = await from<{ login: { __typename: string } }>(
    userAgent,
    null,
    'mutation($i: LoginInput!) { login(input: $i) { __typename } }',
    { i: { contractNumber: DEMO[who].contractNumber, password: DEMO.customerPassword } },
  );
  expect(data?.login.__typename).toBe('LoginSuccess');
};

describe('consents', () => {
  const queued = (template: string) => system.services.users.app.prisma.messageOutbox.count({ where: { template } });

  it('starts with nothing given, and records each answer with its time and device', async () => {
    const camille = await customer(url, 'camille');
    const before = await camille.request<{ me: { consents: { purpose: string; given: boolean; changedAt: null }[] } }>(
      '{ me { consents { purpose label given changedAt } } }',
    );
    expect(before.data?.me.consents.map((c) => [c.purpose, c.given, c.changedAt])).toEqual([
      ['MARKETING_EMAIL', false, null],
      ['PARTNER_OFFERS', false, null],
      ['SIGN_IN_ALERT_SMS', false, null],
    ]);
    const given = await from<{ setConsent: { __typename: string; consent: { given: boolean; device: string } } }>(
      FIREFOX_LINUX,
      camille.accessToken,
      SET_CONSENT,
      { p: 'MARKETING_EMAIL', g: true },
    );
    expect(given.data?.setConsent).toMatchObject({
      __typename: 'SetConsentSuccess',
      consent: { given: true, device: 'Firefox 133 sur Ubuntu' },
    });
    // The same answer again is no new change.
    await from(FIREFOX_LINUX, camille.accessToken, SET_CONSENT, { p: 'MARKETING_EMAIL', g: true });
    await from(CHROME_ANDROID, camille.accessToken, SET_CONSENT, { p: 'MARKETING_EMAIL', g: false });
    const after = await camille.request<{
      me: { consents: { purpose: string; given: boolean; history: { given: boolean; device: string }[] }[] };
    }>('{ me { consents { purpose given history { given at device } } } }');
    const marketing = after.data!.me.consents.find((c) => c.purpose === 'MARKETING_EMAIL')!;
    expect(marketing.given).toBe(false);
    expect(marketing.history.map((h) => [h.given, h.device])).toEqual([
      [false, 'Chrome 131 sur Google Pixel 8'],
      [true, 'Firefox 133 sur Ubuntu'],
    ]);
  });

  it('sends sign-in alerts by SMS only while the customer consents: withdrawn, no SMS is queued', async () => {
    const camille = await customer(url, 'camille');
    const set = (g: boolean) =>
      camille.request<{ setConsent: { __typename: string } }>(SET_CONSENT, { p: 'SIGN_IN_ALERT_SMS', g });
    expect((await set(true)).data?.setConsent.__typename).toBe('SetConsentSuccess');

    const emailsBefore = await queued('unrecognisedSignIn');
    await signInFrom(SAFARI_IPHONE, 'camille');
    await expect.poll(() => queued('unrecognisedSignIn')).toBe(emailsBefore + 1);
    expect(await queued('signInAlertSms')).toBe(1);
    await expect
      .poll(() => system.mailbox.sent.filter((m) => m.channel === 'SMS' && /nouvelle connexion/.test(m.text)).length)
      .toBe(1);

    expect((await set(false)).data?.setConsent.__typename).toBe('SetConsentSuccess');
    await signInFrom(CHROME_ANDROID.replace('Pixel 8', 'SM-S911B'), 'camille');
    // The e-mail alert, which needs no consent, still goes; the SMS does not.
    await expect.poll(() => queued('unrecognisedSignIn')).toBe(emailsBefore + 2);
    expect(await queued('signInAlertSms')).toBe(1);
  });

  it('refuses SMS alerts without a mobile number, changing nothing', async () => {
    const louis = await customer(url, 'louis');
    await louis.request('mutation { updateProfile(input: { phone: "" }) { __typename } }');
    const { data } = await louis.request<{ setConsent: { __typename: string; message: string } }>(SET_CONSENT, {
      p: 'SIGN_IN_ALERT_SMS',
      g: true,
    });
    expect(data?.setConsent.__typename).toBe('PhoneRequired');
    const after = await louis.request<{ me: { consents: { purpose: string; history: unknown[] }[] } }>(
      '{ me { consents { purpose history { given } } } }',
    );
    expect(after.data?.me.consents.find((c) => c.purpose === 'SIGN_IN_ALERT_SMS')?.history).toEqual([]);
  });

  it('queues an offer for those who consent now, and for nobody who withdrew', async () => {
    const louis = await customer(url, 'louis');
    const camille = await customer(url, 'camille');
    await louis.request(SET_CONSENT, { p: 'PARTNER_OFFERS', g: true });
    await camille.request(SET_CONSENT, { p: 'PARTNER_OFFERS', g: true });
    await camille.request(SET_CONSENT, { p: 'PARTNER_OFFERS', g: false });
    const count = await sendOffer(system.services.users.app, {
      purpose: 'PARTNER_OFFERS',
      subject: 'Une alarme à prix réduit',
      body: 'Notre partenaire vous propose une alarme connectée.',
    });
    expect(count).toBe(1);
    await expect
      .poll(() => system.mailbox.sent.filter((m) => m.subject === 'Une alarme à prix réduit').map((m) => m.to))
      .toEqual(['louis.bernard@abri.example']);
  });
});

/** A request from a staff tool, with the reason header (percent-encoded, as a browser's fetch needs for accents). */
async function asStaff<T>(token: string | null, query: string, variables: Record<string, unknown>, reason?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(reason ? { 'x-abri-reason': encodeURIComponent(reason) } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

interface Access {
  at: string;
  staffName: string;
  role: string | null;
  kind: string;
  what: string;
  area: string;
  reason: string | null;
}
const ACCESS_LOG = '{ me { staffAccess(first: 50) { at staffName role kind what area reason } } }';

describe('who looked at my file', () => {
  const FILE = `query($id: ID!) {
    customer(id: $id) { firstName lastName policies { number } claims { reference } paymentMethods { kind } }
  }`;

  it('shows the customer each read and action of the demo adjuster, with who, when, what and why', async () => {
    const camille = await customer(url, 'camille');
    const louis = await customer(url, 'louis');
    const before = new Date();
    const file = await asStaff<{ customer: { firstName: string; claims: { reference: string }[] } }>(
      claire.accessToken,
      FILE,
      { id: DEMO.camille.customerId },
      'Instruction du sinistre dégât des eaux',
    );
    expect(file.errors).toBeUndefined();
    expect(file.data?.customer.firstName).toBe('Camille');
    const reference = file.data!.customer.claims[0]!.reference;
    const assigned = await asStaff<{ assignClaimToMe: { id: string } }>(
      claire.accessToken,
      'mutation($id: ID!) { assignClaimToMe(claimId: $id) { id } }',
      { id: DEMO.camilleClaimId },
      'Je reprends le dossier',
    );
    expect(assigned.data?.assignClaimToMe.id).toBe(DEMO.camilleClaimId);

    const log = async () => (await camille.request<{ me: { staffAccess: Access[] } }>(ACCESS_LOG)).data!.me.staffAccess;
    await expect
      .poll(async () => (await log()).map((a) => `${a.kind} ${a.area} ${a.what}`).sort(), { timeout: 30_000 })
      .toEqual(
        [
          'READ Compte Identité et coordonnées',
          'READ Contrats Contrats',
          'READ Sinistres Liste des sinistres',
          'READ Paiements Moyens de paiement',
          `ACTION Sinistres Sinistre ${reference} : prise en charge du dossier`,
        ].sort(),
      );
    const entries = await log();
    for (const entry of entries) {
      expect(entry.staffName).toBe('Claire Dubois (gestionnaire sinistres)');
      expect(entry.role).toBe('Gestionnaire sinistres');
      expect(new Date(entry.at).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    }
    expect(entries.filter((e) => e.kind === 'READ').map((e) => e.reason)).toEqual(
      Array(4).fill('Instruction du sinistre dégât des eaux'),
    );
    expect(entries.find((e) => e.kind === 'ACTION')?.reason).toBe('Je reprends le dossier');
    // Louis's file was not opened: his log says so, and he cannot read Camille's.
    expect((await louis.request<{ me: { staffAccess: Access[] } }>(ACCESS_LOG)).data?.me.staffAccess).toEqual([]);
    // The reason is stored encrypted.
    const rows = await system.services.users.app.prisma.staffAccess.findMany({
      where: { customerId: DEMO.camille.customerId },
    });
    for (const row of rows) expect(row.reasonEncrypted ?? '').not.toContain('Instruction');
  });

  it('refuses a support agent’s read without a reason, showing and recording nothing; with one, records it', async () => {
    const louis = await customer(url, 'louis');
    const granted = await louis.request<{ grantSupportAccess: { __typename: string } }>(
      'mutation { grantSupportAccess(minutes: 30) { __typename } }',
    );
    expect(granted.data?.grantSupportAccess.__typename).toBe('SupportAccessGranted');
    const view = await openAssistance(hugo.accessToken, DEMO.louis.contractNumber);
    const refused = await asStaff<{ customer: unknown }>(view, FILE, { id: DEMO.louis.customerId });
    expect(refused.data?.customer ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('REASON_REQUIRED');
    expect(JSON.stringify(refused)).not.toContain('Louis');

    const allowed = await asStaff<{ customer: { firstName: string } }>(
      view,
      'query($id: ID!) { customer(id: $id) { firstName } }',
      { id: DEMO.louis.customerId },
      'Appel du client au sujet de son échéancier',
    );
    expect(allowed.data?.customer.firstName).toBe('Louis');
    await expect
      .poll(async () => (await louis.request<{ me: { staffAccess: Access[] } }>(ACCESS_LOG)).data?.me.staffAccess, {
        timeout: 30_000,
      })
      .toMatchObject([
        {
          staffName: 'Hugo Lefèvre (service client)',
          role: 'Conseiller du service client',
          kind: 'READ',
          what: 'Identité et coordonnées',
          reason: 'Appel du client au sujet de son échéancier',
        },
      ]);
    await louis.request('mutation { revokeSupportAccess { __typename } }');
  });

  it('is the customer’s own: staff cannot read a customer’s access log', async () => {
    const { data, errors } = await asStaff<{ customer: { staffAccess: unknown } | null }>(
      claire.accessToken,
      'query($id: ID!) { customer(id: $id) { staffAccess { what } } }',
      { id: DEMO.camille.customerId },
      'Curiosité',
    );
    expect(data?.customer ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/** A support agent opens the assistance a customer granted; returns the assistance token. */
async function openAssistance(agentToken: string | null, contractNumber: string): Promise<string> {
  const { data, errors } = await asStaff<{ openAssistance: { __typename: string; accessToken?: string } }>(
    agentToken,
    'mutation($c: String!) { openAssistance(contractNumber: $c) { __typename ... on AssistanceOpened { accessToken } } }',
    { c: contractNumber },
  );
  if (!data?.openAssistance.accessToken) throw new Error(`no assistance: ${JSON.stringify({ data, errors })}`);
  return data.openAssistance.accessToken;
}

describe('assistance with consent', () => {
  const FILE = `query($id: ID!) { customer(id: $id) { firstName claims { reference } policies { number } } }`;
  const REASON = 'Aide à la lecture du contrat';

  it('shows support nothing of a customer who granted nothing', async () => {
    const opened = await asStaff<{ openAssistance: { __typename: string } }>(
      hugo.accessToken,
      'mutation($c: String!) { openAssistance(contractNumber: $c) { __typename } }',
      { c: DEMO.camille.contractNumber },
    );
    expect(opened.data?.openAssistance.__typename).toBe('NoSupportGrant');
    const file = await asStaff<{ customer: unknown }>(hugo.accessToken, FILE, { id: DEMO.camille.customerId }, REASON);
    expect(file.data?.customer ?? null).toBeNull();
    expect(JSON.stringify(file)).not.toContain('Camille');
    const queue = await asStaff<{ claimQueue: unknown[] }>(
      hugo.accessToken,
      '{ claimQueue(status: DECLARED) { reference } }',
      {},
      REASON,
    );
    expect(queue.data?.claimQueue ?? []).toEqual([]);
  });

  it('gives support a time-limited, read-only view of that customer only, revocable at once, every read shown', async () => {
    const camille = await customer(url, 'camille');
    const tooLong = await camille.request<{ grantSupportAccess: { __typename: string } }>(
      'mutation { grantSupportAccess(minutes: 600) { __typename } }',
    );
    expect(tooLong.data?.grantSupportAccess.__typename).toBe('InvalidGrantDuration');
    const before = Date.now();
    const granted = await camille.request<{
      grantSupportAccess: { __typename: string; grant: { expiresAt: string } };
    }>(
      'mutation { grantSupportAccess(minutes: 30) { __typename ... on SupportAccessGranted { grant { expiresAt } } } }',
    );
    const expiresAt = new Date(granted.data!.grantSupportAccess.grant.expiresAt).getTime();
    expect(expiresAt - before).toBeGreaterThan(29 * 60_000);
    expect(expiresAt - before).toBeLessThanOrEqual(30 * 60_000 + 5_000);
    expect(
      (await camille.request<{ me: { supportAccess: unknown } }>('{ me { supportAccess { expiresAt } } }')).data?.me
        .supportAccess,
    ).not.toBeNull();

    const view = await openAssistance(hugo.accessToken, DEMO.camille.contractNumber);
    const file = await asStaff<{ customer: { firstName: string; policies: { number: string }[] } }>(
      view,
      FILE,
      { id: DEMO.camille.customerId },
      REASON,
    );
    expect(file.errors).toBeUndefined();
    expect(file.data?.customer.firstName).toBe('Camille');
    expect(file.data?.customer.policies.map((p) => p.number)).toEqual([DEMO.camille.contractNumber]);
    // That customer only.
    const other = await asStaff<{ customer: unknown }>(view, FILE, { id: DEMO.louis.customerId }, REASON);
    expect(other.data?.customer ?? null).toBeNull();
    // Read-only: a mutation is refused before it reaches anything.
    const change = await asStaff<unknown>(
      view,
      'mutation { updateProfile(input: { firstName: "Camilla" }) { __typename } }',
      {},
      REASON,
    );
    expect(change.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await expect
      .poll(
        async () =>
          (await camille.request<{ me: { staffAccess: Access[] } }>(ACCESS_LOG)).data!.me.staffAccess.filter(
            (a) => a.staffName === 'Hugo Lefèvre (service client)',
          ).length,
        { timeout: 30_000 },
      )
      .toBe(3);

    const revoked = await camille.request<{ revokeSupportAccess: { __typename: string } }>(
      'mutation { revokeSupportAccess { __typename } }',
    );
    expect(revoked.data?.revokeSupportAccess.__typename).toBe('SupportAccessRevoked');
    // The assistance token dies with the grant, well before its own expiry.
    await expect
      .poll(
        async () =>
          (
            await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${view}`, 'x-abri-reason': 'x' },
              body: JSON.stringify({ query: '{ customer(id: "' + DEMO.camille.customerId + '") { firstName } }' }),
            })
          ).status,
        { timeout: 30_000 },
      )
      .toBe(401);
    expect(
      (await camille.request<{ me: { supportAccess: unknown } }>('{ me { supportAccess { expiresAt } } }')).data?.me
        .supportAccess,
    ).toBeNull();
  });

  it('lets support neither act on nor download from the contract of a customer who granted nothing; under a grant, each download is recorded', async () => {
    const camille = await customer(url, 'camille');
    const mine = await camille.request<{ me: { documents: { title: string; downloadUrl: string }[] } }>(
      '{ me { documents { title downloadUrl } } }',
    );
    const document = mine.data!.me.documents[0]!;
    const download = (token: string | null) =>
      fetch(new URL(document.downloadUrl, url), { headers: { authorization: `Bearer ${token}` } });
    // An agent's own token, without Camille's grant (her ids kept from an earlier assistance, say).
    const attestation = await asStaff<{ generateAttestation: { __typename: string } }>(
      hugo.accessToken,
      'mutation($p: ID!) { generateAttestation(policyId: $p) { __typename ... on DocumentGenerated { document { policy { dwelling { addressLine } } } } } }',
      { p: DEMO.camille.policyId },
      REASON,
    );
    expect(attestation.data?.generateAttestation.__typename).toBe('PolicyNotFound');
    const quote = await asStaff<{ quotePolicyChange: { __typename: string } }>(
      hugo.accessToken,
      'mutation($p: ID!) { quotePolicyChange(input: { policyId: $p, valuablesCents: 500000 }) { __typename } }',
      { p: DEMO.camille.policyId },
      REASON,
    );
    expect(quote.data?.quotePolicyChange.__typename).toBe('PolicyNotFound');
    expect((await download(hugo.accessToken)).status).toBe(404);
    const audit = await asStaff<{ claimAudit: unknown[] }>(
      hugo.accessToken,
      'query($c: ID!) { claimAudit(claimId: $c) { action details } }',
      { c: DEMO.camilleClaimId },
      REASON,
    );
    expect(audit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(audit.data?.claimAudit ?? null).toBeNull();

    // Under her grant, the download is served and shown to her. Opening the assistance gives its token, not her
    // file to the agent's own token (what it holds is read through the assistance, recorded).
    await camille.request('mutation { grantSupportAccess(minutes: 30) { __typename } }');
    const opening = await asStaff<{ openAssistance: { customer: unknown } }>(
      hugo.accessToken,
      'mutation($c: String!) { openAssistance(contractNumber: $c) { ... on AssistanceOpened { customer { notificationPreferences { __typename } pushDevices { id } } } } }',
      { c: DEMO.camille.contractNumber },
    );
    expect(opening.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(opening.data ?? null)).not.toContain('NotificationPreferences');
    const view = await openAssistance(hugo.accessToken, DEMO.camille.contractNumber);
    const served = await download(view);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    await expect
      .poll(
        async () =>
          (await camille.request<{ me: { staffAccess: Access[] } }>(ACCESS_LOG)).data!.me.staffAccess.some(
            (a) => a.staffName === 'Hugo Lefèvre (service client)' && a.what.includes(document.title),
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    await camille.request('mutation { revokeSupportAccess { __typename } }');
  });
});

describe('the erasure preview', () => {
  it('says, category by category and from the register, what an erasure deletes now and what is kept, until when and why', async () => {
    const camille = await customer(url, 'camille');
    const PREVIEW = 'service categories { key keptAfterErasure onErasure }';
    const { data, errors } = await camille.request<{
      me: {
        privacy: Record<
          'account' | 'contracts' | 'claims' | 'payments',
          { service: string; categories: { key: string; keptAfterErasure: boolean; onErasure: string }[] }
        >;
      };
    }>(
      `{ me { privacy { account { ${PREVIEW} } contracts { ${PREVIEW} } claims { ${PREVIEW} } payments { ${PREVIEW} } } } }`,
    );
    expect(errors).toBeUndefined();
    const { account, contracts, claims, payments } = data!.me.privacy;
    const kept = (section: typeof account) => section.categories.filter((c) => c.keptAfterErasure).map((c) => c.key);
    expect(kept(account)).toEqual(['connections', 'consents', 'staffAccess', 'erasure']);
    expect(kept(contracts)).toEqual(['contract', 'dwelling', 'documents']);
    expect(kept(claims)).toEqual(['claims', 'attachments', 'claimHandling']);
    expect(kept(payments)).toEqual(['schedule', 'payments', 'paymentMethods', 'arrears']);
    const byKey = (section: typeof account, key: string) => section.categories.find((c) => c.key === key)!.onErasure;
    expect(byKey(account, 'identity')).toBe('Supprimées dès votre demande.');
    expect(byKey(contracts, 'quotes')).toBe('Supprimées dès votre demande.');
    expect(byKey(contracts, 'contract')).toMatch(
      /^Conservées 5 ans après la fin du contrat, puis supprimées : prescription .*L114-1 du Code des assurances/,
    );
    expect(byKey(claims, 'claims')).toMatch(/^Conservées 5 ans après la clôture du sinistre, puis supprimées : /);
    expect(byKey(payments, 'payments')).toMatch(
      /^Conservées 10 ans après son enregistrement, puis supprimées : .*L123-22/,
    );
    // The same text as the register's rules: one source.
    for (const [section, register] of [
      [contracts, policiesRegister],
      [payments, paymentsRegister],
    ] as const)
      for (const c of section.categories)
        expect(c.keptAfterErasure).toBe(
          (register.categories as Record<string, { erasure?: { keep: boolean } }>)[c.key]?.erasure?.keep === true,
        );
  });
});
