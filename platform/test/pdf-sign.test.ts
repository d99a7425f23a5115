// Every issued PDF is sealed by the insurer (PAdES): the signature covers the whole file but itself, verifies with
// the certificate it carries, and one changed byte breaks it; the text and the QR code still read as before.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read } from '../src/der.ts';
import { DEMO_INSURER, demoSealSettings, type Insurer, issuerSeal, sealFromEnv } from '../src/insurer.ts';
import { issuePdf } from '../src/pdf.ts';
import { createDemoSeal, sealFromPem, sealSigner } from '../src/seal.ts';
import { checkPdfSignature } from './pdf-signature.ts';

const run = promisify(execFile);
const REQUIRE_SERVICES = process.env.ABRI_REQUIRE_SERVICES === 'true';
async function hasBinary(name: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${name}`]).then(
    () => true,
    () => false,
  );
}
const [hasPoppler, hasZbar, hasPdfsig] = await Promise.all([
  hasBinary('pdftoppm'),
  hasBinary('zbarimg'),
  hasBinary('pdfsig'),
]);
const skipScan = !(hasPoppler && hasZbar) && !REQUIRE_SERVICES;
const skipPdfsig = !hasPdfsig && !REQUIRE_SERVICES;

const at = new Date('2026-12-01T09:30:00Z');
const withSeal = (seal = sealFromEnv(demoSealSettings('Toit Mutuel', at))): Insurer => ({
  ...DEMO_INSURER,
  name: 'Toit Mutuel',
  seal,
});

const issue = (insurer: Insurer = withSeal()) =>
  issuePdf({
    title: 'Attestation d’assurance habitation',
    number: 'ATT-2026-7K3Q9M2D',
    insurer,
    at,
    content: [
      { text: 'Le 1er décembre 2026, Camille Martin est assurée.' },
      { qr: 'https://abri.example/verifier?t=abc', eccLevel: 'M', fit: 120 },
      // A link makes pdfmake write /Annots on the first page: the signature widget joins them.
      { text: 'Vérifier', link: 'https://abri.example/verifier' },
    ],
  });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'abri-signed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sealed PDF', () => {
  it('carries a PAdES signature of the whole file by the insurer’s certificate', async () => {
    const insurer = withSeal();
    const pdf = await issue(insurer);
    const report = checkPdfSignature(pdf);
    expect(report).toMatchObject({
      coversWholeFile: true,
      digestMatches: true,
      signatureValid: true,
      namesItsCertificate: true,
      subFilter: 'ETSI.CAdES.detached',
    });
    expect(report.certificate.raw.equals(insurer.seal?.certificates[0] ?? Buffer.alloc(0))).toBe(true);
    expect(sealSigner(issuerSeal(insurer, at)).name).toBe('Toit Mutuel – cachet de démonstration');
  });

  it('no longer verifies when one byte of the document is changed', async () => {
    const pdf = await issue();
    const at = pdf.indexOf('/Type /Page');
    const altered = Buffer.from(pdf);
    altered[at + 1] = 'P'.charCodeAt(0) === altered[at + 1] ? 'Q'.charCodeAt(0) : 'P'.charCodeAt(0);
    const report = checkPdfSignature(altered);
    expect(report.coversWholeFile).toBe(true);
    expect(report.digestMatches).toBe(false);
  });

  it('no longer verifies when one byte of the signature is changed', async () => {
    const pdf = await issue();
    const contents = pdf.lastIndexOf('/Contents <') + '/Contents <'.length;
    const hex = pdf.toString('latin1', contents, pdf.indexOf('>', contents));
    // The last byte of the CMS structure (the zeros after it are padding): inside the signature value.
    const last = contents + 2 * read(Buffer.from(hex, 'hex')).encoded.length - 1;
    const altered = Buffer.from(pdf);
    altered[last] = altered[last] === 0x61 ? 0x62 : 0x61;
    expect(checkPdfSignature(altered).signatureValid).toBe(false);
  });

  it('signs with an RSA certificate as well as an EC one', async () => {
    const { keyPem, certificatePem } = createDemoSeal('Toit Mutuel', at, 'rsa');
    const report = checkPdfSignature(await issue(withSeal(sealFromPem(keyPem, certificatePem))));
    expect(report.signatureValid && report.digestMatches).toBe(true);
  });

  it('refuses a key that is not the certificate’s, and a real insurer without a certificate', () => {
    const one = createDemoSeal('Toit Mutuel', at);
    const other = createDemoSeal('Toit Mutuel', at);
    expect(() => sealFromPem(one.keyPem, other.certificatePem)).toThrow(/does not match/);
    const { seal: _none, demo: _demo, ...real } = withSeal();
    expect(() => issuerSeal(real, at)).toThrow(/no signing certificate/);
  });

  it.skipIf(skipPdfsig)('is reported valid and complete by poppler’s pdfsig, and altered after a change', async () => {
    const pdf = await issue();
    const file = join(dir, 'signed.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfsig', [file]);
    expect(stdout).toContain('Signature Validation: Signature is Valid.');
    expect(stdout).toContain('Total document signed');
    expect(stdout).toContain('Signer Certificate Common Name: Toit Mutuel – cachet de démonstration');
    expect(stdout).toContain('Signature Type: ETSI.CAdES.detached');

    const altered = Buffer.from(pdf);
    const page = pdf.indexOf('/MediaBox');
    altered[page + 1] = 0x4e; // /MediaBox → /NediaBox
    await writeFile(join(dir, 'altered.pdf'), altered);
    const after = await run('pdfsig', [join(dir, 'altered.pdf')]).then(
      (r) => r.stdout,
      (e: { stdout: string }) => e.stdout,
    );
    expect(after).not.toContain('Signature is Valid.');
  });

  it.skipIf(skipScan)('keeps its text and QR code readable', async () => {
    const file = join(dir, 'qr.pdf');
    await writeFile(file, await issue());
    const text = (await run('pdftotext', [file, '-'])).stdout;
    expect(text).toContain('Le 1er décembre 2026, Camille Martin est assurée.');
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, join(dir, 'qr')]);
    const { stdout } = await run('zbarimg', ['--quiet', '--raw', join(dir, 'qr-1.png')]);
    expect(stdout.trim()).toBe('https://abri.example/verifier?t=abc');
  });
});
