// Erasure with legal retention (issue 15.5, RGPD article 17). Users owns the request; the other subgraphs own their
// data. The protocol, all through outboxes and durable consumers (no subgraph reads another's tables):
// 1. users records the request and announces `users.erasureRequested`;
// 2. policies, claims and payments each answer `<service>.erasureChecked` with what prevents the erasure in their part
//    (a contract still running, a claim still open, a premium still owed), changing nothing;
// 3. users decides once every answer is in: refused (nothing erased, the customer is told why), or it erases its
//    own part, closes the account and its sessions, tells the customer, and announces `users.customerErased`;
// 4. each subgraph then deletes what no law keeps and stamps what it must keep with `retainUntil`, computed from
//    the register's rule (register.ts, `ErasureRule`); its purge job deletes those rows once the date has passed.
// The erasure preview (`me.erasurePreview`) shows the same rules and blockers beforehand.
import type { Clock } from '../clock.ts';
import type { EventBus } from '../events/bus.ts';
import { Events, type PayloadOf } from '../events/catalog.ts';
import type { Outbox, TransactionalSql } from '../events/outbox.ts';
import type { Logger } from '../log.ts';
import { every, PURGE_INTERVAL_MS, type Stop, stopAll } from '../schedule.ts';
import type { DataCategory, ErasureRule, PersonalDataRegister } from './register.ts';

// The topics: `Events.erasureRequested` (users → all), `Events.erasureChecked[<service>]` (<service> → users, what
// prevents the erasure there) and `Events.customerErased` (users → all: the request was accepted and users' part is
// done; erase yours).
/** The subgraphs whose answer users waits for before it decides. */
export const ERASURE_CHECKERS = ['policies', 'claims', 'payments'] as const;
export type ErasureChecker = (typeof ERASURE_CHECKERS)[number];

export type ErasureRequestPayload = PayloadOf<typeof Events.erasureRequested>;
export type ErasureCheckedPayload = PayloadOf<(typeof Events.erasureChecked)[ErasureChecker]>;

/**
 * What prevents an erasure. Our choice: the customer must end these first. An insurer cannot erase a contract that
 * still runs (it must be able to pay a claim and collect the premium, and the customer would lose their space
 * while still insured), nor an open claim it has to settle, nor a premium still owed (articles L113-3 and L114-1 of
 * the Code des assurances); and the data of each would have to be kept anyway.
 */
export const ErasureBlockerKind = {
  CONTRACT_ACTIVE: 'CONTRACT_ACTIVE',
  CLAIM_OPEN: 'CLAIM_OPEN',
  ARREARS: 'ARREARS',
} as const;
export type ErasureBlockerKind = (typeof ErasureBlockerKind)[keyof typeof ErasureBlockerKind];

export interface ErasureBlocker {
  kind: ErasureBlockerKind;
  /** The contract number or claim reference concerned. */
  reference: string;
}

const NBSP = '\u00a0';
/** The blocker in French, with what the customer can do. */
export function erasureBlockerMessage(blocker: ErasureBlocker): string {
  switch (blocker.kind) {
    case 'CONTRACT_ACTIVE':
      return `Votre contrat ${blocker.reference} est en cours${NBSP}: résiliez-le d’abord, nous effacerons vos données ensuite.`;
    case 'CLAIM_OPEN':
      return `Votre sinistre ${blocker.reference} n’est pas clos${NBSP}: nous devons d’abord le régler.`;
    case 'ARREARS':
      return `Une cotisation du contrat ${blocker.reference} reste impayée${NBSP}: réglez-la d’abord.`;
  }
}

/** `date` plus `years` calendar years (UTC); 29 February becomes 1 March in a common year. */
export function addYears(date: Date, years: number): Date {
  const out = new Date(date.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** `date` plus `months` calendar months (UTC), on the last day of the month when it has no such day (31 May − 3 months: 28 or 29 February). */
export function addMonths(date: Date, months: number): Date {
  const out = new Date(date.getTime());
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

/** Until when a row is kept after an erasure: null when the rule deletes it at once. */
export const retainUntil = (rule: ErasureRule | undefined, anchor: Date): Date | null =>
  rule?.keep ? addYears(anchor, rule.years) : null;

/** The erasure rule of a category of `register` (deleted at once when it names none). */
export function erasureRuleOf<C extends string>(register: PersonalDataRegister<C>, category: C): ErasureRule {
  return (register.categories as Record<string, DataCategory>)[category]?.erasure ?? { keep: false };
}

/** One category as the erasure preview shows it. */
export interface ErasureItem {
  key: string;
  label: string;
  /** Until when it is kept; null when deleted at once, or when the term has not started (a contract still running). */
  retainUntil: Date | null;
  /** Why it is kept (the law or the interest), null when deleted. */
  reason: string | null;
}

/** One subgraph's part of the erasure preview. */
export interface ErasureSection {
  service: string;
  title: string;
  deletedNow: ErasureItem[];
  kept: ErasureItem[];
  blockers: ErasureBlocker[];
}

/**
 * A subgraph's preview from its register: `held` names the categories the customer has data in, each with the date
 * its term starts from for the latest row (the end of the last contract, the closing of the last claim, the last
 * record), or null when that term has not started yet. Categories not held are left out.
 */
export function erasureSection(
  register: PersonalDataRegister,
  held: Partial<Record<string, Date | null>>,
  blockers: ErasureBlocker[],
): ErasureSection {
  const deletedNow: ErasureItem[] = [];
  const kept: ErasureItem[] = [];
  for (const [key, category] of Object.entries(register.categories as Record<string, DataCategory>)) {
    if ((category.about ?? 'customer') !== 'customer' || !(key in held)) continue;
    const rule = category.erasure ?? { keep: false };
    if (!rule.keep) {
      deletedNow.push({ key, label: category.label, retainUntil: null, reason: null });
      continue;
    }
    const anchor = held[key] ?? null;
    kept.push({ key, label: category.label, retainUntil: anchor && retainUntil(rule, anchor), reason: rule.reason });
  }
  return { service: register.service, title: register.title, deletedNow, kept, blockers };
}

/** The latest of some dates (null when none). */
export const latest = (dates: readonly (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/** What a subgraph brings to the erasure protocol; every function is idempotent and reads the injected clock. */
export interface ErasureParticipant {
  service: ErasureChecker;
  /** What prevents erasing this customer's data here (none: it may go ahead). */
  blockers(customerId: string): Promise<ErasureBlocker[]>;
  /** Deletes what no law keeps and stamps the rest with `retainUntil`. */
  erase(customerId: string): Promise<void>;
  /** Deletes what reached its `retainUntil`; returns the rows deleted, by model. */
  purge(): Promise<Record<string, number>>;
}

/** Runs a purge and logs how many rows of each model went (counts only: nothing about anyone). */
export async function runPurge(
  deps: { log: Logger },
  service: string,
  purge: () => Promise<Record<string, number>>,
): Promise<Record<string, number>> {
  const counts = await purge();
  const deleted = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  if (Object.keys(deleted).length) deps.log.info('retention purge', { service, deleted });
  return counts;
}

/**
 * Joins a subgraph to the protocol: answers each request with its blockers, erases when users announces the
 * erasure, and purges on a schedule. Resolves to what stops it.
 */
export async function joinErasure(
  app: { bus: EventBus; outbox: Outbox; prisma: TransactionalSql; clock: Clock; log: Logger },
  participant: ErasureParticipant,
  purgeEveryMs = PURGE_INTERVAL_MS,
): Promise<Stop> {
  const { service } = participant;
  const stops = [
    await app.bus.consume(Events.erasureRequested, `${service}-erasure-check`, async (event) => {
      if (!event.customerId) return;
      const payload: ErasureCheckedPayload = {
        requestId: event.payload.requestId,
        blockers: await participant.blockers(event.customerId),
      };
      // Answering twice is harmless: users keeps the first answer of each service.
      await app.prisma.$transaction((tx) =>
        app.outbox.add(tx, Events.erasureChecked[service], {
          customerId: event.customerId,
          payload,
          at: app.clock.now(),
        }),
      );
      app.outbox.kick();
    }),
    await app.bus.consume(Events.customerErased, `${service}-erasure`, async (event) => {
      if (event.customerId) await participant.erase(event.customerId);
    }),
    every(app, `${service} retention purge`, purgeEveryMs, () => runPurge(app, service, participant.purge)),
  ];
  return stopAll(stops);
}
