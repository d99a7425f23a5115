// The event catalogue is the one place topics are declared: no topic string elsewhere in the services' source, a
// payload that does not match its schema refused by the outbox and skipped (logged and counted) by the bus, and the
// README's table of producers and consumers rendered from it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { README, renderEventsTable, TABLE_BEGIN, TABLE_END, withEventsTable } from '../scripts/events-table.ts';
import { type BusEvent, createMemoryBus } from '../src/events/bus.ts';
import { allEvents, checkPayload, Events, InvalidEventPayload, type TypedEvent } from '../src/events/catalog.ts';
import { createOutbox, type SqlRunner, type TransactionalSql } from '../src/events/outbox.ts';
import { createLogger } from '../src/log.ts';
import { registry } from '../src/metrics.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CATALOGUE = 'platform/src/events/catalog.ts';
const SERVICES = ['users', 'policies', 'claims', 'payments', 'gateway'];
/** Where services' code lives (tests declare their own topics for the transport). */
const SOURCE_DIRS = [
  'platform/src',
  'gateway/src',
  ...readdirSync(join(ROOT, 'subgraphs'), { withFileTypes: true })
    .filter((entry) => existsSync(join(ROOT, 'subgraphs', entry.name, 'src')))
    .map((entry) => `subgraphs/${entry.name}/src`),
  'ops',
];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!['node_modules', 'generated', 'test', 'dist'].includes(entry.name)) yield* sourceFiles(path);
    } else if (/\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) yield path;
  }
}

const TOPIC_LIKE = new RegExp(`^(${SERVICES.join('|')})\\.[a-z][A-Za-z]+$`);
const NAMES = new Set(allEvents().map((e) => e.topic.slice(e.topic.indexOf('.') + 1)));

/**
 * The topics written in `code`'s string literals and templates: a whole `<service>.<name>` string, or a template
 * that builds one (`${source}.staffAccessed`). Comments are not code and may name topics.
 */
const MAYBE = new RegExp(`(${SERVICES.join('|')})\\.[a-z]|\\.(${[...NAMES].join('|')})\\b`);

function topicStrings(code: string, file = 'file.ts'): string[] {
  const found: string[] = [];
  if (!MAYBE.test(code)) return found;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (TOPIC_LIKE.test(node.text)) found.push(node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      for (const part of parts) {
        const name = /^\.([a-z][A-Za-z]+)$/.exec(part)?.[1];
        if (name && NAMES.has(name)) found.push(node.getText());
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true));
  return found;
}

describe('the event catalogue', () => {
  it('declares each topic once, named after the service whose outbox writes it', () => {
    const topics = allEvents().map((e) => e.topic);
    expect(new Set(topics).size).toBe(topics.length);
    for (const event of allEvents()) {
      expect(SERVICES).toContain(event.source);
      expect(event.topic.startsWith(`${event.source}.`)).toBe(true);
      expect(event.doc.producedBy, event.topic).not.toBe('');
      expect(event.doc.consumedBy.length, event.topic).toBeGreaterThan(0);
    }
  });

  it('finds topic strings in code, not in comments', () => {
    // Source code under test: `$` + `{` written apart, as the linter reads `${` in a string as a mistake.
    const at = (name: string) => `$${'{'}${name}}`;
    const code = [
      '// announces `claims.payoutRequested`',
      "const a = 'claims.payoutRequested';",
      'const b = `payments.newThing`;',
      `const c = (s: string) => \`${at('s')}.staffAccessed\`;`,
      `const d = 'claims.pdf.zip'; const e = \`${at('key')}.json\`;`,
    ].join('\n');
    expect(topicStrings(code)).toEqual(['claims.payoutRequested', 'payments.newThing', `\`${at('s')}.staffAccessed\``]);
  });

  it('is the only place in the services’ source that writes a topic', () => {
    const outside: string[] = [];
    let scanned = 0;
    for (const dir of SOURCE_DIRS)
      for (const file of sourceFiles(dir)) {
        if (file === CATALOGUE) continue;
        scanned++;
        for (const topic of topicStrings(readFileSync(join(ROOT, file), 'utf8'), file))
          outside.push(`${file}: ${topic}`);
      }
    expect(scanned).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });

  it('refuses a payload that does not match, and says where without saying what it held', () => {
    const ok = checkPayload(Events.payoutRequested, { claimId: 'c1', reference: 'SIN-2026-000001', amountCents: 100 });
    expect(ok.ok).toBe(true);
    const bad = checkPayload(Events.payoutRequested, {
      claimId: 'c1',
      reference: 'SIN-2026-000001',
      amountCents: '1€',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error).toBeInstanceOf(InvalidEventPayload);
    expect(bad.error.issues).toContain('amountCents');
    expect(bad.error.message).not.toContain('1€');
    expect(checkPayload(Events.claimStatusChanged, { claimId: 'c1', from: null, status: 'LOST' }).ok).toBe(false);
    expect(checkPayload(Events.sessionRevoked, null).ok).toBe(false);
  });

  it('accepts what the outboxes already hold: fields added later missing, fields a newer producer added', () => {
    const before = {
      policyId: 'p1',
      customerId: 'c1',
      number: 'HAB-2026-0001',
      status: 'ACTIVE',
      version: 1,
      guarantees: [{ code: 'WATER', label: 'Dégât des eaux', ceilingCents: 100, deductibleCents: 10 }],
    };
    expect(checkPayload(Events.policyTermsChanged, before).ok).toBe(true);
    const newer = { claimId: 'c1', payoutId: 'p1', amountCents: 100, currency: 'EUR' };
    const checked = checkPayload(Events.payoutRecorded, newer);
    expect(checked.ok && checked.payload).toEqual(newer);
  });

  it('refuses to write a payload that does not match, or another service’s topic, before touching the database', async () => {
    const sql: string[] = [];
    const tx: SqlRunner = {
      async $queryRawUnsafe(query: string) {
        sql.push(query);
        return [] as never;
      },
      async $executeRawUnsafe(query: string) {
        sql.push(query);
        return 0;
      },
    };
    const outbox = createOutbox({
      source: 'claims',
      db: tx as TransactionalSql,
      bus: createMemoryBus(),
      log: createLogger('test', { silent: true }),
    });
    const wrong = { claimId: 'c1', reference: 'SIN-2026-000001' } as unknown as {
      claimId: string;
      reference: string;
      amountCents: number;
    };
    await expect(outbox.add(tx, Events.payoutRequested, { customerId: 'c1', payload: wrong })).rejects.toThrow(
      InvalidEventPayload,
    );
    await expect(
      outbox.add(tx, Events.payoutRecorded, {
        customerId: 'c1',
        payload: { claimId: 'c1', payoutId: 'p1', amountCents: 1 },
      }),
    ).rejects.toThrow('the claims outbox cannot announce payments.payoutRecorded');
    expect(sql).toEqual([]);
  });

  it('skips an event whose payload does not match, with a log line and a count, and goes on with the next', async () => {
    const reported: Record<string, unknown>[] = [];
    const bus = createMemoryBus({ onError: (_message, fields) => reported.push(fields) });
    const handled: TypedEvent<{ claimId: string; payoutId: string; amountCents: number }>[] = [];
    const stop = await bus.consume(Events.payoutRecorded, 'claims-payouts', async (event) => {
      handled.push(event);
    });
    const event = (id: string, payload: unknown): BusEvent => ({
      id,
      source: 'payments',
      topic: Events.payoutRecorded.topic,
      customerId: 'c1',
      payload,
      at: new Date().toISOString(),
    });
    const before = await rejectedCount('payments.payoutRecorded', 'claims-payouts');
    await bus.publish(event('1', { claimId: 'c1', payoutId: 'p1' }));
    await bus.publish(event('2', { claimId: 'c2', payoutId: 'p2', amountCents: 100 }));
    await expect.poll(() => handled.map((e) => e.id)).toEqual(['2']);
    expect(handled[0]!.payload.amountCents).toBe(100);
    expect(reported).toEqual([
      {
        topic: 'payments.payoutRecorded',
        consumer: 'claims-payouts',
        source: 'payments',
        eventId: '1',
        issues: expect.stringContaining('amountCents'),
      },
    ]);
    expect(await rejectedCount('payments.payoutRecorded', 'claims-payouts')).toBe(before + 1);
    expect(bus.health().consumers[0]?.state).toBe('ok');
    await stop();
  });

  it('has the README table of producers and consumers as the catalogue renders it', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain(TABLE_BEGIN);
    expect(readme).toContain(TABLE_END);
    expect(withEventsTable(readme), 'stale: run npx tsx platform/scripts/events-table.ts --write').toBe(readme);
    for (const event of allEvents()) expect(renderEventsTable()).toContain(`\`${event.topic}\``);
  });
});

async function rejectedCount(topic: string, consumer: string): Promise<number> {
  const metric = await registry.getSingleMetric('abri_events_rejected_total')?.get();
  return metric?.values.find((v) => v.labels.topic === topic && v.labels.consumer === consumer)?.value ?? 0;
}
