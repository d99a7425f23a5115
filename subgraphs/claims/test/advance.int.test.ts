// Moving a claim on PostgreSQL, as the gateway calls claims: what one move writes (status, timeline, audit, the
// customer's access log, the event), two adjusters moving the same claim at once (one wins, the other is told why),
// and a database with no connection free in time (the caller is told to retry, and nothing was written).
import { DEMO } from '@abri/platform';
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
    const rows = await app.prisma.$queryRawUnsafe<{ topic: string; payload: unknown }[]>(
      `SELECT topic, payload FROM "claims"."OutboxEvent" WHERE "customerId" = $1 ORDER BY id DESC LIMIT 2`,
      DEMO.camille.customerId,
    );
    expect(rows.map((r) => r.topic).sort()).toEqual(['claims.claimStatusChanged', 'claims.staffAccessed']);
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
      { i: { claimId: DEMO.camilleClaimId, to: 'INDEMNITY_COMPUTED', assessedDamageCents: 120_000 } },
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
});
