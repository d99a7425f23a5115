// Documents through the gateway: listed with kind, date and size; downloaded by their owner only; the attestation's
// QR code, rendered and scanned, verifies publicly.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, parseEnv } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkPdfSignature } from '../../platform/test/pdf-signature.ts';
import { tokenFromScanned } from '../../subgraphs/policies/src/documents/attestation-token.ts';

const env = parseEnv(z.object({ ABRI_REQUIRE_SERVICES: z.string().default('false') }));
const tools = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/zbarimg');
if (env.ABRI_REQUIRE_SERVICES === 'true' && !tools)
  throw new Error('pdftoppm and zbarimg are required (poppler-utils, zbar-tools)');

const origin = () => url.replace('/graphql', '');

const system = await systemForFile();
const url = system.gateway.url;

const download = (client: AbriClient, path: string) =>
  fetch(`${origin()}${path}`, { headers: client.accessToken ? { authorization: `Bearer ${client.accessToken}` } : {} });

const VERIFY =
  'query($t: String!) { verifyAttestation(token: $t) { status authentic validToday contractNumber holder periodStart periodEnd documentSignedBy documentSignatureFingerprint } }';

describe('documents', () => {
  it('lists the customer’s documents with kind, date and size, and serves each PDF to its owner only', async () => {
    const camille = await customer(url, 'camille');
    const { data } = await camille.request<{
      me: { documents: { id: string; kind: string; issuedAt: string; sizeBytes: number; downloadUrl: string }[] };
    }>('{ me { documents { id kind title issuedAt sizeBytes downloadUrl } } }');
    const docs = data?.me.documents ?? [];
    expect(docs.map((d) => d.kind).sort()).toEqual([
      'ATTESTATION',
      'CERTIFICATE',
      'GENERAL_CONDITIONS',
      'PARTICULAR_CONDITIONS',
    ]);
    const attestation = docs.find((d) => d.kind === 'ATTESTATION')!;
    const res = await download(camille, attestation.downloadUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBe(attestation.sizeBytes);
    // Every PDF downloaded is sealed by the insurer, the whole file covered.
    for (const doc of docs) {
      const file = Buffer.from(await (await download(camille, doc.downloadUrl)).arrayBuffer());
      expect(checkPdfSignature(file), doc.kind).toMatchObject({ coversWholeFile: true, signatureValid: true });
    }

    const louis = await customer(url, 'louis');
    expect((await download(louis, attestation.downloadUrl)).status).toBe(404);
    expect((await download(new AbriClient(url), attestation.downloadUrl)).status).toBe(401);
    const louisDocs = await louis.request<{ me: { documents: { id: string }[] } }>('{ me { documents { id } } }');
    expect(louisDocs.data?.me.documents.map((d) => d.id)).not.toContain(attestation.id);
  });

  it('serves a file from a signed link without any header: its own path only, its owner only, not once altered or signed out', async () => {
    const camille = await customer(url, 'camille');
    const { data } = await camille.request<{ me: { documents: { kind: string; downloadUrl: string }[] } }>(
      '{ me { documents { kind downloadUrl } } }',
    );
    const [first, second] = data!.me.documents.map((d) => d.downloadUrl) as [string, string];
    const linkFor = (client: AbriClient, path: string) =>
      fetch(`${origin()}/download-links`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(client.accessToken ? { authorization: `Bearer ${client.accessToken}` } : {}),
        },
        body: JSON.stringify({ path }),
      });
    const asked = await linkFor(camille, first);
    expect(asked.status).toBe(200);
    const { url: link, expiresAt } = (await asked.json()) as { url: string; expiresAt: string };
    expect(link.startsWith(`${first}?link=`)).toBe(true);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(120_000);

    const plain = await fetch(`${origin()}${link}`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('referrer-policy')).toBe('no-referrer');
    expect(
      Buffer.from(await plain.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // Bound to its path: the same signature opens no other file; altered, it opens nothing.
    const signature = link.split('?link=')[1]!;
    expect((await fetch(`${origin()}${second}?link=${signature}`)).status).toBe(401);
    // (The first character of the signature is altered: its last one also carries padding bits a decoder ignores.)
    const altered = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect((await fetch(`${origin()}${first}?link=${altered}`)).status).toBe(401);
    // Only file routes are signed, and only for a signed-in caller; someone else's link to this file finds nothing.
    expect((await linkFor(camille, '/graphql')).status).toBe(404);
    expect((await linkFor(new AbriClient(url), first)).status).toBe(401);
    const louis = await customer(url, 'louis');
    const louisLink = ((await (await linkFor(louis, first)).json()) as { url: string }).url;
    expect((await fetch(`${origin()}${louisLink}`)).status).toBe(404);
    // A link outlives neither its session: signed out, it is refused.
    const again = ((await (await linkFor(camille, first)).json()) as { url: string }).url;
    await camille.request('mutation { logout }');
    await expect.poll(async () => (await fetch(`${origin()}${again}`)).status, { timeout: 10_000 }).toBe(401);
  });

  it('serves the general conditions to anyone, sealed, at /conditions-generales.pdf', async () => {
    const res = await fetch(`${origin()}/conditions-generales.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(checkPdfSignature(Buffer.from(await res.arrayBuffer())).signatureValid).toBe(true);
  });

  it('refuses to issue an attestation on someone else’s contract', async () => {
    const louis = await customer(url, 'louis');
    const { data } = await louis.request(
      `mutation { generateAttestation(policyId: "${DEMO.camille.policyId}") { __typename } }`,
    );
    expect(data).toEqual({ generateAttestation: { __typename: 'PolicyNotFound' } });
  });

  it.skipIf(!tools)(
    'issues an attestation whose QR code, rendered and scanned, verifies as authentic; altered or ended, it does not',
    async () => {
      const camille = await customer(url, 'camille');
      const issued = await camille.request<{ generateAttestation: { document: { downloadUrl: string } } }>(
        `mutation { generateAttestation(policyId: "${DEMO.camille.policyId}") { __typename ... on DocumentGenerated { document { downloadUrl } } } }`,
      );
      const pdf = Buffer.from(
        await (await download(camille, issued.data!.generateAttestation.document.downloadUrl)).arrayBuffer(),
      );
      const dir = mkdtempSync(join(tmpdir(), 'abri-attestation-'));
      writeFileSync(join(dir, 'a.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', join(dir, 'a.pdf'), join(dir, 'page')]);
      const scanned = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'page-1.png')])
        .toString()
        .trim();
      const token = tokenFromScanned(scanned);

      const anyone = new AbriClient(url);
      const check = await anyone.request<{ verifyAttestation: Record<string, unknown> }>(VERIFY, { t: token });
      expect(check.data?.verifyAttestation).toMatchObject({
        status: 'VALID',
        authentic: true,
        validToday: true,
        contractNumber: DEMO.camille.contractNumber,
        holder: 'Camille Martin',
        documentSignedBy: 'Abri Assurances – cachet de démonstration',
      });
      // The answer names the certificate the PDF is really signed with, as a reader shows its fingerprint.
      expect(check.data?.verifyAttestation['documentSignatureFingerprint']).toBe(
        checkPdfSignature(pdf).certificate.fingerprint256,
      );

      const i = Math.floor(token.length / 2);
      const altered = `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
      expect(
        (await anyone.request<{ verifyAttestation: { status: string } }>(VERIFY, { t: altered })).data
          ?.verifyAttestation,
      ).toMatchObject({ status: 'TAMPERED', authentic: false, holder: null });

      await system.services.policies.app.prisma.policy.update({
        where: { id: DEMO.camille.policyId },
        data: { status: 'TERMINATED', endedAt: new Date() },
      });
      expect(
        (await anyone.request<{ verifyAttestation: { status: string } }>(VERIFY, { t: token })).data?.verifyAttestation,
      ).toMatchObject({ status: 'CONTRACT_ENDED', authentic: true, validToday: false });
      await system.services.policies.app.prisma.policy.update({
        where: { id: DEMO.camille.policyId },
        data: { status: 'ACTIVE', endedAt: null },
      });
    },
  );
});
