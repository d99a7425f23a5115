// Erasure on PostgreSQL and Redis (issue 15.5): each subgraph's consumer erases its part once (again: no change),
// and each purge, run under an injected clock moved across the terms, deletes exactly what reached its date, then
// nothing more.
import { addYears, DEMO, manualClock } from '@abri/platform';
import { customer, startTestSystem } from '@abri/testkit';
import { type TestServices, testServices } from '@abri/testkit/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsErasure } from '../../subgraphs/claims/src/app/erasure.ts';
import { paymentsErasure } from '../../subgraphs/payments/src/app/erasure.ts';
import { policiesErasure } from '../../subgraphs/policies/src/app/erasure.ts';
import { purgeUsers, recordErasureCheck, requestErasure } from '../../subgraphs/users/src/app/erasure.ts';

const DAY = 86_400_000;
const clock = manualClock(new Date('2026-12-01T10:00:00Z'));
const start = clock.now();
let services: TestServices;
let system: Awaited<ReturnType<typeof startTestSystem>>;

beforeAll(async () => {
  services = await testServices();
  system = await startTestSystem({
    clock,
    production: { ...(services.databaseUrl ? { databaseUrl: services.databaseUrl } : {}), bus: services.bus },
  });
}, 180_000);
afterAll(async () => {
  await system?.stop();
  await services?.dispose();
});

const id = DEMO.louis.customerId;
const ended = addYears(start, -1);
const closed = new Date(start.getTime() - 30 * DAY);

describe(`erasure consumers and purges (${process.env['ABRI_TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite'})`, () => {
  let requestId: string;

  it('carries out an unblocked request in every subgraph', async () => {
    const { users, policies, claims } = system.services;
    // A session and a sign-in to keep as connection history.
    await customer(system.gateway.url, 'louis');
    // Louis's contract ended a year ago and his claim was closed a month ago.
    await policies.app.prisma.policy.update({
      where: { id: DEMO.louis.policyId },
      data: { status: 'TERMINATED', endedAt: ended },
    });
    await claims.app.prisma.claim.update({ where: { id: DEMO.louisClaimId }, data: { status: 'CLOSED' } });
    await claims.app.prisma.claimStatusChange.create({
      data: {
        claimId: DEMO.louisClaimId,
        from: 'DECLARED',
        to: 'CLOSED',
        at: closed,
        actorKind: 'SYSTEM',
        actorId: 'test',
      },
    });
    const outcome = await requestErasure(users.app, id, { recentlyAuthenticated: true });
    if (outcome.kind !== 'requested') throw new Error(outcome.kind);
    requestId = outcome.request.id;
    await expect
      .poll(async () => (await users.app.prisma.erasureRequest.findUnique({ where: { id: requestId } }))?.status, {
        timeout: 60_000,
      })
      .toBe('DONE');
    await expect
      .poll(
        async () => (await policies.app.prisma.policy.findUnique({ where: { id: DEMO.louis.policyId } }))?.retainUntil,
        {
          timeout: 30_000,
        },
      )
      .toEqual(addYears(ended, 5));
    await expect
      .poll(async () => (await claims.app.prisma.claim.findUnique({ where: { id: DEMO.louisClaimId } }))?.retainUntil, {
        timeout: 30_000,
      })
      .toEqual(addYears(closed, 5));
    await expect
      .poll(
        async () => system.services.payments.app.prisma.payment.count({ where: { customerId: id, retainUntil: null } }),
        {
          timeout: 30_000,
        },
      )
      .toBe(0);
  });

  it('stamps each kept row with its own term, and changes nothing when an event comes again', async () => {
    const { users, policies, claims, payments } = system.services;
    const payment = await payments.app.prisma.payment.findFirstOrThrow({ where: { customerId: id } });
    expect(payment.retainUntil).toEqual(addYears(payment.paidAt, 10));
    const method = await payments.app.prisma.paymentMethod.findFirstOrThrow({ where: { customerId: id } });
    expect(method).toMatchObject({ isDefault: false, pspToken: null });
    expect(method.retainUntil).toEqual(addYears(method.removedAt!, 10));
    const session = await users.app.prisma.session.findFirst({ where: { customerId: id } });
    if (session) expect(session.retainUntil).toEqual(addYears(session.lastSeenAt, 1));
    expect(await users.app.prisma.credential.count({ where: { customerId: id } })).toBe(0);

    const snapshot = async () => ({
      policy: await policies.app.prisma.policy.findMany({ where: { customerId: id }, select: { retainUntil: true } }),
      claims: await claims.app.prisma.claim.findMany({ where: { customerId: id }, select: { retainUntil: true } }),
      payments: await payments.app.prisma.payment.findMany({
        where: { customerId: id },
        select: { id: true, retainUntil: true },
        orderBy: { id: 'asc' },
      }),
      methods: await payments.app.prisma.paymentMethod.findMany({ where: { customerId: id } }),
      customer: await users.app.prisma.customer.findUniqueOrThrow({ where: { id } }),
      request: await users.app.prisma.erasureRequest.findUniqueOrThrow({ where: { id: requestId } }),
    });
    const before = await snapshot();
    clock.advance(DAY);
    await policiesErasure(policies.app).erase(id);
    await claimsErasure(claims.app).erase(id);
    await paymentsErasure(payments.app).erase(id);
    await recordErasureCheck(users.app, 'policies', id, requestId, []);
    expect(await snapshot()).toEqual(before);
  });

  it('purges each row once its term is over, and nothing before; a second run deletes nothing', async () => {
    const { users, policies, claims, payments } = system.services;
    const purges = {
      users: () => purgeUsers(users.app),
      policies: policiesErasure(policies.app).purge,
      claims: claimsErasure(claims.app).purge,
      payments: paymentsErasure(payments.app).purge,
    };
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const at = async (when: Date) => {
      clock.set(when);
      const counts: Record<string, Record<string, number>> = {};
      for (const [name, purge] of Object.entries(purges)) counts[name] = await purge();
      return counts;
    };

    // Nothing has reached its term yet (Louis's first payment was made in 2021).
    for (const counts of Object.values(await at(new Date(start.getTime() + 2 * DAY)))) expect(total(counts)).toBe(0);

    // A year on: the connections go, and the pseudonymised account with them (it held nothing longer).
    const oneYear = await at(addYears(new Date(start.getTime() + 2 * DAY), 1));
    expect(oneYear.users!['Customer']).toBe(1);
    expect(await users.app.prisma.session.count({ where: { customerId: id } })).toBe(0);
    expect(await users.app.prisma.erasureRequest.count({ where: { id: requestId } })).toBe(1);
    expect(total(oneYear.policies!) + total(oneYear.claims!)).toBe(0);

    // The contract: 5 years after its end, to the day.
    expect((await at(new Date(addYears(ended, 5).getTime() - 1000))).policies).toEqual({ Policy: 0 });
    expect((await at(addYears(ended, 5))).policies).toEqual({ Policy: 1 });
    expect(await policies.app.prisma.dwelling.count({ where: { policyId: DEMO.louis.policyId } })).toBe(0);

    // The claim: 5 years after it was closed.
    expect((await at(new Date(addYears(closed, 5).getTime() - 1000))).claims!['Claim']).toBe(0);
    expect((await at(addYears(closed, 5))).claims).toMatchObject({ Claim: 1 });
    expect(await claims.app.prisma.claimStatusChange.count({ where: { claimId: DEMO.louisClaimId } })).toBe(0);

    // The request's own record: 5 years after it was made.
    expect((await at(addYears(start, 5))).users!['ErasureRequest']).toBe(1);

    // Accounting records: each payment 10 years after it was made; all of them once the last one's are over.
    const last = await payments.app.prisma.payment.findFirstOrThrow({
      where: { customerId: id },
      orderBy: { paidAt: 'desc' },
    });
    const paid = await payments.app.prisma.payment.count({ where: { customerId: id } });
    const tenYears = await at(addYears(last.paidAt, 10));
    expect(tenYears.payments!['Payment']).toBe(paid);
    const methodTerm = (await payments.app.prisma.paymentMethod.findFirstOrThrow({ where: { customerId: id } }))
      .retainUntil!;
    await at(methodTerm > clock.now() ? methodTerm : clock.now());
    for (const model of ['payment', 'paymentMethod', 'scheduledPayment', 'contractParty'] as const)
      expect(
        await (payments.app.prisma[model] as unknown as { count(a: object): Promise<number> }).count({
          where: { customerId: id },
        }),
        model,
      ).toBe(0);

    // Idempotent: nothing left to delete.
    for (const counts of Object.values(await at(clock.now()))) expect(total(counts)).toBe(0);
    // Camille, who asked for nothing, keeps everything.
    expect(await users.app.prisma.customer.count({ where: { id: DEMO.camille.customerId, erasedAt: null } })).toBe(1);
    expect(
      await policies.app.prisma.policy.count({ where: { customerId: DEMO.camille.customerId, retainUntil: null } }),
    ).toBeGreaterThan(0);
    expect(await payments.app.prisma.payment.count({ where: { customerId: DEMO.camille.customerId } })).toBeGreaterThan(
      0,
    );
  });
});
