// Ordinary contents (furniture, appliances, clothes) in a cover change, beside valuables: a declared contents capital
// above the one the rooms include is priced on the excess by the pricing rules, raises the property ceilings, and
// reaches the avenant and the contract; anything wrong is refused in French.
import { DEMO } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPolicyChange, quotePolicyChange } from '../src/app/quotes.ts';
import {
  contentsCeilingCents,
  describeChanges,
  guaranteesFor,
  priceOf,
  validateChange,
} from '../src/domain/pricing.ts';
import { CONTENTS_EXTRA_RATE_BP } from '../src/domain/tariff.ts';
import { camille, pdfText, startPolicies } from './harness.ts';
import { CAMILLE } from './pricing-fixtures.ts';

const withContents = (contentsCents: number) => ({ ...CAMILLE.coverage, contentsCents });
/** French typography puts no-break spaces in amounts (« 18 000 € »): compared here as plain spaces. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(/[\u00a0\u202f]/g, ' '));

describe('contents capital in pricing', () => {
  // Camille's 3 rooms include 6 000 + 3 × 4 000 = 18 000 € of contents.
  const included = contentsCeilingCents(CAMILLE.dwelling);

  it('includes the rooms’ capital at no extra cost, and prices 0,60 % of a declared capital above it', () => {
    expect(included).toBe(1_800_000);
    const standard = priceOf(CAMILLE.dwelling, CAMILLE.coverage);
    expect(priceOf(CAMILLE.dwelling, withContents(included))).toEqual(standard);
    expect(priceOf(CAMILLE.dwelling, withContents(1_000_000))).toEqual(standard);

    const declared = priceOf(CAMILLE.dwelling, withContents(3_000_000));
    const line = declared.lines.find((l) => l.code === 'CONTENTS');
    // 12 000 € above the included 18 000 €, at 0,60 %: 72 €.
    expect(CONTENTS_EXTRA_RATE_BP).toBe(60);
    expect(plain(line)).toEqual({
      code: 'CONTENTS',
      label: 'Capital mobilier de 30 000 € (18 000 € inclus, +0,6 % des 12 000 € au-delà)',
      amountCents: 7_200,
    });
    // A property line: it bears the cat-nat surcharge and the tax, so the premium grows by more than 72 €.
    expect(declared.annualPremiumCents - standard.annualPremiumCents).toBeGreaterThan(7_200);
    expect(declared.lines.reduce((sum, l) => sum + l.amountCents, 0)).toBe(declared.annualPremiumCents);
  });

  it('raises the contents ceilings of fire, water and theft to the declared capital', () => {
    const ceilings = Object.fromEntries(
      guaranteesFor(CAMILLE.dwelling, withContents(3_000_000)).map((g) => [g.code, g.ceilingCents]),
    );
    expect(ceilings.FIRE).toBe(3_000_000);
    expect(ceilings.WATER_DAMAGE).toBe(3_000_000);
    expect(ceilings.THEFT).toBe(1_500_000);
  });

  it('refuses a negative or excessive capital in French, naming the field', () => {
    expect(plain(validateChange(CAMILLE.dwelling, withContents(-1)))).toEqual({
      ok: false,
      field: 'coverage.contentsCents',
      message: 'Le capital mobilier déclaré doit être compris entre 0 et 300 000 €.',
    });
    expect(validateChange(CAMILLE.dwelling, withContents(30_000_001)).ok).toBe(false);
    expect(validateChange(CAMILLE.dwelling, withContents(12.5)).ok).toBe(false);
  });

  it('describes the change as the capital insured before and after', () => {
    expect(plain(describeChanges(CAMILLE, { ...CAMILLE, coverage: withContents(3_000_000) }))).toEqual([
      'Capital mobilier : 18 000 € → 30 000 €',
    ]);
  });
});

describe('contents capital in a cover change', () => {
  let system: Awaited<ReturnType<typeof startPolicies>>;
  beforeAll(async () => {
    system = await startPolicies(new Date('2026-12-01T09:05:00Z'));
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('quotes, applies and prints a declared contents capital with valuables in the same change', async () => {
    const quoted = await quotePolicyChange(system.app, camille, {
      policyId: DEMO.camille.policyId,
      contentsCents: 3_000_000,
      addOptions: ['VALUABLES'],
      valuablesCents: 500_000,
    });
    if (quoted.kind !== 'quoted') throw new Error(JSON.stringify(quoted));
    const quote = await system.app.prisma.quote.findUniqueOrThrow({ where: { id: quoted.quoteId } });
    expect(plain(quote.changes)).toContain('Capital mobilier : 18 000 € → 30 000 €');
    const lines = quote.lines as { code: string; amountCents: number }[];
    expect(lines.find((l) => l.code === 'CONTENTS')?.amountCents).toBe(7_200);

    const applied = await applyPolicyChange(system.app, camille, quoted.quoteId, {
      ip: '203.0.113.7',
      userAgent: null,
    });
    if (applied.kind !== 'applied') throw new Error(applied.kind);
    const policy = await system.app.prisma.policy.findUniqueOrThrow({
      where: { id: DEMO.camille.policyId },
      include: { guarantees: true },
    });
    expect(policy.contentsCents).toBe(3_000_000);
    expect(policy.guarantees.find((g) => g.code === 'FIRE')?.ceilingCents).toBe(3_000_000);
    const avenant = await system.app.prisma.document.findUniqueOrThrow({ where: { id: applied.avenantId } });
    const text = plain(await pdfText(avenant.content)).replace(/\s+/g, ' ');
    expect(text).toContain('Capital mobilier assuré 18 000 € 30 000 €');
    expect(text).toContain('Objets de valeur déclarés Aucun 5 000 €');

    // The certificate of guarantees issued with the new version states the premium, the start and the capitals.
    // The injected clock gives both certificates the same instant: the version in the title tells them apart.
    const certificates = await system.app.prisma.document.findMany({
      where: { policyId: DEMO.camille.policyId, kind: 'CERTIFICATE' },
    });
    const version = (title: string) => Number(/version (\d+)/.exec(title)?.[1] ?? 0);
    const certificate = certificates.sort((x, y) => version(y.title) - version(x.title))[0]!;
    const certified = plain(await pdfText(certificate.content)).replace(/\s+/g, ' ');
    expect(certified).toContain('Date d’effet du contrat');
    expect(certified).toContain('1er mars 2016');
    expect(certified).toContain(`Cotisation annuelle TTC`);
    expect(certified).toContain('30 000,00 €');
    expect(certified).toContain('Base d’indemnisation : mobilier en valeur de remplacement au jour du sinistre');
  });

  it('refuses an impossible capital with a French message and changes nothing', async () => {
    const before = await system.app.prisma.quote.count();
    const refused = await quotePolicyChange(system.app, camille, {
      policyId: DEMO.camille.policyId,
      contentsCents: 90_000_000,
    });
    expect(plain(refused)).toEqual({
      kind: 'invalid',
      field: 'coverage.contentsCents',
      message: 'Le capital mobilier déclaré doit être compris entre 0 et 300 000 €.',
    });
    expect(await system.app.prisma.quote.count()).toBe(before);
  });
});
