// Encryption at rest, seen from the disk: after the demo is seeded and a customer has signed in, read her profile,
// declared a claim with an attachment, issued an attestation, added a SEPA mandate, asked to change her e-mail address
// and her phone number (both awaiting their code), moved house (the change priced, then accepted: a new version of her
// contract) and had a copy of her data prepared through the gateway, and a claims adjuster moved her claim with a note (its timeline, the staff audit trail, her « Qui a consulté mon dossier »), no
// personal value appears in clear in any text, JSON or bytes column of the four subgraphs' tables, nor in the
// attachment files. Read with a plain PostgreSQL client, as someone holding a copy of the database would.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '@abri/platform';
import { adjuster, customer, startTestSystem } from '@abri/testkit';
import { type TestServices, testServices } from '@abri/testkit/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngWithText } from '../../subgraphs/claims/test/files.fixtures.ts';

let services: TestServices;
let system: Awaited<ReturnType<typeof startTestSystem>>;
let dataDir: string;

beforeAll(async () => {
  services = await testServices();
  dataDir = mkdtempSync(join(tmpdir(), 'abri-at-rest-'));
  system = await startTestSystem({
    dataDir,
    production: { ...(services.databaseUrl ? { databaseUrl: services.databaseUrl } : {}), bus: services.bus },
  });
}, 180_000);
afterAll(async () => {
  await system?.stop();
  await services?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const IBAN = 'FR1420041010050500013M02606';
const ATTACHMENT_TEXT = 'Facture du plombier Lucien Garnier';
const NEW_EMAIL = 'camille.nouvelle-adresse@exemple.fr';
const NEW_PHONE = '+33755443322';
const NEW_ADDRESS = '7 allée des Glycines';
const ADJUSTER_NOTE = 'Rappeler Mme Martin au sujet du chauffe-eau';

/** Every text, JSON, array and bytes value of every table of the four schemas, with where it was read. */
async function rawValues(databaseUrl: string): Promise<{ where: string; value: Buffer }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ schema: string; table: string; column: string; type: string }>(
      `SELECT table_schema AS schema, table_name AS table, column_name AS column, data_type AS type
         FROM information_schema.columns
        WHERE table_schema IN ('users', 'policies', 'claims', 'payments')
          AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')`,
    );
    const values: { where: string; value: Buffer }[] = [];
    for (const c of columns) {
      const select = c.type === 'bytea' ? `"${c.column}"` : `"${c.column}"::text`;
      const { rows } = await client.query<{ v: string | Buffer }>(
        `SELECT ${select} AS v FROM "${c.schema}"."${c.table}" WHERE "${c.column}" IS NOT NULL`,
      );
      for (const { v } of rows)
        values.push({ where: `${c.schema}.${c.table}.${c.column}`, value: Buffer.isBuffer(v) ? v : Buffer.from(v) });
    }
    expect(columns.length).toBeGreaterThan(50);
    return values;
  } finally {
    await client.end();
  }
}

const filesUnder = (dir: string): { where: string; value: Buffer }[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { where: path, value: readFileSync(path) };
    });

describe.skipIf(!process.env.ABRI_TEST_DATABASE_URL)('personal data at rest (PostgreSQL)', () => {
  it('holds no seeded or entered personal value in clear, in any column of any table or in the attachment files', async () => {
    const url = system.gateway.url;
    const camille = await customer(url, 'camille');
    const me = await camille.request<{ me: { firstName: string; lastName: string; email: string; phone: string } }>(
      '{ me { firstName lastName email phone } }',
    );
    expect(me.data?.me).toMatchObject({
      firstName: 'Camille',
      lastName: 'Martin',
      email: 'camille.martin@abri.example',
    });

    const declared = await camille.request<{ declareClaim: { __typename: string; claim?: { id: string } } }>(
      `mutation($i: DeclareClaimInput!) { declareClaim(input: $i) { __typename ... on ClaimDeclared { claim { id } } } }`,
      {
        i: {
          policyId: DEMO.camille.policyId,
          type: 'WATER_DAMAGE',
          occurredOn: new Date().toISOString().slice(0, 10),
          description: 'Fuite sous l’évier de la buanderie, parquet gonflé.',
          answers: {
            source: 'NEIGHBOUR',
            leakStopped: true,
            thirdPartyInvolved: true,
            thirdPartyName: 'M. Théodore Vasseur',
            jointReport: false,
          },
        },
      },
    );
    const claimId = declared.data?.declareClaim.claim?.id;
    expect(declared.data?.declareClaim.__typename).toBe('ClaimDeclared');
    // A real image (files are parsed to their end) carrying the text in a chunk, so its bytes hold it in clear.
    const file = pngWithText(Buffer.from(ATTACHMENT_TEXT));
    const attached = await camille.request<{ addClaimAttachment: { __typename: string } }>(
      'mutation($c: ID!, $f: String!, $b: String!) { addClaimAttachment(claimId: $c, filename: $f, contentBase64: $b) { __typename } }',
      { c: claimId, f: 'facture-vasseur.png', b: file.toString('base64') },
    );
    expect(attached.data?.addClaimAttachment.__typename).toBe('AttachmentAdded');

    const attestation = await camille.request<{ generateAttestation: { __typename: string } }>(
      `mutation { generateAttestation(policyId: "${DEMO.camille.policyId}") { __typename } }`,
    );
    expect(attestation.data?.generateAttestation.__typename).toBe('DocumentGenerated');

    const mandate = await camille.request<{ addSepaMandate: { __typename: string } }>(
      'mutation($i: SepaMandateInput!) { addSepaMandate(input: $i) { __typename } }',
      { i: { iban: IBAN, holderName: 'Camille Martin' } },
    );
    expect(mandate.data?.addSepaMandate.__typename).toBe('PaymentMethodAdded');

    // An e-mail change and a new phone number, each waiting for its code (fresh sign-in: no step-up needed).
    const emailChange = await camille.request<{ requestEmailChange: { __typename: string } }>(
      'mutation($e: String!) { requestEmailChange(newEmail: $e) { __typename } }',
      { e: NEW_EMAIL },
    );
    expect(emailChange.data?.requestEmailChange.__typename).toBe('EmailChangeRequested');
    const phoneChange = await camille.request<{ updateProfile: { __typename: string } }>(
      `mutation { updateProfile(input: { phone: "${NEW_PHONE}" }) { __typename } }`,
    );
    expect(phoneChange.data?.updateProfile.__typename).toBe('UpdateProfileSuccess');

    // She moves house: the quote and the contract's new version say what changes, her new address among it.
    const quoted = await camille.request<{ quotePolicyChange: { __typename: string; quote?: { id: string } } }>(
      'mutation($i: PolicyChangeInput!) { quotePolicyChange(input: $i) { __typename ... on PolicyChangeQuoted { quote { id } } } }',
      {
        i: {
          policyId: DEMO.camille.policyId,
          move: {
            addressLine: NEW_ADDRESS,
            postalCode: '69003',
            city: 'Lyon',
            type: 'APARTMENT',
            surfaceM2: 64,
            rooms: 3,
            occupancy: 'TENANT',
            residence: 'MAIN',
          },
        },
      },
    );
    expect(quoted.data?.quotePolicyChange.__typename).toBe('PolicyChangeQuoted');
    const applied = await camille.request<{ applyPolicyChange: { __typename: string } }>(
      'mutation($q: ID!) { applyPolicyChange(quoteId: $q) { __typename } }',
      { q: quoted.data?.quotePolicyChange.quote?.id },
    );
    expect(applied.data?.applyPolicyChange.__typename).toBe('PolicyChangeApplied');
    const contracts = await camille.request<{ me: { policies: { id: string; versions: { reason: string }[] }[] } }>(
      '{ me { policies { id versions { reason } } } }',
    );
    const versions = contracts.data?.me.policies.find((p) => p.id === DEMO.camille.policyId)?.versions ?? [];
    expect(versions.map((v) => v.reason).join(' | ')).toContain(NEW_ADDRESS);

    // A claims adjuster takes the claim on, with a note: written in SQL by claims (the move, its timeline line, the
    // audit line) and, from the event, by users (her access log, with the adjuster's name).
    const staff = await adjuster(url);
    const moved = await staff.request<{ advanceClaim: { __typename: string } }>(
      'mutation($i: AdvanceClaimInput!) { advanceClaim(input: $i) { __typename } }',
      { i: { claimId, to: 'ACKNOWLEDGED', note: ADJUSTER_NOTE } },
    );
    expect(moved.data?.advanceClaim.__typename).toBe('AdvanceClaimSuccess');
    const timeline = await camille.request<{ me: { claims: { id: string; history: { note: string | null }[] }[] } }>(
      '{ me { claims { id history { note } } } }',
    );
    const history = timeline.data?.me.claims.find((c) => c.id === claimId)?.history;
    expect(history?.map((h) => h.note)).toContain(ADJUSTER_NOTE);
    await expect
      .poll(
        async () =>
          (
            await camille.request<{ me: { staffAccess: { staffName: string; reason: string | null }[] } }>(
              '{ me { staffAccess(first: 20) { staffName reason } } }',
            )
          ).data?.me.staffAccess.find((a) => a.reason === ADJUSTER_NOTE)?.staffName,
        { timeout: 60_000 },
      )
      .toMatch(/^Claire Dubois/);

    // A copy of her data, gathered from the four subgraphs into a ZIP kept 7 days.
    const exported = await camille.request<{ requestDataExport: { __typename: string } }>(
      'mutation { requestDataExport { __typename } }',
    );
    expect(exported.data?.requestDataExport.__typename).toBe('DataExportRequested');
    await expect
      .poll(
        async () =>
          (await camille.request<{ me: { dataExports: { status: string }[] } }>('{ me { dataExports { status } } }'))
            .data?.me.dataExports[0]?.status,
        { timeout: 120_000 },
      )
      .toBe('READY');
    const tokens = await system.services.users.app.prisma.oneTimeToken.count({
      where: { customerId: DEMO.camille.customerId, valueEncrypted: { not: null } },
    });
    expect(tokens).toBe(2);

    // The address her sign-in came from, as the service reads it back (sealed, it is only readable through it).
    const session = await system.services.users.app.prisma.session.findFirst({
      where: { customerId: DEMO.camille.customerId },
      orderBy: { createdAt: 'desc' },
    });
    expect(session?.ip).toBeTruthy();

    const personal = [
      'Camille',
      'Martin',
      'camille.martin@abri.example',
      'louis.bernard@abri.example',
      'Bernard',
      '+33612345678',
      '612345678',
      '12 rue des Lilas',
      '4 chemin du Moulin',
      'Claire Dubois',
      'Hugo Lef',
      'ballon d’eau chaude',
      'buanderie',
      'Théodore Vasseur',
      'facture-vasseur',
      'Lucien Garnier',
      IBAN,
      '20041010050500013',
      NEW_EMAIL,
      NEW_PHONE,
      '755443322',
      ADJUSTER_NOTE,
      'chauffe-eau',
      NEW_ADDRESS,
      session!.ip!,
    ];
    const stored = [...(await rawValues(services.databaseUrl!)), ...filesUnder(join(dataDir, 'attachments'))];
    expect(stored.some((s) => s.where.includes('attachments'))).toBe(true);
    const found = stored.flatMap(({ where, value }) =>
      personal.filter((p) => value.includes(Buffer.from(p))).map((p) => `${where}: ${p}`),
    );
    expect([...new Set(found)]).toEqual([]);
  }, 180_000);
});
