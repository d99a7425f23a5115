// Rectification through the gateway (issue 15.3). A new postal address answers with the move quote of the home the
// customer leaves (the price change to accept); the contract keeps insuring its home until a quote is accepted. A
// corrected name reaches every document issued afterwards, in each subgraph that issues one (attestation, avenant
// and conditions particulières in policies, relevé d'information in claims, payment certificate in payments), while
// the documents issued before stay as issued. Every device sees each change through `profileChanged`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO } from '@abri/platform';
import type { AbriClient } from '@abri/sdk';
import { collect, customer, startTestSystem } from '@abri/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let system: Awaited<ReturnType<typeof startTestSystem>>;
let url: string;

beforeAll(async () => {
  system = await startTestSystem();
  url = system.gateway.url;
}, 120_000);
afterAll(async () => {
  await system?.stop();
});

const UPDATE = `mutation($i: ProfileInput!) { updateProfile(input: $i) {
  __typename
  ... on UpdateProfileSuccess {
    changedFields
    addressChange { addressLine postalCode city moveQuotes {
      id changes policy { id } currentAnnualPremium { amountCents } newAnnualPremium { amountCents } validUntil
    } }
  }
  ... on Error { message }
} }`;
const CONTRACT = `{ me { postalAddress { addressLine postalCode city }
  policies { id dwelling { addressLine postalCode city } } } }`;
const APPLY = `mutation($q: ID!) { applyPolicyChange(quoteId: $q) {
  __typename ... on PolicyChangeApplied { avenant { id downloadUrl } } ... on Error { message }
} }`;

interface MoveQuote {
  id: string;
  changes: string[];
  policy: { id: string };
  currentAnnualPremium: { amountCents: number };
  newAnnualPremium: { amountCents: number };
  validUntil: string;
}
interface Updated {
  updateProfile: {
    __typename: string;
    changedFields: string[];
    addressChange: { addressLine: string; moveQuotes: MoveQuote[] } | null;
  };
}
interface Contract {
  me: {
    postalAddress: { addressLine: string; postalCode: string; city: string } | null;
    policies: { id: string; dwelling: { addressLine: string; postalCode: string; city: string } }[];
  };
}

async function pdfText(client: AbriClient, path: string): Promise<string> {
  const res = await fetch(`${url.replace('/graphql', '')}${path}`, {
    headers: { authorization: `Bearer ${client.accessToken}` },
  });
  expect(res.status).toBe(200);
  const dir = await mkdtemp(join(tmpdir(), 'abri-rectification-'));
  try {
    await writeFile(join(dir, 'document.pdf'), Buffer.from(await res.arrayBuffer()));
    return (await run('pdftotext', [join(dir, 'document.pdf'), '-'])).stdout.replace(/[\s\u00A0\u202F]+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('rectification', () => {
  it('answers a new postal address with the move quote of the home left; the contract moves only once accepted', async () => {
    const camille = await customer(url, 'camille');
    const tablet = await customer(url, 'camille');
    const socket = tablet.socket();
    const events = collect<{ profileChanged: { changedFields: string[] } }>(
      socket,
      'subscription($after: String) { profileChanged(after: $after) { changedFields } }',
      // From the start of the customer's stream: the change may come before the subscription is set up upstream.
      { after: 'users.0' },
    );
    const before = (await camille.request<Contract>(CONTRACT)).data!.me.policies[0]!;

    const { data, errors } = await camille.request<Updated>(UPDATE, {
      i: { postalAddress: { addressLine: ' 8  rue des Lilas ', postalCode: '69003', city: 'Lyon' } },
    });
    expect(errors).toBeUndefined();
    expect(data?.updateProfile.changedFields).toEqual(['postalAddress']);
    const quotes = data!.updateProfile.addressChange!.moveQuotes;
    expect(quotes).toHaveLength(1);
    const [quote] = quotes;
    expect(quote!.policy.id).toBe(DEMO.camille.policyId);
    expect(quote!.changes[0]).toBe('Nouvelle adresse : 8 rue des Lilas, 69003 Lyon');
    expect(quote!.newAnnualPremium.amountCents).toBeGreaterThan(0);
    expect(new Date(quote!.validUntil).getTime()).toBeGreaterThan(Date.now());

    // Not accepted (yet): letters go to the new address, the contract still insures the home it insured.
    const meanwhile = (await camille.request<Contract>(CONTRACT)).data!.me;
    expect(meanwhile.postalAddress).toEqual({ addressLine: '8 rue des Lilas', postalCode: '69003', city: 'Lyon' });
    expect(meanwhile.policies[0]!.dwelling).toEqual(before.dwelling);
    const [event] = await events.until(1, 20_000);
    expect(event?.data?.profileChanged.changedFields).toEqual(['postalAddress']);
    await events.stop();
    await socket.dispose();

    // The same address again changes nothing and prices nothing.
    const again = await camille.request<Updated>(UPDATE, {
      i: { postalAddress: { addressLine: '8 rue des lilas', postalCode: '69003', city: 'LYON' } },
    });
    expect(again.data?.updateProfile).toMatchObject({ changedFields: [], addressChange: null });

    // Accepted: the contract moves.
    const applied = await camille.request<{ applyPolicyChange: { __typename: string } }>(APPLY, { q: quote!.id });
    expect(applied.data?.applyPolicyChange.__typename).toBe('PolicyChangeApplied');
    const after = (await camille.request<Contract>(CONTRACT)).data!.me.policies[0]!;
    expect(after.dwelling).toEqual({ addressLine: '8 rue des Lilas', postalCode: '69003', city: 'Lyon' });
  });

  it('prints a corrected name on every document issued afterwards, and leaves those issued before as issued', async () => {
    const louis = await customer(url, 'louis');
    const attestation = `mutation($p: ID!) { generateAttestation(policyId: $p) {
      __typename ... on DocumentGenerated { document { id downloadUrl } } } }`;
    const issueAttestation = async () =>
      (
        await louis.request<{ generateAttestation: { document: { downloadUrl: string } } }>(attestation, {
          p: DEMO.louis.policyId,
        })
      ).data!.generateAttestation.document.downloadUrl;
    const earlier = await issueAttestation();
    expect(await pdfText(louis, earlier)).toContain('Louis Bernard');

    const socket = (await customer(url, 'louis')).socket();
    const events = collect<{ profileChanged: { changedFields: string[] } }>(
      socket,
      'subscription($after: String) { profileChanged(after: $after) { changedFields } }',
      // From the start of the customer's stream: the change may come before the subscription is set up upstream.
      { after: 'users.0' },
    );
    const renamed = await louis.request<Updated>(UPDATE, { i: { lastName: 'Bernard-Rossi' } });
    expect(renamed.data?.updateProfile.changedFields).toEqual(['lastName']);
    const [event] = await events.until(1, 20_000);
    expect(event?.data?.profileChanged.changedFields).toEqual(['lastName']);
    await events.stop();
    await socket.dispose();

    // Each subgraph's own copy follows.
    const { policies, claims, payments } = system.services;
    const holder = 'Louis Bernard-Rossi';
    await expect
      .poll(
        async () => (await policies.app.prisma.policy.findUnique({ where: { id: DEMO.louis.policyId } }))?.holderName,
        {
          timeout: 30_000,
        },
      )
      .toBe(holder);
    await expect
      .poll(
        async () =>
          (await claims.app.prisma.policyTerms.findUnique({ where: { policyId: DEMO.louis.policyId } }))?.holderName,
        { timeout: 30_000 },
      )
      .toBe(holder);
    await expect
      .poll(
        async () =>
          (await payments.app.prisma.contractParty.findUnique({ where: { policyId: DEMO.louis.policyId } }))
            ?.holderName,
        { timeout: 30_000 },
      )
      .toBe(holder);

    // Attestation: the new one names him as corrected, the earlier one is unchanged.
    expect(await pdfText(louis, await issueAttestation())).toContain(holder);
    const old = await pdfText(louis, earlier);
    expect(old).toContain('Louis Bernard');
    expect(old).not.toContain(holder);

    // Relevé d'information (claims).
    const statement = await louis.request<{ requestClaimsStatement: { statement: { downloadUrl: string } } }>(
      'mutation($p: ID!) { requestClaimsStatement(policyId: $p) { ... on ClaimsStatementIssued { statement { downloadUrl } } } }',
      { p: DEMO.louis.policyId },
    );
    expect(await pdfText(louis, statement.data!.requestClaimsStatement.statement.downloadUrl)).toContain(
      `Souscripteur : ${holder}`,
    );

    // Payment certificate (payments).
    expect(await pdfText(louis, `/payment-certificates/${new Date().getUTCFullYear() - 1}`)).toContain(holder);

    // Avenant and conditions particulières of a change made afterwards (policies).
    const quoted = await louis.request<{ quotePolicyChange: { quote: { id: string } } }>(
      `mutation($i: PolicyChangeInput!) { quotePolicyChange(input: $i) {
        ... on PolicyChangeQuoted { quote { id } } ... on Error { message } } }`,
      { i: { policyId: DEMO.louis.policyId, deductibleCents: 50_000 } },
    );
    const applied = await louis.request<{ applyPolicyChange: { avenant: { downloadUrl: string } } }>(APPLY, {
      q: quoted.data!.quotePolicyChange.quote.id,
    });
    expect(await pdfText(louis, applied.data!.applyPolicyChange.avenant.downloadUrl)).toContain(holder);
    await expect
      .poll(
        async () =>
          (
            await louis.request<{ me: { documents: { kind: string; downloadUrl: string }[] } }>(
              '{ me { documents { kind downloadUrl } } }',
            )
          ).data!.me.documents.find((d) => d.kind === 'PARTICULAR_CONDITIONS')?.downloadUrl,
        { timeout: 30_000 },
      )
      .toBeDefined();
    const documents = (
      await louis.request<{ me: { documents: { kind: string; downloadUrl: string }[] } }>(
        '{ me { documents { kind downloadUrl } } }',
      )
    ).data!.me.documents;
    const conditions = documents.filter((d) => d.kind === 'PARTICULAR_CONDITIONS');
    expect(await pdfText(louis, conditions[0]!.downloadUrl)).toContain(holder);
  });
});
