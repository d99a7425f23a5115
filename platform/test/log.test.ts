import { describe, expect, it } from 'vitest';
import { customerHash } from '../src/http/request-log.ts';
import { createLogger } from '../src/log.ts';
import { currentTraceparent, injectTraceHeaders, tracingEnabled, withSpan } from '../src/tracing.ts';

const capture = (options: Parameters<typeof createLogger>[1] = {}) => {
  const lines: string[] = [];
  return { lines, log: createLogger('claims', { ...options, write: (line) => lines.push(line) }) };
};

describe('service logs', () => {
  it('writes one JSON record a line, with level, time, service, message and the given fields', () => {
    const { lines, log } = capture();
    log.warn('bus error', { attempt: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 'warn', service: 'claims', message: 'bus error', attempt: 2 });
    expect(new Date(String(record.time)).toISOString()).toBe(record.time);
  });

  it('keeps only errors when silent', () => {
    const { lines, log } = capture({ silent: true });
    log.info('started');
    log.warn('slow');
    log.error('request failed', { status: 500 });
    expect(lines.map((line) => JSON.parse(line).message)).toEqual(['request failed']);
  });

  it('writes short lines for a person at a terminal (npm start)', () => {
    const { lines, log } = capture({ format: 'lines' });
    log.info('ready', { url: 'http://127.0.0.1:4003/graphql' });
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d claims {3}info {2}ready url=http:\/\/127\.0\.0\.1:4003\/graphql\n$/);
  });

  it('stands for a customer id with a keyed hash: stable under one key, another under another, never the id', () => {
    const id = 'c0ffee00-0000-4000-8000-000000000001';
    const hash = customerHash('key-of-this-deployment', id);
    expect(hash).toMatch(/^[\w-]{22}$/);
    expect(customerHash('key-of-this-deployment', id)).toBe(hash);
    expect(customerHash('key-of-another-deployment', id)).not.toBe(hash);
    expect(hash).not.toContain(id.slice(0, 8));
  });
});

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('adds no header, keeps no trace with an event and runs spans as plain calls', async () => {
    expect(tracingEnabled()).toBe(false);
    expect(injectTraceHeaders({ 'x-request-id': 'r1' })).toEqual({ 'x-request-id': 'r1' });
    expect(currentTraceparent()).toBeNull();
    expect(await withSpan('fetch users', {}, async (span) => span)).toBeUndefined();
  });
});
