// A claim as a page of the customer's search (issue 16, item 8): reference, type, status, dates and amounts.
import { describe, expect, it } from 'vitest';
import { claimSearchPage } from '../src/domain/search-page.ts';

const claim = {
  id: 'c1',
  reference: 'SIN-2026-004217',
  type: 'WATER_DAMAGE' as const,
  status: 'EXPERT_ASSIGNED' as const,
  occurredOn: new Date('2026-02-03T00:00:00Z'),
  declaredAt: new Date('2026-02-04T09:30:00Z'),
  description: 'Fuite du lave-linge, le parquet a gonflé',
  assessedDamageCents: null,
  indemnityCents: null,
  deductibleCents: 15000,
};

describe('claim search page', () => {
  it('names the reference, type, status and dates, and opens the claim', () => {
    const page = claimSearchPage(claim);
    expect(page).toMatchObject({
      id: 'claim:c1',
      title: 'Sinistre SIN-2026-004217 · Dégât des eaux',
      target: '/sinistres/c1',
    });
    expect(page.body).toContain('dégât des eaux survenu le 3 février 2026, déclaré le 4 février 2026');
    expect(page.body).toContain('Statut\u00a0: expert désigné, dossier en cours.');
    expect(page.body).toContain('Votre déclaration\u00a0: Fuite du lave-linge, le parquet a gonflé.');
    expect(page.body).not.toContain('Indemnité');
  });

  it('gives the amounts once known and no longer says « en cours » when the claim is paid', () => {
    const page = claimSearchPage({ ...claim, status: 'PAID', assessedDamageCents: 64000, indemnityCents: 49000 });
    expect(page.body).toContain('Statut\u00a0: indemnité versée.');
    expect(page.body).toContain('Indemnité\u00a0: 490\u00a0€.');
    expect(page.body).toContain('Dommages évalués par l’expert\u00a0: 640\u00a0€.');
  });

  it('keeps only the beginning of a long description', () => {
    const page = claimSearchPage({ ...claim, description: 'a'.repeat(1000) });
    expect(page.body.length).toBeLessThan(600);
  });
});
