// The avenant a change produces, read as the customer and a judge would: each changed line before and after (no
// glyph the font lacks), the guarantees after the change, the effective date, the pro-rata as the schedule settles
// it, and the evidence of the electronic acceptance.
import { DEMO } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPolicyChange, quotePolicyChange } from '../src/app/quotes.ts';
import { guaranteesFor } from '../src/domain/pricing.ts';
import { camille, pdfText, startPolicies } from './harness.ts';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

let system: Awaited<ReturnType<typeof startPolicies>>;
beforeAll(async () => {
  // 1er décembre 2026 at 10:05 in Paris (09:05 UTC).
  system = await startPolicies(new Date('2026-12-01T09:05:00Z'));
});
afterAll(async () => {
  await system?.stop();
});

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function change(request: Omit<Parameters<typeof quotePolicyChange>[2], 'policyId'>) {
  const quoted = await quotePolicyChange(system.app, camille, { policyId: DEMO.camille.policyId, ...request });
  if (quoted.kind !== 'quoted') throw new Error(JSON.stringify(quoted));
  const quote = await system.app.prisma.quote.findUniqueOrThrow({ where: { id: quoted.quoteId } });
  const applied = await applyPolicyChange(system.app, camille, quoted.quoteId, {
    ip: '203.0.113.7',
    userAgent: FIREFOX,
  });
  if (applied.kind !== 'applied') throw new Error(applied.kind);
  const doc = await system.app.prisma.document.findUniqueOrThrow({ where: { id: applied.avenantId } });
  return { quote, text: flat(await pdfText(doc.content)) };
}

describe('avenant', () => {
  it('fills « Avant / Après » for every changed line and the premium, with no character the font cannot draw', async () => {
    const { quote, text } = await change({
      works: { surfaceM2: 80, rooms: 4 },
      addOptions: ['VALUABLES'],
      removeOptions: ['ASSISTANCE'],
      valuablesCents: 800_000,
      deductibleCents: 30_000,
      effectiveDate: new Date('2026-12-15T00:00:00Z'),
    });
    expect(text).toContain('Élément du contrat Avant Après');
    for (const row of [
      'Surface habitable 68 m² 80 m²',
      'Pièces principales 3 4',
      'Option Objets de valeur Non souscrite Souscrite',
      'Option Assistance habitation Souscrite Non souscrite',
      'Objets de valeur déclarés Aucun 8 000 €',
      'Franchise générale 150 € 300 €',
    ]) {
      expect(text).toContain(row);
    }
    const euros = (cents: number) =>
      `${Math.trunc(cents / 100)
        .toLocaleString('fr-FR')
        .replace(/\s/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;
    expect(text).toContain(
      `Cotisation annuelle TTC ${euros(quote.currentPremiumCents)} ${euros(quote.newPremiumCents)}`,
    );
    // Addresses, labels and amounts only: any « ? » is a glyph the standard font lacked (« → » printed as « ? »).
    expect(text).not.toContain('?');
    expect(text).toContain('à compter du 15 décembre 2026 (date d’effet)');
  });

  it('lists the guarantees as they stand after the change, with ceilings and deductibles', async () => {
    const { text } = await change({ works: { rooms: 5 } });
    const policy = await system.app.prisma.policy.findUniqueOrThrow({
      where: { id: DEMO.camille.policyId },
      include: { dwelling: true },
    });
    expect(text).toContain('Garanties à compter du 1er décembre 2026');
    const after = guaranteesFor(
      { ...policy.dwelling!, rooms: 5 },
      {
        options: policy.options as never,
        valuablesCents: policy.valuablesCents,
        deductibleCents: policy.deductibleCents,
      },
    );
    expect(after.length).toBeGreaterThan(3);
    for (const g of after) expect(text).toContain(g.label);
  });

  it('states the pro-rata and that it is spread over the instalments left in the period, as the schedule does', async () => {
    const { quote, text } = await change({ deductibleCents: 15_000, effectiveDate: new Date('2026-12-20T00:00:00Z') });
    expect(quote.proRataCents).toBeGreaterThan(0);
    // Camille's year of cover runs to the 1er mars 2027 renewal: last day 28 février 2027.
    expect(text).toMatch(/Montant à régler pour la période du 20 décembre 2026 au 28 février 2027 : [\d ]+,\d\d €/);
    expect(text).toContain(
      'Il est réparti à parts égales sur les échéances de votre échéancier dues entre le 20 décembre 2026 et le 28 ' +
        'février 2027 ; s’il n’en reste aucune, il s’ajoute à la première échéance suivante.',
    );
    expect(text).not.toContain('ajouté à votre prochain paiement');
  });

  it('says a refund is deducted from the instalments left, the excess from the next ones', async () => {
    const { quote, text } = await change({ deductibleCents: 50_000 });
    expect(quote.proRataCents).toBeLessThan(0);
    expect(text).toMatch(/Montant remboursé pour la période du 1er décembre 2026 au 28 février 2027/);
    expect(text).toContain(
      'Il est déduit, à parts égales, des échéances de votre échéancier dues entre le 1er décembre',
    );
  });

  it('carries the acceptance evidence: Paris time, a session reference that is not the session id, the device', async () => {
    const { text } = await change({ works: { surfaceM2: 70 } });
    expect(text).toMatch(
      /Acceptation électronique dans l’espace client le 1er décembre 2026 à 10 h 05 \(heure de Paris\), session [0-9A-F]{12}, appareil : Firefox 133 sur Windows 10\./,
    );
    expect(text).not.toContain(camille.sid);
  });
});
