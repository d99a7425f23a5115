// Every document names its insurer as the law asks (legal name and form, capital, RCS, registered office, « entreprise
// régie par le Code des assurances », the ACPR and its address, the complaints service and the mediator) from the
// configuration, and carries its own number, the one stored with it. The demo's insurer says it is fictitious.
import { DEMO, demoSealSettings, insurerEnv, insurerFromEnv, parseEnv, sealFromEnv } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkPdfSignature } from '../../../platform/test/pdf-signature.ts';
import { issueAttestation } from '../src/app/documents.ts';
import { applyPolicyChange, quotePolicyChange } from '../src/app/quotes.ts';
import { camille, pdfText, startPolicies } from './harness.ts';

// A production configuration, as an operator would write it (values made up for the test, none marked « fictif »),
// with its signing certificate.
const seal = sealFromEnv(demoSealSettings('Toit Mutuel Assurances'));
const identity = insurerFromEnv(
  parseEnv(z.object(insurerEnv), {
    INSURER_NAME: 'Toit Mutuel Assurances',
    INSURER_LEGAL_FORM: 'Société anonyme à conseil d’administration',
    INSURER_SHARE_CAPITAL_EUROS: '24500000',
    INSURER_RCS: 'Nantes 512 345 678',
    INSURER_REGISTERED_OFFICE: '3 quai de la Fosse, 44000 Nantes',
    INSURER_CONTACT: 'toitmutuel.test · 02 40 00 00 00',
    INSURER_COMPLAINTS: 'Service Réclamations, 3 quai de la Fosse, 44000 Nantes',
    INSURER_MEDIATOR: 'La Médiation de l’Assurance, TSA 50110, 75441 Paris cedex 09',
    INSURER_ORIAS: '07001234',
  }),
);
const configured = { ...identity, seal };

let system: Awaited<ReturnType<typeof startPolicies>>;
beforeAll(async () => {
  system = await startPolicies(new Date('2026-12-01T09:00:00Z'), { insurer: configured });
});
afterAll(async () => {
  await system?.stop();
});

/** Text a whole paragraph can be searched in: pdftotext's line breaks and column padding become single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('insurer identity on documents', () => {
  it('prints the configured identity, the supervisor, complaints and mediator, and the stored number on every page', async () => {
    await issueAttestation(system.app, DEMO.camille.policyId, camille);
    const quoted = await quotePolicyChange(system.app, camille, {
      policyId: DEMO.camille.policyId,
      works: { rooms: 4 },
    });
    if (quoted.kind !== 'quoted') throw new Error(quoted.kind);
    expect((await applyPolicyChange(system.app, camille, quoted.quoteId)).kind).toBe('applied');

    const docs = await system.app.prisma.document.findMany({ where: { policyId: DEMO.camille.policyId } });
    expect(new Set(docs.map((d) => d.kind))).toEqual(
      new Set(['ATTESTATION', 'CERTIFICATE', 'GENERAL_CONDITIONS', 'AVENANT']),
    );
    expect(new Set(docs.map((d) => d.number)).size).toBe(docs.length);
    for (const doc of docs) {
      const text = await pdfText(doc.content);
      const all = flat(text);
      expect(doc.number, doc.kind).toMatch(/^(ATT|CER|AVE|CGE)-2026-[0-9A-HJKMNP-TV-Z]{8}$/);
      for (const part of [
        'Toit Mutuel Assurances, Société anonyme à conseil d’administration au capital de 24 500 000 €',
        'RCS Nantes 512 345 678',
        'siège social : 3 quai de la Fosse, 44000 Nantes',
        'Entreprise régie par le Code des assurances',
        'Autorité de contrôle prudentiel et de résolution (ACPR), 4 place de Budapest, CS 92459, 75436 Paris cedex 09',
        'ORIAS sous le n° 07001234',
        'écrivez à : Service Réclamations, 3 quai de la Fosse, 44000 Nantes',
        'le médiateur : La Médiation de l’Assurance, TSA 50110, 75441 Paris cedex 09',
      ]) {
        expect(all, `${doc.kind}: ${part}`).toContain(part);
      }
      expect(all, doc.kind).not.toMatch(/fictif|fictive|démonstration/i);
      // pdftotext may split a code where glyph spacing varies (« Q928HSC 1 »): compare without spaces.
      expect(all.replace(/ /g, ''), doc.kind).toContain(`Documentn°${doc.number}`);
      // pdftotext separates pages with a form feed: the number is on each one.
      const pages = text.split('\f').filter((page) => page.trim());
      for (const page of pages) expect(page.replace(/\s/g, ''), doc.kind).toContain(doc.number);
      // The attestation is the page a landlord keeps: the identity and notice must not push it onto a second one.
      if (doc.kind === 'ATTESTATION') expect(pages).toHaveLength(1);
      // Sealed by the configured insurer's certificate, the whole file covered.
      const signature = checkPdfSignature(Buffer.from(doc.content));
      expect(signature, doc.kind).toMatchObject({ coversWholeFile: true, digestMatches: true, signatureValid: true });
      expect(signature.certificate.raw.equals(seal.certificates[0] ?? Buffer.alloc(0)), doc.kind).toBe(true);
    }
  });

  it('says on the demo insurer’s documents that the insurer is fictitious', async () => {
    const demo = await startPolicies(new Date('2026-12-01T09:00:00Z'));
    try {
      const doc = await demo.app.prisma.document.findFirstOrThrow({ where: { kind: 'ATTESTATION' } });
      const all = flat(await pdfText(doc.content));
      expect(all).toContain('Assureur fictif de démonstration, sans existence légale ni agrément');
      expect(all).toContain('RCS Lyon 000 000 000 (numéro fictif)');
      expect(all).toContain('Entreprise régie par le Code des assurances');
    } finally {
      await demo.stop();
    }
  });
});

describe('insurer settings', () => {
  it('refuses a register entry without its SIREN and an ORIAS number of the wrong length, naming both', () => {
    expect(() =>
      parseEnv(z.object(insurerEnv), {
        INSURER_NAME: 'X',
        INSURER_LEGAL_FORM: 'SA',
        INSURER_SHARE_CAPITAL_EUROS: '1000',
        INSURER_RCS: 'Nantes',
        INSURER_REGISTERED_OFFICE: 'Nantes',
        INSURER_CONTACT: 'x',
        INSURER_COMPLAINTS: 'x',
        INSURER_MEDIATOR: 'x',
        INSURER_ORIAS: '123',
      }),
    ).toThrow(/INSURER_RCS: invalid[\s\S]*INSURER_ORIAS: invalid/);
  });
});
