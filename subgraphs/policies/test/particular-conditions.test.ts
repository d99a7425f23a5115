// Conditions particulières, one per version of the contract: issued with the contract, then again with each avenant,
// each saying from when it applies and what the contract is at that version (the home as declared, guarantees,
// capitals, deductible, premium and how it is paid), with the legal consequences of a false declaration and the
// general conditions that complete it; the previous one stays as it was issued.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO } from '@abri/platform';
import { euros, frenchDate } from '@abri/platform/french';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfSignature } from '../../../platform/test/pdf-signature.ts';
import { applyPolicyChange, quotePolicyChange } from '../src/app/quotes.ts';
import { GENERAL_CONDITIONS_VERSION } from '../src/documents/general-conditions-text.ts';
import { camille, startPolicies } from './harness.ts';

const run = promisify(execFile);
let system: Awaited<ReturnType<typeof startPolicies>>;
beforeAll(async () => {
  system = await startPolicies(new Date('2026-12-01T09:00:00Z'));
});
afterAll(async () => {
  await system?.stop();
});

/** The PDF's text with its layout kept (a label and its value on one line), every kind of space made plain. */
async function layoutText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'abri-cp-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    return (await run('pdftotext', ['-layout', join(dir, 'doc.pdf'), '-'])).stdout.replace(/[\u00A0\u202F]/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
const amount = (cents: number) => euros(cents).replace(/[\u00A0\u202F]/g, ' ');
const flat = (text: string) => text.replace(/\s+/g, ' ');

const conditions = () =>
  system.app.prisma.document.findMany({
    where: { policyId: DEMO.camille.policyId, kind: 'PARTICULAR_CONDITIONS' },
    orderBy: { createdAt: 'asc' },
  });

describe('conditions particulières', () => {
  it('are issued with the contract: the holder, the home as declared, the cover, the premium and the legal terms', async () => {
    const [first, ...others] = await conditions();
    expect(others).toEqual([]);
    expect(first!.title).toBe('Conditions particulières (version 1)');
    expect(first!.number).toMatch(/^CPA-2026-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(checkPdfSignature(Buffer.from(first!.content))).toMatchObject({
      coversWholeFile: true,
      signatureValid: true,
    });

    const policy = await system.app.prisma.policy.findUniqueOrThrow({
      where: { id: DEMO.camille.policyId },
      include: { guarantees: true },
    });
    const text = await layoutText(first!.content);
    const all = flat(text);
    expect(all).toContain(`Contrat multirisque habitation n° ${DEMO.camille.contractNumber}, version 1`);
    expect(text).toMatch(/Souscripteur et assuré\s+Camille Martin/);
    expect(text).toMatch(/Date d’effet du contrat\s+1er mars 2016/);
    expect(text).toMatch(/Adresse\s+12 rue des Lilas, 69003 Lyon/);
    expect(text).toMatch(/Type\s+Appartement/);
    expect(text).toMatch(/Pièces principales\s+3\n/);
    expect(text).toMatch(/Surface habitable\s+68 m²/);
    expect(text).toMatch(/Vous êtes\s+Locataire/);
    expect(text).toMatch(/Usage\s+Résidence principale/);
    expect(text).toMatch(new RegExp(`Cotisation annuelle TTC\\s+${amount(policy.annualPremiumCents)}`));
    expect(text).toMatch(new RegExp(`Franchise générale\\s+${amount(policy.deductibleCents)}`));
    for (const g of policy.guarantees) expect(all, g.code).toContain(g.label);
    expect(all).toContain('article L113-8');
    expect(all).toContain('article L113-9');
    expect(all).toContain(`conditions générales ${GENERAL_CONDITIONS_VERSION}`);
    expect(all).toContain(first!.number);
  });

  it('are issued again with each avenant, from its effective date, the previous version kept as issued', async () => {
    const [before] = await conditions();
    const quoted = await quotePolicyChange(system.app, camille, {
      policyId: DEMO.camille.policyId,
      works: { rooms: 4 },
    });
    if (quoted.kind !== 'quoted') throw new Error(quoted.kind);
    expect((await applyPolicyChange(system.app, camille, quoted.quoteId)).kind).toBe('applied');

    const [first, second, ...others] = await conditions();
    expect(others).toEqual([]);
    expect(Buffer.from(first!.content).equals(Buffer.from(before!.content))).toBe(true);
    expect(second!.title).toBe('Conditions particulières (version 2)');
    const version = await system.app.prisma.policyVersion.findUniqueOrThrow({
      where: { policyId_version: { policyId: DEMO.camille.policyId, version: 2 } },
    });
    const policy = await system.app.prisma.policy.findUniqueOrThrow({ where: { id: DEMO.camille.policyId } });
    const text = await layoutText(second!.content);
    expect(flat(text)).toContain(
      `n° ${DEMO.camille.contractNumber}, version 2, en vigueur à compter du ${frenchDate(version.effectiveFrom)}`,
    );
    expect(text).toMatch(/Pièces principales\s+4\n/);
    expect(text).toMatch(new RegExp(`Cotisation annuelle TTC\\s+${amount(policy.annualPremiumCents)}`));
  });
});
