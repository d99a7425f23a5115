// One stream for everything that changes in a customer's file (issue 14.1): claim status, contract, payment steps,
// profile and a session ended, each from its own subgraph, reach every device of the customer through
// `customerEvents` with one cursor, in one order; a device that was away resumes with `follow()` and gets exactly
// what it missed, once, in the same order as the others; another customer gets none of it.
import { DEMO, Events } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { adjuster, advance, customer, systemForFile } from '@abri/testkit';
import { NEXT } from '@abri/testkit/claim-mover';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../clients/sdk/src/storage.ts';
import { recordRejection } from '../../subgraphs/payments/src/app/arrears.ts';
import { copyToFeed } from '../../subgraphs/users/src/app/customer-feed.ts';
import { totpCode } from '../../subgraphs/users/src/domain/totp.ts';

const EVENTS = `subscription CustomerEvents($after: String) { customerEvents(after: $after) {
  __typename cursor at
  ... on ClaimStatusUpdate { from status claim { reference } }
  ... on ContractUpdate { version annualPremium { amountCents } policy { number } }
  ... on PaymentUpdate { kind policy { number } }
  ... on ProfileUpdate { changedFields customer { lastName } }
  ... on SessionRevokedUpdate { sessionId }
  ... on PaymentMethodsUpdate { change methodId }
  ... on ScheduleUpdate { dueDay policy { number } }
  ... on SecondFactorUpdate { enabled }
  ... on SignInUpdate { session { id } }
  ... on DocumentIssuedUpdate { document { kind } policy { number } }
} }`;

type Event = { __typename: string; cursor: string; [field: string]: unknown };
type Data = { customerEvents: Event };

const system = await systemForFile();
const url = system.gateway.url;

// One adjuster session for the file: a second sign-in within the same 30-second step would reuse its TOTP code,
// which the users subgraph rightly refuses.
let staffSession: Promise<AbriClient> | undefined;
const staffOnce = () => {
  staffSession ??= adjuster(url);
  return staffSession;
};

/** The customer's last event on the stream now (`users.0` when none): where the test's devices start. */
async function lastCursor(customerId: string) {
  const [row] = await system.services.users.app.prisma.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT max(id) AS id FROM "users"."OutboxEvent" WHERE topic = $1 AND "customerId" = $2`,
    Events.customerEvent.topic,
    customerId,
  );
  return `users.${row?.id ?? 0}`;
}

function device(client: AbriClient, after: string) {
  const received: Event[] = [];
  const storage = memoryStorage({ events: after });
  const following = client.follow<Data>(EVENTS, {
    storage,
    key: 'events',
    backoff: { initialMs: 50, maxMs: 500 },
    onEvent: (data) => {
      received.push(data.customerEvents);
    },
  });
  return { received, following, storage };
}

describe('customerEvents', () => {
  it('brings every kind of change to each device once, in one order, and a resuming device exactly what it missed', async () => {
    const staff = await staffOnce();
    // Signed in before the start: a sign-in is itself an event of the stream.
    const camille = await customer(url, 'camille');
    const laptopClient = await customer(url, 'camille');
    const tabletClient = await customer(url, 'camille');
    const start = await lastCursor(DEMO.camille.customerId);
    const phone = device(camille, start);
    const laptop = device(laptopClient, start);
    const tablet = device(tabletClient, start);
    const louis = device(await customer(url, 'louis'), await lastCursor(DEMO.louis.customerId));
    await expect.poll(() => system.gateway.live().devices, { timeout: 30_000 }).toBe(4);
    // Counted without the documents a change issues: their order with the change itself is the bus's.
    const main = (events: Event[]) => events.filter((e) => e.__typename !== 'DocumentIssuedUpdate');
    const got = async (count: number) => {
      await expect.poll(() => main(phone.received).length, { timeout: 30_000 }).toBe(count);
    };

    await advance(staff, DEMO.camilleClaimId, 'DOCUMENTS_REQUESTED');
    await got(1);
    const profile = await camille.request(
      'mutation { updateProfile(input: { lastName: "Martin-Roux" }) { __typename } }',
    );
    expect(profile.errors).toBeUndefined();
    await got(2);
    await expect.poll(() => tablet.received.length, { timeout: 30_000 }).toBe(2);

    // The tablet goes to the background; the others live on.
    tablet.following.pause();
    const quoted = await camille.request<{ quotePolicyChange: { quote: { id: string } } }>(
      'mutation($i: PolicyChangeInput!) { quotePolicyChange(input: $i) { ... on PolicyChangeQuoted { quote { id } } } }',
      { i: { policyId: DEMO.camille.policyId, addOptions: ['VALUABLES'], valuablesCents: 800_000 } },
    );
    const applied = await camille.request<{ applyPolicyChange: { __typename: string } }>(
      'mutation($q: ID!) { applyPolicyChange(quoteId: $q) { __typename } }',
      { q: quoted.data!.quotePolicyChange.quote.id },
    );
    expect(applied.data?.applyPolicyChange.__typename).toBe('PolicyChangeApplied');
    await got(3);
    // The avenant, and the conditions particulières and certificate of guarantees issued with it.
    await expect
      .poll(() => phone.received.filter((e) => e.__typename === 'DocumentIssuedUpdate').length, { timeout: 30_000 })
      .toBe(3);
    const payments = system.services.payments.app;
    const due = await payments.prisma.scheduledPayment.findFirstOrThrow({
      where: { customerId: DEMO.camille.customerId, status: 'PLANNED' },
      orderBy: { dueDate: 'asc' },
    });
    expect(await recordRejection(payments, due.id, 'AM04')).toMatchObject({ kind: 'recorded' });
    await got(4);
    await advance(staff, DEMO.camilleClaimId, 'ACKNOWLEDGED');
    await got(5);
    // A fourth device signs in, then out: every device learns of both.
    const other = await customer(url, 'camille');
    const sessions = await other.request<{ me: { sessions: { id: string; current: boolean }[] } }>(
      '{ me { sessions { id current } } }',
    );
    const ended = sessions.data!.me.sessions.find((s) => s.current)!.id;
    await got(6);
    await other.request('mutation { logout }');
    await got(7);

    // Back in the foreground: the tablet gets what it missed, from its stored cursor.
    tablet.following.resume();
    await expect.poll(() => tablet.received.length, { timeout: 30_000 }).toBe(10);
    await expect.poll(() => laptop.received.length, { timeout: 30_000 }).toBe(10);

    expect(main(phone.received).map((e) => e.__typename)).toEqual([
      'ClaimStatusUpdate',
      'ProfileUpdate',
      'ContractUpdate',
      'PaymentUpdate',
      'ClaimStatusUpdate',
      'SignInUpdate',
      'SessionRevokedUpdate',
    ]);
    expect(main(phone.received)).toMatchObject([
      { from: 'EXPERT_ASSIGNED', status: 'DOCUMENTS_REQUESTED', claim: { reference: 'SIN-2026-004217' } },
      { changedFields: ['lastName'], customer: { lastName: 'Martin-Roux' } },
      {
        version: 2,
        policy: { number: DEMO.camille.contractNumber },
        annualPremium: { amountCents: expect.any(Number) },
      },
      { kind: 'DEBIT_REJECTED', policy: { number: DEMO.camille.contractNumber } },
      { from: 'DOCUMENTS_REQUESTED', status: 'ACKNOWLEDGED' },
      { session: { id: ended } },
      { sessionId: ended },
    ]);
    // One cursor, strictly increasing, the same events in the same order on every device.
    const positions = phone.received.map((e) => BigInt(e.cursor.split('.')[1]!));
    expect(phone.received.every((e) => e.cursor.startsWith('users.'))).toBe(true);
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    expect(laptop.received).toEqual(phone.received);
    expect(tablet.received).toEqual(phone.received);
    expect(phone.received.filter((e) => e.__typename === 'DocumentIssuedUpdate').map((e) => e.document)).toEqual([
      { kind: 'AVENANT' },
      { kind: 'PARTICULAR_CONDITIONS' },
      { kind: 'CERTIFICATE' },
    ]);
    expect(tablet.storage.entries()).toEqual([['events', phone.received.at(-1)!.cursor]]);
    expect(louis.received).toEqual([]);

    // The same origin event delivered again (at-least-once bus) adds nothing to the stream.
    const [origin] = await system.services.claims.app.outbox.since(
      Events.claimStatusChanged,
      DEMO.camille.customerId,
      0n,
    );
    const before = await lastCursor(DEMO.camille.customerId);
    await copyToFeed(system.services.users.app, origin!);
    expect(await lastCursor(DEMO.camille.customerId)).toBe(before);

    for (const d of [phone, laptop, tablet, louis]) await d.following.stop();
  });

  it('carries payment methods, the schedule and the second factor on the same stream', async () => {
    const camille = await customer(url, 'camille');
    const phone = device(camille, await lastCursor(DEMO.camille.customerId));
    await expect.poll(() => phone.following.state, { timeout: 30_000 }).toBe('live');
    const added = await camille.request<{ addCard: { paymentMethod: { id: string } } }>(
      'mutation { addCard(input: { pspToken: "tok_visa_4242abcd", brand: "Visa", last4: "4242", expiry: "12/30" }) { ... on PaymentMethodAdded { paymentMethod { id } } } }',
    );
    const cardId = added.data!.addCard.paymentMethod.id;
    await expect.poll(() => phone.received.length, { timeout: 30_000 }).toBe(1);
    await camille.request('mutation($id: ID!) { setDefaultPaymentMethod(paymentMethodId: $id) { __typename } }', {
      id: cardId,
    });
    await expect.poll(() => phone.received.length, { timeout: 30_000 }).toBe(2);
    const moved = await camille.request<{ changeDueDay: { __typename: string } }>(
      'mutation($p: ID!) { changeDueDay(policyId: $p, day: 12, confirm: true) { __typename } }',
      { p: DEMO.camille.policyId },
    );
    expect(moved.data?.changeDueDay.__typename).toBe('DueDayChange');
    await expect.poll(() => phone.received.length, { timeout: 30_000 }).toBe(3);
    const enrolment = await camille.request<{ startTwoFactorEnrolment: { otpauthUri: string } }>(
      'mutation { startTwoFactorEnrolment { otpauthUri } }',
    );
    const secret = new URL(enrolment.data!.startTwoFactorEnrolment.otpauthUri).searchParams.get('secret')!;
    const confirmed = await camille.request(
      'mutation($c: String!) { confirmTwoFactorEnrolment(code: $c) { __typename } }',
      {
        c: await totpCode(secret, new Date()),
      },
    );
    expect(confirmed.errors).toBeUndefined();
    await expect.poll(() => phone.received.length, { timeout: 30_000 }).toBe(4);
    expect(phone.received).toMatchObject([
      { __typename: 'PaymentMethodsUpdate', change: 'ADDED', methodId: cardId },
      { __typename: 'PaymentMethodsUpdate', change: 'DEFAULT_CHANGED', methodId: cardId },
      { __typename: 'ScheduleUpdate', dueDay: 12, policy: { number: DEMO.camille.contractNumber } },
      { __typename: 'SecondFactorUpdate', enabled: true },
    ]);
    await phone.following.stop();
    // The other tests sign Camille in with her password alone.
    await system.services.users.app.prisma.customer.update({
      where: { id: DEMO.camille.customerId },
      data: { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null },
    });
  });

  it('gives with the state the cursor to follow from, so a change made before the device subscribes is not missed', async () => {
    const staff = await staffOnce();
    const before = await lastCursor(DEMO.camille.customerId);
    const camille = await customer(url, 'camille');
    // The sign-in is itself on the stream, copied there a moment later: wait for it, so that the screen below is read
    // after it (a change still being copied when a screen is read comes as an event after the screen's cursor).
    await expect.poll(() => lastCursor(DEMO.camille.customerId), { timeout: 30_000 }).not.toBe(before);
    // A screen reads what it shows and where the stream stands, in one answer.
    const screen = await camille.request<{ me: { eventsCursor: string } }>('{ me { lastName eventsCursor } }');
    const at = screen.data!.me.eventsCursor;
    expect(at).toBe(await lastCursor(DEMO.camille.customerId));
    // The claim moves while the app is still opening its socket.
    const status = async () => {
      const { data } = await camille.request<{ me: { claims: { id: string; status: string }[] } }>(
        '{ me { claims { id status } } }',
      );
      return data!.me.claims.find((c) => c.id === DEMO.camilleClaimId)!.status;
    };
    const first = NEXT[await status()]!;
    await advance(staff, DEMO.camilleClaimId, first, 'Étape du test.');
    const moved = async () => (await lastCursor(DEMO.camille.customerId)) !== at;
    await expect.poll(moved, { timeout: 30_000 }).toBe(true);
    // Followed from the cursor read with the screen: exactly that move, then live.
    const phone = device(camille, at);
    await expect.poll(() => phone.received.length, { timeout: 30_000 }).toBe(1);
    expect(phone.received[0]).toMatchObject({ __typename: 'ClaimStatusUpdate', status: first });
    expect(phone.received[0]!.cursor).toBe(await lastCursor(DEMO.camille.customerId));
    await advance(staff, DEMO.camilleClaimId, NEXT[first]!, 'Étape du test.');
    await expect.poll(() => phone.received.length, { timeout: 30_000 }).toBe(2);
    await phone.following.stop();
    // Louis's answer names his own stream's position, not Camille's.
    const louis = await customer(url, 'louis');
    const his = await louis.request<{ me: { eventsCursor: string } }>('{ me { eventsCursor } }');
    expect(his.data!.me.eventsCursor).toBe(await lastCursor(DEMO.louis.customerId));
  });

  it('refuses a cursor of another stream with a typed error', async () => {
    const camille = await customer(url, 'camille');
    const { data, errors } = await new Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>(
      (resolve) => {
        const socket = camille.socket();
        socket.subscribe(
          { query: EVENTS, variables: { after: 'claims.12' } },
          { next: (r) => resolve(r as never), error: (e) => resolve({ errors: e as never }), complete: () => {} },
        );
      },
    );
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });
});
