// After a move, the attestation of the old address stops vouching for the insured from the move's effective date
// (SUPERSEDED, with that date), and the attestation of the new address is issued at once, valid from the same day.
// Both are read as a third party would: the PDF's text extracted, its QR code rendered, scanned and checked.
import { DEMO } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAttestation, issueAttestation } from '../src/app/documents.ts';
import { applyPolicyChange, quotePolicyChange } from '../src/app/quotes.ts';
import { tokenFromScanned } from '../src/documents/attestation-token.ts';
import { camille, pdfText, scanQr, startPolicies } from './harness.ts';

let system: Awaited<ReturnType<typeof startPolicies>>;
beforeAll(async () => {
  system = await startPolicies(new Date('2026-12-01T09:00:00Z'));
});
afterAll(async () => {
  await system?.stop();
});

const attestations = () =>
  system.app.prisma.document.findMany({
    where: { policyId: DEMO.camille.policyId, kind: 'ATTESTATION' },
    orderBy: { createdAt: 'asc' },
  });
const tokenOf = async (pdf: Uint8Array) => tokenFromScanned(await scanQr(pdf));
const flat = (text: string) => text.replace(/\s+/g, ' ');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('attestation after a move', () => {
  it('supersedes the old address’s attestation from the effective date and issues the new one', async () => {
    const [old] = await attestations();
    const oldToken = await tokenOf(old!.content);
    expect(await checkAttestation(system.app, oldToken)).toMatchObject({ status: 'VALID' });

    const quoted = await quotePolicyChange(system.app, camille, {
      policyId: DEMO.camille.policyId,
      move: {
        addressLine: '5 place Bellecour',
        postalCode: '69002',
        city: 'Lyon',
        type: 'APARTMENT',
        surfaceM2: 72,
        rooms: 3,
        occupancy: 'TENANT',
        residence: 'MAIN',
      },
      effectiveDate: day('2026-12-10'),
    });
    if (quoted.kind !== 'quoted') throw new Error(JSON.stringify(quoted));
    expect((await applyPolicyChange(system.app, camille, quoted.quoteId)).kind).toBe('applied');

    // Issued with the avenant, without being asked for.
    const all = await attestations();
    expect(all).toHaveLength(2);
    const fresh = all[1]!;
    const text = flat(await pdfText(fresh.content));
    expect(text).toContain('5 place Bellecour, 69002 Lyon');
    expect(text).toContain('du 10 décembre 2026 au 28 février 2027 inclus');
    const newToken = await tokenOf(fresh.content);

    // The day before the move: the old home is still the insured one; the new attestation is not yet valid.
    system.clock.set(new Date('2026-12-09T22:59:00Z')); // 23:59 in Paris
    expect(await checkAttestation(system.app, oldToken)).toMatchObject({ status: 'VALID' });
    expect(await checkAttestation(system.app, newToken)).toMatchObject({ status: 'NOT_YET_VALID' });

    // From the effective date (00:30 in Paris is already the 10th), the old one is superseded, the new one valid.
    system.clock.set(new Date('2026-12-09T23:30:00Z'));
    expect(await checkAttestation(system.app, oldToken)).toEqual({
      status: 'SUPERSEDED',
      supersededOn: day('2026-12-10'),
      facts: expect.objectContaining({ address: '12 rue des Lilas, 69003 Lyon' }),
    });
    expect(await checkAttestation(system.app, newToken)).toMatchObject({
      status: 'VALID',
      facts: { address: '5 place Bellecour, 69002 Lyon' },
    });
  });

  it('issues no new attestation for a change that keeps the address', async () => {
    const before = (await attestations()).length;
    const quoted = await quotePolicyChange(system.app, camille, {
      policyId: DEMO.camille.policyId,
      works: { rooms: 4 },
    });
    if (quoted.kind !== 'quoted') throw new Error(JSON.stringify(quoted));
    expect((await applyPolicyChange(system.app, camille, quoted.quoteId)).kind).toBe('applied');
    expect(await attestations()).toHaveLength(before);
    // An attestation asked for after a later change still starts cover at this address on the move's date.
    const issued = await issueAttestation(system.app, DEMO.camille.policyId, camille);
    if (issued.kind !== 'issued') throw new Error(issued.kind);
    const doc = await system.app.prisma.document.findUniqueOrThrow({ where: { id: issued.documentId } });
    expect(await checkAttestation(system.app, await tokenOf(doc.content))).toMatchObject({
      status: 'VALID',
      facts: { periodStart: day('2026-12-10'), address: '5 place Bellecour, 69002 Lyon' },
    });
  });
});
