// The yearly payment certificate, as a tax office or an employer reads it: the insured, the contract and its home,
// the period, every payment collected and the total, the insurer's legal identity and who certifies; and the demo
// history behind it is one a real contract could have (nothing before the start, each contract year paying that
// year's premium, premiums rising over the years).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO, Events } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfSignature } from '../../../platform/test/pdf-signature.ts';
import { paymentCertificate } from '../src/app/certificate.ts';
import { projectContract } from '../src/app/contracts.ts';
import { DEMO_PREMIUMS_CENTS } from '../src/seed.ts';
import { startPayments } from './harness.ts';

const run = promisify(execFile);
let service: Awaited<ReturnType<typeof startPayments>>;
beforeAll(async () => {
  service = await startPayments(new Date('2026-12-01T09:00:00Z'));
  // What the policies subgraph announces of Camille's contract (the event payments projects).
  await projectContract(service.app, {
    id: '1',
    source: 'policies',
    topic: Events.policyTermsChanged.topic,
    customerId: DEMO.camille.customerId,
    at: '2026-12-01T09:00:00Z',
    payload: {
      policyId: DEMO.camille.policyId,
      customerId: DEMO.camille.customerId,
      number: DEMO.camille.contractNumber,
      version: 1,
      holderName: 'Camille Martin',
      address: '12 rue des Lilas, 69003 Lyon',
      startDate: DEMO.camille.contractStart,
      annualPremiumCents: DEMO_PREMIUMS_CENTS.camille,
      status: 'ACTIVE',
      guarantees: [],
    },
  });
});
afterAll(async () => {
  await service?.stop();
});

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'abri-certificate-'));
  try {
    await writeFile(join(dir, 'certificate.pdf'), pdf);
    return (await run('pdftotext', [join(dir, 'certificate.pdf'), '-'])).stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const euros = (cents: number) =>
  `${String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;

describe('payment certificate', () => {
  it('names the insured, the contract and home, the period, each payment, the total, the insurer and who certifies', async () => {
    const pdf = await paymentCertificate(service.app, DEMO.camille.customerId, 2024);
    // Sealed by the insurer, as every issued PDF.
    expect(checkPdfSignature(pdf)).toMatchObject({ coversWholeFile: true, digestMatches: true, signatureValid: true });
    const text = (await pdfText(pdf)).replace(/\u00A0/g, ' ');
    const paid = await service.app.prisma.payment.findMany({
      where: {
        customerId: DEMO.camille.customerId,
        status: 'SUCCEEDED',
        paidAt: { gte: new Date('2024-01-01T00:00:00Z'), lt: new Date('2025-01-01T00:00:00Z') },
      },
    });
    expect(paid).toHaveLength(12);
    const total = paid.reduce((sum, p) => sum + p.amountCents, 0);
    expect(text).toContain('Attestation de paiement des cotisations 2024');
    expect(text).toContain('Période : du 1er janvier 2024 au 31 décembre 2024');
    expect(text).toContain('Camille Martin');
    expect(text).toContain(
      'Contrat multirisque habitation n° HAB0012345, souscrit le 1er mars 2016 : 12 rue des Lilas, 69003 Lyon',
    );
    for (const p of paid) expect(text).toContain(p.reference);
    // The debit refused in 2024 is not counted; the one presented again a week later is.
    const rejected = await service.app.prisma.payment.findFirstOrThrow({
      where: { customerId: DEMO.camille.customerId, status: 'REJECTED' },
    });
    expect(rejected.paidAt.getUTCFullYear()).toBe(2024);
    expect(text).not.toContain(rejected.reference);
    expect(paid.filter((p) => p.reference.endsWith('-R'))).toHaveLength(1);
    expect(text).toContain(`Total encaissé en 2024 ${euros(total)}`);
    expect(text).toContain('Entreprise régie par le Code des assurances');
    expect(text).toContain('4 place de Budapest, CS 92459, 75436 Paris cedex 09');
    expect(text).toContain('Fait le 1er décembre 2026, pour Abri Assurances Le service Encaissements');
    expect(text.replace(/ /g, '')).toMatch(/Documentn°PAI-2026-[0-9A-Z]{8}/);
  });

  it('says when nothing was collected in the year, rather than an empty table', async () => {
    const text = await pdfText(await paymentCertificate(service.app, DEMO.louis.customerId, 2020));
    expect(text).toContain('Aucune cotisation encaissée en 2020.');
  });
});

describe('demo payment history', () => {
  for (const who of ['camille', 'louis'] as const) {
    it(`${who}: nothing before the contract starts, each contract year pays its premium, premiums rise to today's`, async () => {
      const person = DEMO[who];
      const start = new Date(`${person.contractStart}T00:00:00Z`);
      const [paid, planned] = await Promise.all([
        service.app.prisma.payment.findMany({ where: { policyId: person.policyId, status: 'SUCCEEDED' } }),
        service.app.prisma.scheduledPayment.findMany({ where: { policyId: person.policyId } }),
      ]);
      expect(paid.length).toBeGreaterThan(12);
      expect(paid.every((p) => p.paidAt >= start)).toBe(true);
      // Contract years run from the start's anniversary; the current one is part paid, part planned.
      const yearOf = (d: Date) => {
        let y = d.getUTCFullYear() - start.getUTCFullYear();
        if (new Date(Date.UTC(d.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())) > d) y -= 1;
        return y;
      };
      const totals = new Map<number, number>();
      for (const p of [
        ...paid.map((x) => ({ at: x.paidAt, cents: x.amountCents })),
        ...planned.map((x) => ({ at: x.dueDate, cents: x.amountCents })),
      ]) {
        // A debit presented again is counted on the day it was first due.
        const due = new Date(Date.UTC(p.at.getUTCFullYear(), p.at.getUTCMonth(), 5));
        totals.set(yearOf(due), (totals.get(yearOf(due)) ?? 0) + p.cents);
      }
      const years = [...totals.keys()].sort((a, b) => a - b);
      const now = yearOf(service.clock.now());
      expect(totals.get(now)).toBe(DEMO_PREMIUMS_CENTS[who]);
      const complete = years.filter((y) => y <= now);
      for (const [i, y] of complete.entries()) {
        if (i > 0) expect(totals.get(y)!, `year ${y}`).toBeGreaterThan(totals.get(complete[i - 1]!)!);
      }
    });
  }
});
