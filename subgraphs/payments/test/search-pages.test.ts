// The payments pages of the customer's search (issue 16, item 8): what « Mes paiements » holds, in searchable French.
import { describe, expect, it } from 'vitest';
import {
  arrearSearchPage,
  historySearchPages,
  rejectedPaymentPages,
  scheduleSearchPage,
} from '../src/domain/search-pages.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const paid = (iso: string, cents: number, ref: string) => ({
  paidAt: day(iso),
  amountCents: cents,
  status: 'SUCCEEDED' as const,
  reference: ref,
  rejectionCode: null,
});

describe('payments search pages', () => {
  it('names the coming instalments with their dates and amounts, and nothing when none is planned', () => {
    const page = scheduleSearchPage([
      { dueDate: day('2026-12-05'), amountCents: 2940 },
      { dueDate: day('2027-01-05'), amountCents: 2940 },
    ]);
    expect(page).toMatchObject({ id: 'payments:schedule', title: 'Prochaines échéances', target: '/paiements' });
    expect(page!.body).toContain('2 prélèvements à venir, le prochain le 5 décembre 2026');
    expect(page!.body).toContain('5 janvier 2027\u00a0: 29,40\u00a0€');
    expect(scheduleSearchPage([])).toBeNull();
  });

  it('makes one page per year, newest first, with the total of what was paid and every reference', () => {
    const pages = historySearchPages([
      paid('2026-01-05', 2600, 'PRLV-A-2026-01-05'),
      { ...paid('2025-06-05', 2500, 'PRLV-A-2025-06-05'), status: 'REJECTED', rejectionCode: 'AM04' },
      paid('2025-06-12', 2500, 'PRLV-A-2025-06-12-R'),
      paid('2025-01-01', 2500, 'PRLV-A-2025-01-01'),
    ]);
    expect(pages.map((p) => p.id)).toEqual(['payments:2026', 'payments:2025']);
    expect(pages[1]!.body).toMatch(/^En 2025, 2 paiements de cotisation pour un total de 50\u00a0€\./);
    expect(pages[1]!.body).toContain('refusé par la banque (référence PRLV-A-2025-06-05, motif AM04');
    expect(pages[1]!.body).toContain('PRLV-A-2025-06-12-R');
  });

  it('gives a refused debit its own page unless an arrear tells it already', () => {
    const refused = {
      ...paid('2024-06-05', 2799, 'PRLV-A-2024-06-05'),
      status: 'REJECTED' as const,
      rejectionCode: 'AM04',
    };
    const [page] = rejectedPaymentPages([refused, paid('2024-07-05', 2799, 'x')], new Set());
    expect(page).toMatchObject({ id: 'rejected:PRLV-A-2024-06-05', title: 'Prélèvement refusé du 5 juin 2024' });
    expect(page!.body).toContain('Motif AM04\u00a0: provision insuffisante.');
    expect(rejectedPaymentPages([refused], new Set(['2024-06-05']))).toEqual([]);
  });

  it('tells where an arrear stands: to settle, settled, suspended or terminated', () => {
    const base = {
      id: 'a1',
      dueDate: day('2026-02-05'),
      amountCents: 2600,
      rejectionCode: 'AC04',
      rejectedAt: day('2026-02-09'),
      paidAt: null,
      suspendedAt: null,
      terminatedAt: null,
    };
    expect(arrearSearchPage(base).body).toContain('Impayé à régulariser');
    expect(arrearSearchPage({ ...base, paidAt: day('2026-02-20') }).body).toContain('Réglé le 20 février 2026.');
    expect(arrearSearchPage({ ...base, suspendedAt: day('2026-03-20') }).body).toContain('garanties suspendues');
    expect(arrearSearchPage({ ...base, terminatedAt: day('2026-03-30') }).body).toContain('Contrat résilié');
    expect(arrearSearchPage(base).body).toContain('Motif AC04');
  });
});
