// The relevé d'information through the gateway, as a customer moving to another insurer asks for it: issued at once,
// sealed, listing the contract's claims of the last five years (in progress, settled with the amount paid, refused)
// and nothing older; listed on the customer; another customer can neither issue it nor download it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO } from '@abri/platform';
import { euros, frenchDate, parisDay } from '@abri/platform/french';
import type { AbriClient } from '@abri/sdk';
import { customer, startTestSystem } from '@abri/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfSignature } from '../../platform/test/pdf-signature.ts';
import { ENTRY_LIMITS } from '../src/rate-limits.ts';

const run = promisify(execFile);
let system: Awaited<ReturnType<typeof startTestSystem>>;
let url: string;
const origin = () => url.replace('/graphql', '');

const yearsAgo = (years: number, days = 0) => {
  const today = parisDay(new Date());
  return new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() - days));
};

beforeAll(async () => {
  system = await startTestSystem();
  url = system.gateway.url;
  // Camille's history beside the demo's water damage in progress: a fire settled two years ago, a theft refused last
  // year, and a storm seven years ago (before the statement's five years).
  const claim = (reference: string, type: 'FIRE' | 'THEFT' | 'STORM', occurredOn: Date, status: string) => ({
    reference,
    customerId: DEMO.camille.customerId,
    policyId: DEMO.camille.policyId,
    type,
    status: status as 'PAID',
    occurredOn,
    declaredAt: occurredOn,
    description: 'Sinistre ancien du dossier de démonstration.',
  });
  await system.services.claims.app.prisma.claim.createMany({
    data: [
      { ...claim('SIN-2024-000101', 'FIRE', yearsAgo(2), 'PAID'), indemnityCents: 1_234_567 },
      { ...claim('SIN-2025-000202', 'THEFT', yearsAgo(1), 'REFUSED') },
      { ...claim('SIN-2019-000303', 'STORM', yearsAgo(7), 'CLOSED'), indemnityCents: 50_000 },
    ],
  });
}, 120_000);
afterAll(async () => {
  await system?.stop();
});

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'abri-statement-'));
  try {
    await writeFile(join(dir, 'statement.pdf'), pdf);
    return (await run('pdftotext', [join(dir, 'statement.pdf'), '-'])).stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Amounts as printed, with plain spaces (pdftotext keeps the non-breaking ones). */
const amount = (cents: number) => euros(cents).replace(/[\u00A0\u202F]/g, ' ');

const download = (client: AbriClient | null, path: string) =>
  fetch(`${origin()}${path}`, {
    headers: client?.accessToken ? { authorization: `Bearer ${client.accessToken}` } : {},
  });

const REQUEST = `mutation($p: ID!) { requestClaimsStatement(policyId: $p) {
  __typename
  ... on ClaimsStatementIssued { statement { id number issuedAt sizeBytes downloadUrl policyId } }
  ... on Error { message }
} }`;

interface Statement {
  id: string;
  number: string;
  sizeBytes: number;
  downloadUrl: string;
  policyId: string;
}

describe('relevé d’information', () => {
  let camille: AbriClient;
  let statement: Statement;

  it('issues the statement of the last five years, sealed, with each claim, its standing and what was paid', async () => {
    camille = await customer(url, 'camille');
    const { data, errors } = await camille.request<{
      requestClaimsStatement: { __typename: string; statement: Statement };
    }>(REQUEST, { p: DEMO.camille.policyId });
    expect(errors).toBeUndefined();
    expect(data?.requestClaimsStatement.__typename).toBe('ClaimsStatementIssued');
    statement = data!.requestClaimsStatement.statement;
    expect(statement.number).toMatch(/^RI-\d{4}-[0-9A-Z]{8}$/);
    expect(statement.policyId).toBe(DEMO.camille.policyId);

    const res = await download(camille, statement.downloadUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.length).toBe(statement.sizeBytes);
    expect(checkPdfSignature(pdf)).toMatchObject({ coversWholeFile: true, digestMatches: true, signatureValid: true });

    const text = (await pdfText(pdf)).replace(/[\u00A0\u202F]/g, ' ');
    const today = parisDay(new Date());
    expect(text).toContain('Relevé d’information');
    expect(text).toContain(`Période : du ${frenchDate(yearsAgo(5))} au ${frenchDate(today)}`);
    expect(text).toContain('Souscripteur : Camille Martin');
    expect(text).toContain('Contrat multirisque habitation n° HAB0012345, souscrit le 1er mars 2016, en cours');
    expect(text).toContain(statement.number);
    // The demo's water damage in progress (a third party involved, as declared), the fire settled, the theft refused.
    expect(text).toMatch(/SIN-2026-004217 .*Dégât des eaux Oui En cours en cours d’instruction/);
    expect(text).toContain(`SIN-2024-000101 ${frenchDate(yearsAgo(2))} Incendie Non Réglé ${amount(1_234_567)}`);
    expect(text).toContain(`SIN-2025-000202 ${frenchDate(yearsAgo(1))} Vol ou cambriolage Non Refusé ${amount(0)}`);
    // Seven years ago is outside the statement.
    expect(text).not.toContain('SIN-2019-000303');
    expect(text).toContain(`Nombre de sinistres sur la période : 3. Indemnités versées : ${amount(1_234_567)}.`);
  });

  it('lists the statements issued to the customer, newest first', async () => {
    const { data } = await camille.request<{ me: { claimsStatements: { id: string; number: string }[] } }>(
      '{ me { claimsStatements { id number } } }',
    );
    expect(data?.me.claimsStatements).toEqual([{ id: statement.id, number: statement.number }]);
  });

  const issue = async (client: AbriClient, policyId: string) => {
    const { data, errors } = await client.request<{
      requestClaimsStatement: { __typename: string; statement?: Statement };
    }>(REQUEST, { p: policyId });
    return { result: data?.requestClaimsStatement, code: errors?.[0]?.extensions?.['code'] };
  };
  const rows = (policyId: string) => system.services.claims.app.prisma.claimsStatement.count({ where: { policyId } });

  it('answers the statement already issued while no claim of the contract changed', async () => {
    const again = await issue(camille, DEMO.camille.policyId);
    expect(again.result?.statement?.id).toBe(statement.id);
    expect(again.result?.statement?.number).toBe(statement.number);
    expect(await rows(DEMO.camille.policyId)).toBe(1);
  });

  it('issues a new statement once a claim of the contract changed, with the change printed', async () => {
    await system.services.claims.app.prisma.claim.update({
      where: { reference: 'SIN-2024-000101' },
      data: { indemnityCents: 1_300_000 },
    });
    const renewed = (await issue(camille, DEMO.camille.policyId)).result?.statement;
    expect(renewed?.id).toBeDefined();
    expect(renewed?.id).not.toBe(statement.id);
    const res = await download(camille, renewed!.downloadUrl);
    const text = (await pdfText(Buffer.from(await res.arrayBuffer()))).replace(/[\u00A0\u202F]/g, ' ');
    expect(text).toContain(`Réglé ${amount(1_300_000)}`);
    // The first one stays as issued.
    const first = await download(camille, statement.downloadUrl);
    expect(Buffer.from(await first.arrayBuffer()).length).toBe(statement.sizeBytes);
    expect(await rows(DEMO.camille.policyId)).toBe(2);
  });

  it('issues one statement for many requests at the same time', async () => {
    await system.services.claims.app.prisma.claim.update({
      where: { reference: 'SIN-2025-000202' },
      data: { assignedTo: null },
    });
    const before = await rows(DEMO.camille.policyId);
    const answers = await Promise.all(Array.from({ length: 6 }, () => issue(camille, DEMO.camille.policyId)));
    const ids = new Set(answers.map((a) => a.result?.statement?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeDefined();
    expect(await rows(DEMO.camille.policyId)).toBe(before + 1);
  });

  it('issues nothing for another customer’s contract, and serves a statement to its owner only', async () => {
    const louis = await customer(url, 'louis');
    const { data } = await louis.request<{ requestClaimsStatement: { __typename: string; message: string } }>(REQUEST, {
      p: DEMO.camille.policyId,
    });
    expect(data?.requestClaimsStatement).toEqual({
      __typename: 'ClaimsStatementPolicyNotFound',
      message: 'Contrat introuvable.',
    });
    expect((await download(louis, statement.downloadUrl)).status).toBe(404);
    expect((await download(null, statement.downloadUrl)).status).not.toBe(200);
    const { data: list } = await louis.request<{ me: { claimsStatements: unknown[] } }>(
      '{ me { claimsStatements { id } } }',
    );
    expect(list?.me.claimsStatements).toEqual([]);
    // Nothing was issued by the refused request.
    expect(
      await system.services.claims.app.prisma.claimsStatement.count({ where: { customerId: DEMO.louis.customerId } }),
    ).toBe(0);
  });

  it('counts each customer’s requests: past the hourly limit, RATE_LIMITED before anything is rendered', async () => {
    const louis = await customer(url, 'louis');
    const max = ENTRY_LIMITS['requestClaimsStatement']![0]!.max;
    // Louis asked once already (for Camille's contract): that request counts too.
    const answers = await Promise.all(Array.from({ length: max }, () => issue(louis, DEMO.louis.policyId)));
    expect(answers.filter((a) => a.code === 'RATE_LIMITED')).toHaveLength(1);
    expect(answers.filter((a) => a.result?.__typename === 'ClaimsStatementIssued')).toHaveLength(max - 1);
    expect(await rows(DEMO.louis.policyId)).toBe(1);
  });
});
