// Issue 14's « done when »: three devices of one customer, two with the app open (a socket each, both also
// registered for push) and one with the app closed (a Web Push registration only). Every kind of event of the
// customer's stream (claim status, attachment, contract changed and moved, document issued, payment methods added,
// made default and removed, schedule, payment step, profile, new sign-in, session ended, second factor) reaches
// each device exactly once by the right channel: the open ones on their socket and never by push, the closed one by
// push (decrypted by the local receiver with its subscription's keys), in the stream's order.
import { DEMO, Events } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { adjuster, advance, customer, startTestSystem } from '@abri/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../clients/sdk/src/storage.ts';
import { recordRejection } from '../../subgraphs/payments/src/app/arrears.ts';
import { totpCode } from '../../subgraphs/users/src/domain/totp.ts';
import { generateVapidKey } from '../../subgraphs/users/src/push/web-push.ts';
import { startPushReceiver } from '../../subgraphs/users/test/push-receiver.ts';

const vapid = generateVapidKey();
let receiver: Awaited<ReturnType<typeof startPushReceiver>>;
let system: Awaited<ReturnType<typeof startTestSystem>>;
let url: string;
beforeAll(async () => {
  receiver = await startPushReceiver({ vapidPublicKey: () => vapid.publicKey });
  system = await startTestSystem({ push: { vapid, allowHttpEndpoints: true } });
  url = system.gateway.url;
});
afterAll(async () => {
  await system?.stop();
  await receiver?.close();
});

const EVENTS = 'subscription($after: String) { customerEvents(after: $after) { __typename cursor } }';
type Event = { __typename: string; cursor: string };
const REGISTER = `mutation($i: PushDeviceInput!) { registerPushDevice(input: $i) { __typename } }`;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function lastCursor() {
  const [row] = await system.services.users.app.prisma.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT max(id) AS id FROM "users"."OutboxEvent" WHERE topic = $1 AND "customerId" = $2`,
    Events.customerEvent.topic,
    DEMO.camille.customerId,
  );
  return `users.${row?.id ?? 0}`;
}

async function registerWebPush(client: AbriClient) {
  const subscription = receiver.subscribe();
  const { data } = await client.request<{ registerPushDevice: { __typename: string } }>(REGISTER, {
    i: { channel: 'WEB_PUSH', endpoint: subscription.endpoint, p256dh: subscription.p256dh, auth: subscription.auth },
  });
  expect(data?.registerPushDevice.__typename).toBe('PushDeviceRegistered');
  return subscription.id;
}

async function ok<T extends Record<string, { __typename: string }>>(
  client: AbriClient,
  query: string,
  variables: Record<string, unknown>,
  typename: string,
) {
  const { data, errors } = await client.request<T>(query, variables);
  const result = data && Object.values(data)[0];
  if (result?.__typename !== typename) throw new Error(JSON.stringify({ data, errors }));
  return result as T[keyof T];
}

describe('three devices of one customer', () => {
  it('get every kind of event exactly once, the open ones on their socket, the closed one by push', async () => {
    const staff = await adjuster(url);
    const laptop = await customer(url, 'camille');
    const tablet = await customer(url, 'camille');
    const phone = await customer(url, 'camille');
    const start = await lastCursor();
    const live: Record<'laptop' | 'tablet', Event[]> = { laptop: [], tablet: [] };
    const follows = (['laptop', 'tablet'] as const).map((name) =>
      (name === 'laptop' ? laptop : tablet).follow<{ customerEvents: Event }>(EVENTS, {
        storage: memoryStorage({ events: start }),
        key: 'events',
        onEvent: (d) => {
          live[name].push(d.customerEvents);
        },
      }),
    );
    await expect.poll(() => system.gateway.live().devices, { timeout: 30_000 }).toBe(2);
    const endpoints = {
      laptop: await registerWebPush(laptop),
      tablet: await registerWebPush(tablet),
      phone: await registerWebPush(phone),
    };
    const users = system.services.users.app;
    const sessions = await users.prisma.pushDevice.findMany({ where: { customerId: DEMO.camille.customerId } });
    await expect
      .poll(() => sessions.filter((d) => users.push.presence?.isLive(d.sessionId)).length, { timeout: 30_000 })
      .toBe(2);
    const seen = async (typename: string, count = 1) =>
      expect
        .poll(() => live.laptop.filter((e) => e.__typename === typename).length, { timeout: 30_000 })
        .toBeGreaterThanOrEqual(count);

    // Claims: a status change, then a photo added from the laptop.
    await advance(staff, DEMO.camilleClaimId, 'DOCUMENTS_REQUESTED');
    await seen('ClaimStatusUpdate');
    await ok(
      laptop,
      'mutation($c: ID!, $f: String!, $b: String!) { addClaimAttachment(claimId: $c, filename: $f, contentBase64: $b) { __typename } }',
      { c: DEMO.camilleClaimId, f: 'plafond.png', b: PNG.toString('base64') },
      'AttachmentAdded',
    );
    await seen('ClaimAttachmentUpdate');

    // Contract: a move, with its avenant and the new attestation issued in the same change; then an attestation.
    const quote = await ok<{ quotePolicyChange: { __typename: string; quote: { id: string } } }>(
      tablet,
      'mutation($i: PolicyChangeInput!) { quotePolicyChange(input: $i) { __typename ... on PolicyChangeQuoted { quote { id } } } }',
      {
        i: {
          policyId: DEMO.camille.policyId,
          move: {
            addressLine: '5 place Bellecour',
            postalCode: '69002',
            city: 'Lyon',
            type: 'APARTMENT',
            surfaceM2: 72,
            rooms: 3,
            occupancy: 'TENANT',
            residence: 'MAIN',
          },
        },
      },
      'PolicyChangeQuoted',
    );
    await ok(
      tablet,
      'mutation($q: ID!) { applyPolicyChange(quoteId: $q) { __typename } }',
      { q: quote.quote.id },
      'PolicyChangeApplied',
    );
    await seen('ContractUpdate');
    await ok(
      phone,
      'mutation($p: ID!) { generateAttestation(policyId: $p) { __typename } }',
      { p: DEMO.camille.policyId },
      'DocumentGenerated',
    );
    await seen('DocumentIssuedUpdate', 3);

    // Payments: a card added, made the default, the former default removed; the due day moved; a debit refused.
    const before = await system.services.payments.app.prisma.paymentMethod.findFirstOrThrow({
      where: { customerId: DEMO.camille.customerId, isDefault: true },
    });
    const card = await ok<{ addCard: { __typename: string; paymentMethod: { id: string } } }>(
      laptop,
      'mutation { addCard(input: { pspToken: "tok_visa_4242abcd", brand: "Visa", last4: "4242", expiry: "12/30" }) { __typename ... on PaymentMethodAdded { paymentMethod { id } } } }',
      {},
      'PaymentMethodAdded',
    );
    await ok(
      laptop,
      'mutation($id: ID!) { setDefaultPaymentMethod(paymentMethodId: $id) { __typename } }',
      { id: card.paymentMethod.id },
      'DefaultPaymentMethodSet',
    );
    await ok(
      laptop,
      'mutation($id: ID!) { removePaymentMethod(paymentMethodId: $id) { __typename } }',
      { id: before.id },
      'PaymentMethodRemoved',
    );
    await seen('PaymentMethodsUpdate', 3);
    await ok(
      tablet,
      'mutation($p: ID!) { changeDueDay(policyId: $p, day: 12, confirm: true) { __typename } }',
      { p: DEMO.camille.policyId },
      'DueDayChange',
    );
    await seen('ScheduleUpdate');
    const payments = system.services.payments.app;
    const due = await payments.prisma.scheduledPayment.findFirstOrThrow({
      where: { customerId: DEMO.camille.customerId, status: 'PLANNED' },
      orderBy: { dueDate: 'asc' },
    });
    expect(await recordRejection(payments, due.id, 'AM04')).toMatchObject({ kind: 'recorded' });
    await seen('PaymentUpdate');

    // The customer: profile, two-step verification, a fourth device signing in then out.
    await ok(
      laptop,
      'mutation { updateProfile(input: { phone: "06 11 22 33 44" }) { __typename } }',
      {},
      'UpdateProfileSuccess',
    );
    await seen('ProfileUpdate');
    const enrolment = await tablet.request<{ startTwoFactorEnrolment: { otpauthUri: string } }>(
      'mutation { startTwoFactorEnrolment { otpauthUri } }',
    );
    const secret = new URL(enrolment.data!.startTwoFactorEnrolment.otpauthUri).searchParams.get('secret')!;
    const confirmed = await tablet.request(
      'mutation($c: String!) { confirmTwoFactorEnrolment(code: $c) { __typename } }',
      {
        c: await totpCode(secret, new Date()),
      },
    );
    expect(confirmed.errors).toBeUndefined();
    await seen('SecondFactorUpdate');
    // Camille now signs in with a code too; the fourth device proves it directly, as the sign-in tests do.
    await users.prisma.customer.update({
      where: { id: DEMO.camille.customerId },
      data: { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null },
    });
    const other = await customer(url, 'camille');
    await seen('SignInUpdate');
    await other.request('mutation { logout }');
    await seen('SessionRevokedUpdate');

    // Every kind of the stream happened; both open devices have the same events, once each, in the same order.
    const kinds = new Set(live.laptop.map((e) => e.__typename));
    expect([...kinds].sort()).toEqual([
      'ClaimAttachmentUpdate',
      'ClaimStatusUpdate',
      'ContractUpdate',
      'DocumentIssuedUpdate',
      'PaymentMethodsUpdate',
      'PaymentUpdate',
      'ProfileUpdate',
      'ScheduleUpdate',
      'SecondFactorUpdate',
      'SessionRevokedUpdate',
      'SignInUpdate',
    ]);
    const cursors = live.laptop.map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    await expect.poll(() => live.tablet.map((e) => e.cursor), { timeout: 30_000 }).toEqual(cursors);
    // The closed phone got each of them by push, once, in the same order; the open ones were never pushed to.
    const pushed = (id: string) => receiver.received.filter((r) => r.subscription === id).map((r) => r.message);
    await expect.poll(() => pushed(endpoints.phone).map((m) => m.cursor), { timeout: 60_000 }).toEqual(cursors);
    expect(pushed(endpoints.laptop)).toEqual([]);
    expect(pushed(endpoints.tablet)).toEqual([]);
    expect(receiver.refused).toEqual([]);
    // What the lock screen shows: French, no name, reference, amount or address.
    const messages = pushed(endpoints.phone);
    expect(JSON.stringify(messages)).not.toMatch(/SIN-|Camille|Martin|Bellecour|Lyon|€|4242/);
    expect(messages.find((m) => m.title === 'Nouvelle connexion à votre espace client')).toMatchObject({
      url: '/compte',
      tag: 'security',
    });
    expect(messages.find((m) => m.body === 'Une pièce a été ajoutée à votre dossier.')).toMatchObject({
      url: `/sinistres/${DEMO.camilleClaimId}`,
    });
    expect(messages.filter((m) => m.url === '/documents').map((m) => m.body)).toContain(
      'Votre attestation d’assurance est disponible dans votre espace client.',
    );
    for (const f of follows) await f.stop();
  });
});
