// The « Qui a consulté mon dossier » log is stored by batches: one row per event, each once even when an event comes
// twice in a batch or the batch comes again, with the staff member's name as it was then (a default when unknown),
// the reason encrypted, and an event without a customer left out.
import { type BusEvent, DEMO, Events } from '@abri/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { staffAccessOf, storeStaffAccesses } from '../src/app/staff-access.ts';
import { usersHarness } from './harness.ts';

let h: Awaited<ReturnType<typeof usersHarness>> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const access = (id: number, customerId: string | null, staffId: string, reason: string | null) =>
  ({
    id: String(id),
    source: 'claims',
    topic: Events.staffAccessed.claims.topic,
    customerId,
    payload: { staffId, roles: ['ADJUSTER'], kind: 'ACTION', what: `Sinistre SIN-2026-000123 : action ${id}`, reason },
    at: new Date(Date.UTC(2026, 10, 26, 9, id % 60)).toISOString(),
  }) as BusEvent as Parameters<typeof storeStaffAccesses>[1][number];

describe('staff accesses by batches', () => {
  it('stores each event once, named, its reason sealed, and leaves out one without a customer', async () => {
    h = await usersHarness();
    const camille = DEMO.camille.customerId;
    const unknownStaff = '5f1c3a9e-2b7d-4c1e-9a41-0000000000ff';
    const batch = [
      access(1, camille, DEMO.adjuster.staffId, 'Photos de la baie vitrée.'),
      access(2, camille, unknownStaff, null),
      access(3, null, DEMO.adjuster.staffId, null),
      access(1, camille, DEMO.adjuster.staffId, 'Photos de la baie vitrée.'), // read twice in one batch
    ];
    await storeStaffAccesses(h.app, batch);
    await storeStaffAccesses(h.app, batch);

    const rows = await h.app.prisma.staffAccess.findMany({ where: { source: 'claims' }, orderBy: { eventId: 'asc' } });
    expect(rows.map((r) => [r.eventId, r.customerId, r.kind, r.at.toISOString()])).toEqual([
      ['1', camille, 'ACTION', '2026-11-26T09:01:00.000Z'],
      ['2', camille, 'ACTION', '2026-11-26T09:02:00.000Z'],
    ]);
    const [first, second] = rows;
    expect(first!.role).toBe('ADJUSTER');
    expect(first!.staffName).not.toBe('Collaborateur d’Abri');
    expect(second).toMatchObject({ staffName: 'Collaborateur d’Abri', role: null, reasonEncrypted: null });
    // Stored sealed, read back in clear for the customer.
    expect(first!.reasonEncrypted).not.toContain('baie');
    const log = await staffAccessOf(h.app, camille, 10);
    expect(log.find((row) => row.eventId === '1')?.reason).toBe('Photos de la baie vitrée.');
  });
});
