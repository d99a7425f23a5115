// The certificate a bank asks for when it finances the home: the contract as it stands (premium, dates, capitals,
// indemnity basis, guarantees) with the lender clause, signed like every document, for the owner of the contract
// only; a tenant's contract (no building insured) and bad lender details get typed refusals and issue nothing.
import { DEMO, type Identity, Role } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfSignature } from '../../../platform/test/pdf-signature.ts';
import { issueLenderCertificate, lenderProblems } from '../src/app/documents.ts';
import { camille, pdfText, startPolicies } from './harness.ts';

let system: Awaited<ReturnType<typeof startPolicies>>;
beforeAll(async () => {
  system = await startPolicies(new Date('2026-12-01T09:00:00Z'));
});
afterAll(async () => {
  await system?.stop();
});

const louis: Identity = { sub: DEMO.louis.customerId, sid: 'sid-louis', roles: [Role.CUSTOMER], exp: 0 };
const lender = { name: 'Banque Exemple', address: '1 rue du Prêt, 44000 Nantes', loanReference: 'PR-2026-0042' };
const certificates = () => system.app.prisma.document.count({ where: { kind: 'CERTIFICATE' } });
const flat = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ');

describe('the certificate with a lender clause', () => {
  it('prints the contract and the clause naming the lender and the loan, signed', async () => {
    const outcome = await issueLenderCertificate(system.app, DEMO.louis.policyId, louis, {
      ...lender,
      name: '  Banque Exemple ',
    });
    expect(outcome.kind).toBe('issued');
    const doc = await system.app.prisma.document.findUniqueOrThrow({
      where: { id: (outcome as { documentId: string }).documentId },
    });
    expect(doc.title).toBe('Certificat de garanties avec clause en faveur du prêteur');
    expect(doc.customerId).toBe(DEMO.louis.customerId);
    expect(checkPdfSignature(Buffer.from(doc.content))).toMatchObject({ coversWholeFile: true, signatureValid: true });
    const text = flat(await pdfText(doc.content));
    expect(text).toContain('Certificat de garanties');
    expect(text).toContain(DEMO.louis.contractNumber);
    expect(text).toContain('Louis Bernard');
    expect(text).toContain('Cotisation annuelle TTC');
    expect(text).toContain('Capital mobilier assuré');
    expect(text).toContain('au coût de reconstruction');
    expect(text).toContain('Clause en faveur du prêteur');
    expect(text).toContain('prêt n° PR-2026-0042 consenti par Banque Exemple, 1 rue du Prêt, 44000 Nantes');
    expect(text).toContain('délégation d’indemnité');
    expect(text).toContain('L121-13');
    expect(text).toContain('qu’un mois après cette information');
    expect(text).toContain(doc.number);
  });

  it('refuses a tenant’s contract, another customer’s contract and unprintable details, issuing nothing', async () => {
    const before = await certificates();
    expect((await issueLenderCertificate(system.app, DEMO.camille.policyId, camille, lender)).kind).toBe('noBuilding');
    expect((await issueLenderCertificate(system.app, DEMO.louis.policyId, camille, lender)).kind).toBe('notFound');
    const bad = await issueLenderCertificate(system.app, DEMO.louis.policyId, louis, {
      name: 'B',
      address: lender.address,
      loanReference: 'PR<script>',
    });
    expect(bad).toEqual({
      kind: 'invalid',
      problems: [
        { field: 'name', message: 'Indiquez le nom de l’organisme prêteur (2 à 120 caractères).' },
        { field: 'loanReference', message: expect.stringMatching(/^Indiquez le numéro du prêt/) },
      ],
    });
    expect(await certificates()).toBe(before);
  });

  it('takes the loan numbers banks print', () => {
    for (const loanReference of ['12345678', 'PR-2026-0042', ' 0042 ', 'A/123.45 B'])
      expect(lenderProblems({ ...lender, loanReference }), loanReference).toEqual([]);
    for (const loanReference of ['', '-12', 'x'.repeat(41), 'PR\n12', 'PR;12'])
      expect(
        lenderProblems({ ...lender, loanReference }).map((p) => p.field),
        loanReference,
      ).toEqual(['loanReference']);
  });
});
