// Moving a claim on PostgreSQL, as the gateway calls claims: what one move writes (status, timeline, audit, the
// customer's access log, the event), two adjusters moving the same claim at once (one wins, the other is told why),
// and a database with no connection free in time (the caller is told to retry, and nothing was written).
import { DEMO, Events } from '@abri/platform';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ADJUSTER, startClaimsOnPostgres } from './postgres.ts';

const NOW = new Date('2026-12-01T09:00:00Z');
// A pool of two connections: the test can take both.
const system = await startClaimsOnPostgres(NOW, { maxConnections: 2 });
afterAll(async () => {
  await system?.stop();
});

const ADVANCE = `mutation($i: AdvanceClaimInput!) {
  advanceClaim(input: $i) {
    __typename
    ... on AdvanceClaimSuccess { claim { id status } }
    ... on TransitionNotAllowed { from to reason }
  }
}`;
type Advanced = { advanceClaim: { __typename: string; claim?: { status: string }; reason?: string } };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** What a move leaves behind for `claimId`: its status and the rows written about it. */
async function traces(claimId: string) {
  const app = system!.app;
  const claim = await app.prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
  const [events] = await app.prisma.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*) AS count FROM "claims"."OutboxEvent" WHERE "customerId" = $1`,
    claim.customerId,
  );
  return {
    status: claim.status,
    updatedAt: claim.updatedAt,
    history: await app.prisma.claimStatusChange.count({ where: { claimId } }),
    audit: await app.prisma.staffAction.count({ where: { claimId } }),
    events: Number(events!.count),
  };
}

describe.runIf(system !== null)('moving a claim on PostgreSQL', () => {
  it('records the move, its timeline step, the audit line, the access log entry and the event, together', async () => {
    const { app, call } = system!;
    const before = await traces(DEMO.camilleClaimId);
    const result = await call<Advanced>(
      ADVANCE,
      { i: { claimId: DEMO.camilleClaimId, to: 'EXPERT_REPORT', note: 'Rapport reçu.' } },
      ADJUSTER,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.advanceClaim).toEqual({
      __typename: 'AdvanceClaimSuccess',
      claim: { id: DEMO.camilleClaimId, status: 'EXPERT_REPORT' },
    });
    const after = await traces(DEMO.camilleClaimId);
    expect(after).toMatchObject({
      status: 'EXPERT_REPORT',
      history: before.history + 1,
      audit: before.audit + 1,
      // The customer's access log (claims.staffAccessed) and the status change (claims.claimStatusChanged).
      events: before.events + 2,
    });
    const step = await app.prisma.claimStatusChange.findFirstOrThrow({
      where: { claimId: DEMO.camilleClaimId },
      orderBy: { at: 'desc' },
    });
    expect(step).toMatchObject({
      from: 'EXPERT_ASSIGNED',
      to: 'EXPERT_REPORT',
      actorKind: 'STAFF',
      actorId: DEMO.adjuster.staffId,
      note: 'Rapport reçu.',
    });
    const audit = await app.prisma.staffAction.findFirstOrThrow({ where: { claimId: DEMO.camilleClaimId } });
    expect(audit).toMatchObject({
      staffId: DEMO.adjuster.staffId,
      action: 'MOVE_TO_EXPERT_REPORT',
      details: { note: 'Rapport reçu.', assessedDamageCents: null },
    });
    expect(audit.at).toEqual(step.at);
    const rows = await app.prisma.$queryRawUnsafe<{ topic: string; createdAt: Date }[]>(
      `SELECT topic, "createdAt" FROM "claims"."OutboxEvent" WHERE "customerId" = $1 ORDER BY id DESC LIMIT 2`,
      DEMO.camille.customerId,
    );
    // The access log entry first, then the move, both at the move's time.
    expect(rows.reverse()).toEqual([
      { topic: 'claims.staffAccessed', createdAt: NOW },
      { topic: 'claims.claimStatusChanged', createdAt: NOW },
    ]);
    const [event] = await app.outbox.since(Events.claimStatusChanged, DEMO.camille.customerId, 0n);
    expect(event?.payload).toEqual({
      claimId: DEMO.camilleClaimId,
      reference: 'SIN-2026-004217',
      from: 'EXPERT_ASSIGNED',
      status: 'EXPERT_REPORT',
      indemnityCents: null,
    });
  });

  it('lets one of two adjusters moving the same claim at once through, and tells the other where it stands', async () => {
    const { call } = system!;
    const before = await traces(DEMO.louisClaimId);
    expect(before.status).toBe('DECLARED');
    const move = () =>
      call<Advanced>(ADVANCE, { i: { claimId: DEMO.louisClaimId, to: 'ACKNOWLEDGED', note: null } }, ADJUSTER);
    const results = await Promise.all([move(), move()]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(results.map((r) => r.data?.advanceClaim.__typename).sort()).toEqual([
      'AdvanceClaimSuccess',
      'TransitionNotAllowed',
    ]);
    expect(results.find((r) => r.data?.advanceClaim.__typename === 'TransitionNotAllowed')?.data).toEqual({
      advanceClaim: {
        __typename: 'TransitionNotAllowed',
        from: 'ACKNOWLEDGED',
        to: 'ACKNOWLEDGED',
        reason: 'NOT_ALLOWED',
      },
    });
    expect(await traces(DEMO.louisClaimId)).toMatchObject({
      status: 'ACKNOWLEDGED',
      history: before.history + 1,
      audit: before.audit + 1,
      events: before.events + 2,
    });
  });

  it('decides a move again when another one changed the claim between its read and its write', async () => {
    const { app, call } = system!;
    const before = await traces(DEMO.louisClaimId);
    expect(before.status).toBe('ACKNOWLEDGED');
    let answer: ReturnType<typeof call<Advanced>> | undefined;
    // Another writer holds the claim's row: the move reads ACKNOWLEDGED, then waits to write; the other writer moves
    // the claim to DOCUMENTS_REQUESTED and commits.
    await app.prisma.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe('SELECT id FROM "claims"."Claim" WHERE id = $1 FOR UPDATE', DEMO.louisClaimId);
        answer = call<Advanced>(
          ADVANCE,
          { i: { claimId: DEMO.louisClaimId, to: 'EXPERT_ASSIGNED', note: null } },
          ADJUSTER,
        );
        await expect
          .poll(async () => {
            const [row] = await tx.$queryRawUnsafe<{ waiting: number }[]>(
              `SELECT count(*)::int AS waiting FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            );
            return row?.waiting;
          })
          .toBe(1);
        await tx.claim.update({ where: { id: DEMO.louisClaimId }, data: { status: 'DOCUMENTS_REQUESTED' } });
      },
      { timeout: 60_000 },
    );
    const result = await answer!;
    expect(result.errors).toBeUndefined();
    expect(result.data?.advanceClaim.claim?.status).toBe('EXPERT_ASSIGNED');
    // The timeline says where the claim really was.
    const step = await app.prisma.claimStatusChange.findFirstOrThrow({
      where: { claimId: DEMO.louisClaimId },
      orderBy: { at: 'desc' },
    });
    expect(step).toMatchObject({ from: 'DOCUMENTS_REQUESTED', to: 'EXPERT_ASSIGNED' });
    expect(await traces(DEMO.louisClaimId)).toMatchObject({
      status: 'EXPERT_ASSIGNED',
      history: before.history + 1,
      audit: before.audit + 1,
      events: before.events + 2,
    });
  });

  it('asks payments to pay a computed indemnity without moving the claim, and says so in the audit and the outbox', async () => {
    const { app, call } = system!;
    const computed = await call<Advanced>(
      ADVANCE,
      { i: { claimId: DEMO.camilleClaimId, to: 'INDEMNITY_COMPUTED', assessedDamageCents: 120_000 } },
      ADJUSTER,
    );
    expect(computed.data?.advanceClaim.claim?.status).toBe('INDEMNITY_COMPUTED');
    const claim = await app.prisma.claim.findUniqueOrThrow({ where: { id: DEMO.camilleClaimId } });
    // 1,200 EUR of damage, the 150 EUR deductible of the demo's water damage.
    expect(claim).toMatchObject({ assessedDamageCents: 120_000, indemnityCents: 105_000 });
    const before = await traces(DEMO.camilleClaimId);
    const result = await call<Advanced>(
      ADVANCE,
      { i: { claimId: DEMO.camilleClaimId, to: 'PAID', note: null } },
      ADJUSTER,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.advanceClaim.__typename).toBe('PayoutRequested');
    expect(await traces(DEMO.camilleClaimId)).toMatchObject({
      status: 'INDEMNITY_COMPUTED',
      history: before.history,
      audit: before.audit + 1,
      events: before.events + 2,
    });
    const [requested] = await app.prisma.$queryRawUnsafe<{ payload: unknown }[]>(
      `SELECT payload FROM "claims"."OutboxEvent" WHERE topic = 'claims.payoutRequested' ORDER BY id DESC LIMIT 1`,
    );
    expect(requested).toBeDefined();
    const actions = await app.prisma.staffAction.findMany({
      where: { claimId: DEMO.camilleClaimId },
      orderBy: { at: 'asc' },
    });
    expect(actions.at(-1)?.action).toBe('REQUEST_PAYOUT');
  });

  it('answers UNAVAILABLE, retryable, in French, and writes nothing when no database connection frees in time', async () => {
    const { app, call } = system!;
    const before = await traces(DEMO.camilleClaimId);
    // Both connections of the pool taken by transactions that wait for the test.
    const release = deferred();
    const taken = [deferred(), deferred()];
    const holders = taken.map((held) =>
      app.prisma.$transaction(
        async (tx) => {
          await tx.$queryRawUnsafe('SELECT 1');
          held.resolve();
          await release.promise;
        },
        { maxWait: 60_000, timeout: 120_000 },
      ),
    );
    await Promise.all(taken.map((held) => held.promise));
    const result = await call<Advanced>(
      ADVANCE,
      { i: { claimId: DEMO.camilleClaimId, to: 'REFUSED', note: 'Dommage antérieur à la souscription.' } },
      ADJUSTER,
    );
    release.resolve();
    await Promise.all(holders);

    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      {
        message: 'Service momentanément indisponible : rien n’a été modifié, réessayez dans un instant.',
        path: ['advanceClaim'],
        extensions: { code: 'UNAVAILABLE', retryable: true },
      },
    ]);
    expect(await traces(DEMO.camilleClaimId)).toEqual(before);
  });

  it('writes a move in one statement, outside any transaction: the guarded update, the audit line, the timeline step, the events', async () => {
    const { call } = system!;
    // Every statement the claims service sends, and whether a transaction of several statements was open on its
    // connection (each statement holds a pooled connection for one round trip; a transaction for all of them).
    const sent: { sql: string; inTransaction: boolean }[] = [];
    const open = new WeakSet<object>();
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: object, ...args: unknown[]) {
      const first = args[0];
      const sql = (typeof first === 'string' ? first : ((first as { text?: string }).text ?? '')).trim();
      if (sql === 'BEGIN') open.add(this);
      sent.push({ sql: sql.replace(/\s+/g, ' '), inTransaction: open.has(this) });
      if (sql === 'COMMIT' || sql === 'ROLLBACK') open.delete(this);
      return query.apply(this, args);
    } as typeof pg.Client.prototype.query;
    try {
      const result = await call<Advanced>(
        ADVANCE,
        { i: { claimId: DEMO.louisClaimId, to: 'DOCUMENTS_REQUESTED', note: 'Photos de la baie vitrée.' } },
        ADJUSTER,
      );
      expect(result.data?.advanceClaim.__typename).toBe('AdvanceClaimSuccess');
    } finally {
      pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
    }
    const writes = sent.filter(({ sql }) => /"ClaimStatusChange"|"StaffAction"|UPDATE "claims"."Claim" /.test(sql));
    expect(writes).toHaveLength(1);
    const [move] = writes;
    expect(move!.inTransaction).toBe(false);
    for (const part of [
      'UPDATE "claims"."Claim"',
      'INSERT INTO "claims"."StaffAction"',
      'INSERT INTO "claims"."ClaimStatusChange"',
      'pg_advisory_xact_lock',
      'INSERT INTO "claims"."OutboxEvent"',
    ])
      expect(move!.sql).toContain(part);
    // And its traces are those of a move.
    const after = await traces(DEMO.louisClaimId);
    expect(after.status).toBe('DOCUMENTS_REQUESTED');
  });

  it('stamps a move later than the last update even when that one came from a clock ahead of this one', async () => {
    const { app, call } = system!;
    // Another replica, its clock a day ahead, moved the claim last: the next move's guard must still see a change.
    const ahead = new Date(Date.now() + 86_400_000);
    await app.prisma.$executeRawUnsafe(
      `UPDATE "claims"."Claim" SET "updatedAt" = $1::timestamp(3) WHERE id = $2`,
      ahead,
      DEMO.louisClaimId,
    );
    const result = await call<Advanced>(
      ADVANCE,
      { i: { claimId: DEMO.louisClaimId, to: 'ACKNOWLEDGED', note: 'Photos reçues.' } },
      ADJUSTER,
    );
    expect(result.data?.advanceClaim.__typename).toBe('AdvanceClaimSuccess');
    const after = await traces(DEMO.louisClaimId);
    expect(after.updatedAt.getTime()).toBeGreaterThan(ahead.getTime());
  });
});
