// The security score of a customer now, and as it stood day after day. A sign-in and each security change write the
// day's point (the day's last value wins), so the customer can follow its evolution; points older than the history's
// term are deleted as new ones come, so the history stays bounded. Reading the score or its history writes nothing:
// the history ends on the score computed now.
import { type SecurityScore, securityScore } from '../domain/security-score.ts';
import type { UsersApp } from './index.ts';

const DAY_MS = 86_400_000;
/** How far back the history goes. @default 400 days (a year and its month of comparison) */
export const SCORE_HISTORY_DAYS = 400;
/** Sign-ins from a new device or country count against the score this long, unless the customer reviewed them. */
const UNRECOGNISED_WINDOW_DAYS = 90;
/** Connection regularity looks at three periods of this many days. */
const REGULARITY_PERIOD_DAYS = 30;

const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** The score from what the account holds now. */
export async function currentSecurityScore(app: UsersApp, customerId: string): Promise<SecurityScore> {
  const now = app.clock.now();
  const since = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const [customer, credential, unrecognised, signIns] = await Promise.all([
    app.prisma.customer.findUniqueOrThrow({ where: { id: customerId } }),
    app.prisma.credential.findFirst({ where: { customerId }, orderBy: { seq: 'desc' } }),
    app.prisma.signInEvent.count({
      where: {
        customerId,
        unrecognised: true,
        review: null,
        at: { gte: since(UNRECOGNISED_WINDOW_DAYS) },
      },
    }),
    // Whether each of the last three periods had a successful sign-in: one row looked for in each, however many
    // sign-ins there were.
    Promise.all(
      [0, 1, 2].map((p) =>
        app.prisma.signInEvent.findFirst({
          where: {
            customerId,
            outcome: 'SUCCESS',
            at: { gt: since((p + 1) * REGULARITY_PERIOD_DAYS), lte: since(p * REGULARITY_PERIOD_DAYS) },
          },
          select: { id: true },
        }),
      ),
    ),
  ]);
  return securityScore({
    passwordStrength: (credential?.strength ?? null) as 0 | 1 | 2 | 3 | 4 | null,
    twoFactorEnabled: customer.totpEnabledAt !== null || customer.smsTwoFactorEnabledAt !== null,
    twoFactorBySms: customer.totpEnabledAt === null && customer.smsTwoFactorEnabledAt !== null,
    passwordChangedAt: credential?.createdAt ?? null,
    emailVerified: customer.emailVerifiedAt !== null,
    phoneVerified: customer.phoneVerifiedAt !== null,
    unrecognisedSignIns: unrecognised,
    activeMonths: signIns.filter((found) => found !== null).length,
    now,
  });
}

/** Computes the score and keeps it as today's point of the history; returns it. */
async function recordSecurityScore(app: UsersApp, customerId: string): Promise<SecurityScore> {
  const score = await currentSecurityScore(app, customerId);
  const now = app.clock.now();
  const day = dayOf(now);
  const factors = Object.fromEntries(score.factors.map((f) => [f.key, f.points]));
  await app.prisma.$transaction([
    app.prisma.securityScorePoint.upsert({
      where: { customerId_day: { customerId, day } },
      create: { customerId, day, score: score.score, factors, at: now },
      update: { score: score.score, factors, at: now },
    }),
    app.prisma.securityScorePoint.deleteMany({
      where: { customerId, day: { lt: new Date(day.getTime() - SCORE_HISTORY_DAYS * DAY_MS) } },
    }),
  ]);
  return score;
}

/** Keeps today's point after a change that moves the score; a failure is logged, never the change's failure. */
export async function noteSecurityChange(app: UsersApp, customerId: string): Promise<void> {
  await recordSecurityScore(app, customerId).catch((error) =>
    app.log.warn('security score point not recorded', { error: String(error) }),
  );
}

export interface ScorePoint {
  day: Date;
  score: number;
  factors: Record<string, number>;
}

/** The points of the last `days` days, oldest first, ending today on the score now (computed, not written). */
export async function securityScoreHistory(app: UsersApp, customerId: string, days: number): Promise<ScorePoint[]> {
  const today = dayOf(app.clock.now());
  const from = new Date(today.getTime() - (days - 1) * DAY_MS);
  const [rows, current] = await Promise.all([
    app.prisma.securityScorePoint.findMany({
      where: { customerId, day: { gte: from, lt: today } },
      orderBy: { day: 'asc' },
    }),
    currentSecurityScore(app, customerId),
  ]);
  return [
    ...rows.map((r) => ({ day: r.day, score: r.score, factors: r.factors as Record<string, number> })),
    { day: today, score: current.score, factors: Object.fromEntries(current.factors.map((f) => [f.key, f.points])) },
  ];
}
