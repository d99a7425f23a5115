import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_INSURER } from '@abri/platform';
import { type CryptoKey, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attestationPdf } from '../src/documents/attestation-pdf.ts';
import {
  type AttestationFacts,
  attestationUrl,
  signAttestation,
  tokenFromScanned,
  verifyAttestation,
} from '../src/documents/attestation-token.ts';
import { avenantPdf } from '../src/documents/avenant-pdf.ts';
import { certificatePdf } from '../src/documents/certificate-pdf.ts';
import { generalConditionsPdf } from '../src/documents/general-conditions-pdf.ts';

// CI installs poppler-utils and zbar-tools and sets this, so a missing binary fails there instead of skipping.
const REQUIRE_SERVICES = process.env.ABRI_REQUIRE_SERVICES === 'true';

const run = promisify(execFile);

async function hasBinary(name: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}
const [hasPoppler, hasZbar] = await Promise.all([
  Promise.all([hasBinary('pdftoppm'), hasBinary('pdftotext')]).then((found) => found.every(Boolean)),
  hasBinary('zbarimg'),
]);
const skipPdfText = !hasPoppler && !REQUIRE_SERVICES;
const skipScan = !(hasPoppler && hasZbar) && !REQUIRE_SERVICES;

/** Who issues the documents and their number, as the app passes them. */
const issued = { insurer: DEMO_INSURER, documentNumber: 'DOC-2025-TEST0001' };
/** What an avenant adds: the guarantees after the change and the acceptance evidence. */
const accepted = {
  guarantees: [{ label: 'Vol et vandalisme', ceilingCents: 900_000, deductibleCents: 15_000 }],
  acceptance: {
    at: new Date('2025-06-20T08:05:00Z'),
    sessionRef: '0A1B2C3D4E5F',
    device: 'Firefox 133 sur Windows 10',
  },
};

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const facts: AttestationFacts = {
  contractNumber: 'HAB4827193',
  holder: 'Camille Martin',
  address: '18 rue des Lilas, appartement 42, 69003 Lyon',
  occupancy: 'TENANT',
  residence: 'MAIN',
  periodStart: day('2025-01-01'),
  periodEnd: day('2025-12-31'),
  issuedAt: day('2025-03-14'),
  policyVersion: 3,
};

const guarantees = [
  { label: 'Responsabilité civile vie privée' },
  { label: 'Risques locatifs' },
  { label: 'Incendie et événements assimilés' },
  { label: 'Dégâts des eaux' },
  { label: 'Vol et vandalisme' },
  { label: 'Catastrophes naturelles' },
];

type KeyPair = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey };
const newKey = async (kid: string): Promise<KeyPair> => ({
  kid,
  ...(await generateKeyPair('EdDSA', { crv: 'Ed25519' })),
});
const jwks =
  (...pairs: KeyPair[]) =>
  async (kid: string) =>
    pairs.find((pair) => pair.kid === kid)?.publicKey ?? null;

/** The token with one character replaced by another base64url character at `index`. */
function changeOne(token: string, index: number): string {
  const replacement = token[index] === 'A' ? 'B' : 'A';
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

let dir: string;
let current: KeyPair;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'abri-attestation-'));
  current = await newKey('att-2025-01');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pdfText(name: string, pdf: Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, pdf);
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}

describe('attestation token', () => {
  it('gives back the signed facts and the key id when nothing was changed', async () => {
    const token = await signAttestation(facts, current);
    await expect(verifyAttestation(token, jwks(current))).resolves.toEqual({
      status: 'AUTHENTIC',
      facts,
      kid: 'att-2025-01',
    });
  });

  it('is TAMPERED when any one character changes, in the header, the payload or the signature', async () => {
    const token = await signAttestation(facts, current);
    const [header, payload] = token.split('.') as [string, string, string];
    const sig = header.length + payload.length + 2;
    const positions = [
      0,
      Math.floor(header.length / 2),
      header.length - 1,
      header.length + 1,
      header.length + 1 + Math.floor(payload.length / 2),
      sig - 2,
      sig,
      sig + 40,
      token.length - 1,
    ];
    for (const index of positions) {
      expect(await verifyAttestation(changeOne(token, index), jwks(current)), `position ${index}`).toEqual({
        status: 'TAMPERED',
      });
    }
  });

  it('is TAMPERED when the last character differs only in bits the base64url decoder ignores', async () => {
    // 64 signature bytes take 86 characters; the last one carries 2 unused bits that jose alone does not check.
    const token = await signAttestation(facts, current);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(token.at(-1)!) ^ 1]!;
    const variant = token.slice(0, -1) + sibling;
    expect(Buffer.from(variant.split('.')[2]!, 'base64url')).toEqual(Buffer.from(token.split('.')[2]!, 'base64url'));
    expect(await verifyAttestation(variant, jwks(current))).toEqual({ status: 'TAMPERED' });
  });

  it('is TAMPERED when signed by another key under the same kid', async () => {
    const impostor = await newKey(current.kid);
    const forged = await signAttestation({ ...facts, holder: 'Someone Else' }, impostor);
    expect(await verifyAttestation(forged, jwks(current))).toEqual({ status: 'TAMPERED' });
  });

  it('is TAMPERED when the kid is not in the key set', async () => {
    const stranger = await newKey('att-unknown');
    const token = await signAttestation(facts, stranger);
    expect(await verifyAttestation(token, jwks(current))).toEqual({ status: 'TAMPERED' });
  });

  it.each(['', 'not a token', 'a.b.c', 'eyJhbGciOiJub25lIn0.eyJ2IjoxfQ.'])('is TAMPERED for %j', async (junk) => {
    expect(await verifyAttestation(junk, jwks(current))).toEqual({ status: 'TAMPERED' });
  });

  it('accepts tokens of the old and the new key while both are published, then only the new', async () => {
    const next = await newKey('att-2025-07');
    const oldToken = await signAttestation(facts, current);
    const newToken = await signAttestation({ ...facts, issuedAt: day('2025-08-01') }, next);
    const both = jwks(current, next);
    expect(await verifyAttestation(oldToken, both)).toMatchObject({ status: 'AUTHENTIC', kid: 'att-2025-01' });
    expect(await verifyAttestation(newToken, both)).toMatchObject({ status: 'AUTHENTIC', kid: 'att-2025-07' });
    expect(await verifyAttestation(oldToken, jwks(next))).toEqual({ status: 'TAMPERED' });
  });

  it('rejects, rather than calling the token forged, when the key set cannot be read', async () => {
    const token = await signAttestation(facts, current);
    const outage = new Error('database unavailable');
    await expect(verifyAttestation(token, () => Promise.reject(outage))).rejects.toBe(outage);
  });

  it('reads the token from the check-page URL or from the bare token', async () => {
    const token = await signAttestation(facts, current);
    expect(tokenFromScanned(attestationUrl('https://abri.example', token))).toBe(token);
    expect(tokenFromScanned(` ${token}\n`)).toBe(token);
    expect(tokenFromScanned('https://abri.example/verifier')).toBe('');
  });
});

describe('attestation PDF', () => {
  it.skipIf(skipScan)(
    'carries a QR code that, printed at 150 dpi and scanned, proves the facts; one changed character does not',
    async () => {
      const token = await signAttestation(facts, current);
      const pdf = await attestationPdf({
        ...issued,
        facts,
        guarantees,
        qrText: attestationUrl('https://abri.example', token),
      });
      const file = join(dir, 'attestation.pdf');
      await writeFile(file, pdf);
      await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, join(dir, 'attestation')]);
      const { stdout } = await run('zbarimg', ['--quiet', '--raw', join(dir, 'attestation-1.png')]);

      const scanned = tokenFromScanned(stdout);
      expect(scanned).toBe(token);
      expect(await verifyAttestation(scanned, jwks(current))).toEqual({ status: 'AUTHENTIC', facts, kid: current.kid });
      const forged = changeOne(scanned, scanned.indexOf('.') + 20);
      expect(await verifyAttestation(forged, jwks(current))).toEqual({ status: 'TAMPERED' });
    },
  );

  it.skipIf(skipScan)('keeps the QR code scannable when a long address pushes it to a larger version', async () => {
    const long = {
      ...facts,
      holder: 'Marie-Bénédicte de La Rochefoucauld-Montmorency',
      address:
        'Résidence Les Terrasses du Parc, bâtiment C, escalier 4, 127 boulevard du Maréchal-Leclerc, 13008 Marseille',
      occupancy: 'OWNER' as const,
      residence: 'SECONDARY' as const,
    };
    const token = await signAttestation(long, current);
    const pdf = await attestationPdf({
      ...issued,
      facts: long,
      guarantees,
      qrText: attestationUrl('https://abri.example', token),
    });
    const file = join(dir, 'long.pdf');
    await writeFile(file, pdf);
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, join(dir, 'long')]);
    const { stdout } = await run('zbarimg', ['--quiet', '--raw', join(dir, 'long-1.png')]);
    expect(await verifyAttestation(tokenFromScanned(stdout), jwks(current))).toMatchObject({ status: 'AUTHENTIC' });
  });

  it.skipIf(skipPdfText)('prints what a landlord or a bank checks', async () => {
    const token = await signAttestation(facts, current);
    const pdf = await attestationPdf({
      ...issued,
      facts,
      guarantees,
      qrText: attestationUrl('https://abri.example', token),
    });
    const text = await pdfText('attestation-text.pdf', pdf);
    expect(text).toContain('Attestation d’assurance habitation');
    expect(text).toContain('Abri Assurances');
    expect(text).toContain('HAB4827193');
    expect(text).toContain('Camille Martin');
    expect(text).toContain('Locataire');
    expect(text).toContain('Résidence principale');
    expect(text).toContain('18 rue des Lilas, appartement 42, 69003 Lyon');
    expect(text).toContain('du 1er janvier 2025 au 31 décembre 2025');
    expect(text).toContain('Délivrée le 14 mars 2025');
    expect(text).toContain('Risques locatifs');
    expect(text).toContain('Responsabilité civile vie privée');
    expect(text).toContain('Assureur fictif de démonstration');
    expect(text).toContain('Page 1 / 1');
  });
});

const normalise = (text: string) => text.replace(/\u00A0/g, ' ');

describe('other contract documents', () => {
  it.skipIf(skipPdfText)('certificate of guarantees lists ceilings, deductibles and exclusions', async () => {
    const pdf = await certificatePdf({
      ...issued,
      contractNumber: 'HAB4827193',
      holder: 'Camille Martin',
      address: '18 rue des Lilas, 69003 Lyon',
      periodStart: day('2025-01-01'),
      periodEnd: day('2025-12-31'),
      issuedAt: day('2025-03-14'),
      guarantees: [
        {
          label: 'Dégâts des eaux',
          ceilingCents: 3_000_000,
          deductibleCents: 15_000,
          exclusions: ['Infiltrations par les façades', 'Défaut d’entretien des joints'],
        },
        {
          label: 'Catastrophes naturelles',
          ceilingCents: null,
          deductibleCents: 38_000,
          deductibleNote: 'Légale : 380 € ; 1 520 € sécheresse',
          exclusions: [],
        },
        { label: 'Vol et vandalisme', ceilingCents: 152_000, deductibleCents: 0, exclusions: ['Vol sans effraction'] },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = normalise(await pdfText('certificate.pdf', pdf));
    expect(text).toContain('Certificat de garanties');
    expect(text).toContain('30 000,00 €');
    expect(text).toContain('1 520,00 €');
    expect(text).toContain('150,00 €');
    expect(text).toContain('Vol sans effraction');
    expect(text).toContain('Sans plafond');
  });

  it.skipIf(skipPdfText)('avenant states the change, the new premium and the pro-rata', async () => {
    const pdf = await avenantPdf({
      ...issued,
      ...accepted,
      number: 4,
      contractNumber: 'HAB4827193',
      holder: 'Camille Martin',
      effectiveDate: day('2025-07-01'),
      issuedAt: day('2025-06-20'),
      periodEnd: day('2025-12-31'),
      changes: [
        { label: 'Nombre de pièces', before: '3', after: '4' },
        { label: 'Option Objets de valeur', before: 'Non souscrite', after: 'Souscrite (plafond 8 000 €)' },
      ],
      previousPremiumCents: 21_840,
      newPremiumCents: 26_400,
      proRataCents: 2_298,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = normalise(await pdfText('avenant.pdf', pdf));
    expect(text).toContain('Avenant n° 4');
    expect(text).toContain('HAB4827193');
    expect(text).toContain('Nombre de pièces');
    expect(text).toContain('218,40 €');
    expect(text).toContain('264,00 €');
    expect(text).toMatch(/Montant à régler .* 22,98 €/);
  });

  it.skipIf(skipPdfText)('avenant says a negative pro-rata is refunded', async () => {
    const pdf = await avenantPdf({
      ...issued,
      ...accepted,
      number: 5,
      contractNumber: 'HAB4827193',
      holder: 'Camille Martin',
      effectiveDate: day('2025-09-01'),
      issuedAt: day('2025-08-20'),
      periodEnd: day('2025-12-31'),
      changes: [{ label: 'Option Objets de valeur', before: 'Souscrite', after: 'Non souscrite' }],
      previousPremiumCents: 26_400,
      newPremiumCents: 21_840,
      proRataCents: -1_520,
    });
    expect(normalise(await pdfText('avenant-refund.pdf', pdf))).toMatch(/Montant remboursé .* 15,20 €/);
  });

  it.skipIf(skipPdfText)('general conditions cover deadlines, cat-nat and non-payment over a few pages', async () => {
    const pdf = await generalConditionsPdf({ ...issued, issuedAt: day('2025-03-14') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = normalise(await pdfText('general-conditions.pdf', pdf));
    expect(text).toContain('Conditions générales habitation');
    expect(text).toContain('2 jours ouvrés');
    expect(text).toContain('5 jours ouvrés');
    expect(text).toContain('L113-3');
    expect(text).toContain('380,00 €');
    expect(text).toContain('Données personnelles');
    const pages = Number(/Page 1 \/ (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
  });
});
