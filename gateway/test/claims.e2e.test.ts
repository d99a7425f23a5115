// A water-damage claim from declaration to CLOSED through the gateway: two devices receive every status, in order,
// once; a third, offline for two changes, resumes with `after` and gets exactly those two. The indemnity is computed
// from the guarantee's terms, payments pays it, the customer is e-mailed at each step that matters.
import { DEMO } from '@abri/platform';
import { adjuster, CLAIM_EVENTS, collect, customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import { JPEG, PNG, pdf, polyglots } from '../../subgraphs/claims/test/files.fixtures.ts';

// A TOTP code works once per 30-second step: the adjuster signs in once for the whole file.
let staffSession: ReturnType<typeof adjuster> | undefined;
const staffClient = () => (staffSession ??= adjuster(url));
const system = await systemForFile();
const url = system.gateway.url;

type Event = {
  claimStatusChanged: {
    cursor: string;
    status: string;
    claim: { id: string; reference: string; policy: { number: string } };
  };
};
const today = () => new Date().toISOString().slice(0, 10);
const DECLARE = `mutation($i: DeclareClaimInput!) { declareClaim(input: $i) {
  __typename
  ... on ClaimDeclared { claim { id reference status lateByWorkingDays deadline } }
  ... on InvalidDeclaration { errors { questionId code } }
} }`;
const ADVANCE = `mutation($i: AdvanceClaimInput!) { advanceClaim(input: $i) { __typename ... on TransitionNotAllowed { reason } } }`;

describe('a water-damage claim, live on every device', () => {
  it('goes from declaration to CLOSED with every device in step', async () => {
    const camille = await customer(url, 'camille');
    const staff = await staffClient();
    const [phone, laptop, tablet] = [camille.socket(), camille.socket(), camille.socket()];
    const start = { after: 'claims.0' };
    const a = collect<Event>(phone, CLAIM_EVENTS, start);
    const b = collect<Event>(laptop, CLAIM_EVENTS, start);
    const c = collect<Event>(tablet, CLAIM_EVENTS, start);

    const refused = await camille.request(DECLARE, {
      i: {
        policyId: DEMO.camille.policyId,
        type: 'WATER_DAMAGE',
        occurredOn: today(),
        description: 'Fuite sous l’évier de la cuisine.',
        answers: { source: 'OWN_HOME' },
      },
    });
    expect(refused.data).toMatchObject({ declareClaim: { __typename: 'InvalidDeclaration' } });

    const declared = await camille.request<{
      declareClaim: { claim: { id: string; reference: string; status: string; lateByWorkingDays: number } };
    }>(DECLARE, {
      i: {
        policyId: DEMO.camille.policyId,
        type: 'WATER_DAMAGE',
        occurredOn: today(),
        description: 'Fuite sous l’évier de la cuisine, parquet gonflé.',
        answers: {
          source: 'NEIGHBOUR',
          leakStopped: true,
          thirdPartyInvolved: true,
          thirdPartyName: 'M. Durand',
          jointReport: false,
        },
      },
    });
    const claim = declared.data!.declareClaim.claim;
    expect(claim).toMatchObject({ status: 'DECLARED', lateByWorkingDays: 0 });
    expect(claim.reference).toMatch(/^SIN-\d{4}-\d{6}$/);

    const move = async (to: string, extra: Record<string, unknown> = {}) => {
      const { data } = await staff.request<{ advanceClaim: { __typename: string } }>(ADVANCE, {
        i: { claimId: claim.id, to, ...extra },
      });
      return data!.advanceClaim.__typename;
    };
    const ofClaim = (events: { data?: Event }[]) =>
      events
        .filter((e) => e.data?.claimStatusChanged.claim.id === claim.id)
        .map((e) => e.data!.claimStatusChanged.status);

    expect(await move('ACKNOWLEDGED')).toBe('AdvanceClaimSuccess');
    await c.until(2);
    const cursor = c.received[1]!.data!.claimStatusChanged.cursor;
    await c.stop();
    expect(await move('EXPERT_ASSIGNED', { note: 'Cabinet Rhône Expertise' })).toBe('AdvanceClaimSuccess');
    expect(await move('EXPERT_REPORT')).toBe('AdvanceClaimSuccess');
    const resumed = collect<Event>(tablet, CLAIM_EVENTS, { after: cursor });
    expect(ofClaim(await resumed.until(2))).toEqual(['EXPERT_ASSIGNED', 'EXPERT_REPORT']);

    expect(await move('INDEMNITY_COMPUTED')).toBe('AssessmentRequired');
    expect(await move('INDEMNITY_COMPUTED', { assessedDamageCents: 250_000 })).toBe('AdvanceClaimSuccess');
    expect(await move('PAID')).toBe('PayoutRequested');
    // Payments records the payout and says so; the claim becomes PAID by the system.
    await a.until(6);
    expect(await move('CLOSED')).toBe('AdvanceClaimSuccess');

    const all = [
      'DECLARED',
      'ACKNOWLEDGED',
      'EXPERT_ASSIGNED',
      'EXPERT_REPORT',
      'INDEMNITY_COMPUTED',
      'PAID',
      'CLOSED',
    ];
    for (const device of [a, b]) expect(ofClaim(await device.until(7))).toEqual(all);
    expect(ofClaim(await resumed.until(5))).toEqual(all.slice(2));
    expect(a.received.at(-1)?.data?.claimStatusChanged.claim.policy.number).toBe(DEMO.camille.contractNumber);

    // Indemnity = min(damage, ceiling) − deductible, from the guarantee's terms kept with the claim.
    const terms = await system.services.claims.app.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(terms.indemnityCents).toBe(Math.min(250_000, terms.ceilingCents!) - terms.deductibleCents!);
    const payout = await system.services.payments.app.prisma.payout.findUniqueOrThrow({ where: { claimId: claim.id } });
    expect(payout.amountCents).toBe(terms.indemnityCents);

    // The timeline, and the adjuster's actions audited.
    const { data } = await camille.request<{
      me: { claims: { id: string; history: { to: string }[]; indemnity: { amountCents: number } }[] };
    }>('{ me { claims { id history { to } indemnity { amountCents } } } }');
    expect(data!.me.claims.find((x) => x.id === claim.id)?.history.map((h) => h.to)).toEqual(all);
    const auditTrail = await staff.request<{ claimAudit: { action: string }[] }>(
      `{ claimAudit(claimId: "${claim.id}") { action } }`,
    );
    expect(auditTrail.data!.claimAudit.map((x) => x.action)).toEqual([
      'MOVE_TO_ACKNOWLEDGED',
      'MOVE_TO_EXPERT_ASSIGNED',
      'MOVE_TO_EXPERT_REPORT',
      'MOVE_TO_INDEMNITY_COMPUTED',
      'REQUEST_PAYOUT',
      'MOVE_TO_CLOSED',
    ]);
    expect(
      (await camille.request(`{ claimAudit(claimId: "${claim.id}") { action } }`)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    // E-mails at acknowledgement, expert assignment, indemnity offer and payment.
    const subjects = () =>
      system.mailbox.sent
        .filter((m) => m.to === 'camille.martin@abri.example' && m.subject?.includes(claim.reference))
        .map((m) => m.subject?.replace(` (${claim.reference})`, ''));
    await expect
      .poll(subjects, { timeout: 30_000 })
      .toEqual([
        'Votre déclaration de sinistre est enregistrée',
        'Un expert est désigné pour votre sinistre',
        'Proposition d’indemnisation',
        'Votre indemnité est versée',
      ]);

    for (const s of [a, b, resumed]) await s.stop();
    for (const s of [phone, laptop, tablet]) await s.dispose();
  });
});

describe('attachments', () => {
  const ATTACH =
    'mutation($c: ID!, $f: String!, $b: String!) { addClaimAttachment(claimId: $c, filename: $f, contentBase64: $b) { __typename ... on AttachmentAdded { attachment { contentType sizeBytes } } ... on AttachmentRejected { reason } } }';
  it('accepts a photo by its bytes, refuses other types, oversized files and other customers’ claims', async () => {
    const camille = await customer(url, 'camille');
    const attach = (file: Buffer, claimId = DEMO.camilleClaimId, who = camille) =>
      who
        .request<{ addClaimAttachment: Record<string, unknown> }>(ATTACH, {
          c: claimId,
          f: 'plafond.png',
          b: file.toString('base64'),
        })
        .then((r) => r.data?.addClaimAttachment);
    expect(await attach(PNG)).toEqual({
      __typename: 'AttachmentAdded',
      attachment: { contentType: 'image/png', sizeBytes: PNG.length },
    });
    expect(await attach(Buffer.from('#!/bin/sh\necho gotcha'))).toEqual({
      __typename: 'AttachmentRejected',
      reason: 'UNSUPPORTED_TYPE',
    });
    expect(await attach(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]))).toEqual({
      __typename: 'AttachmentRejected',
      reason: 'TOO_LARGE',
    });
    const louis = await customer(url, 'louis');
    expect(await attach(PNG, DEMO.camilleClaimId, louis)).toEqual({ __typename: 'AttachmentClaimNotFound' });
    const { data } = await camille.request<{ me: { claims: { id: string; attachments: { filename: string }[] }[] } }>(
      '{ me { claims { id attachments { filename } } } }',
    );
    expect(data!.me.claims.find((c) => c.id === DEMO.camilleClaimId)?.attachments).toEqual([
      { filename: 'plafond.png' },
    ]);
  });

  const ATTACH_AS =
    'mutation($c: ID!, $f: String!, $b: String!) { addClaimAttachment(claimId: $c, filename: $f, contentBase64: $b) { __typename ... on AttachmentAdded { attachment { id contentType downloadPath } } ... on AttachmentRejected { reason message } } }';
  type Attached = {
    __typename: string;
    attachment?: { id: string; contentType: string; downloadPath: string };
    reason?: string;
    message?: string;
  };
  const freshClaim = async (camille: Awaited<ReturnType<typeof customer>>) => {
    const { data } = await camille.request<{ declareClaim: { claim: { id: string } } }>(DECLARE, {
      i: {
        policyId: DEMO.camille.policyId,
        type: 'WATER_DAMAGE',
        occurredOn: today(),
        description: 'Dégât des eaux dans la salle de bains.',
        answers: { source: 'OWN_HOME', leakStopped: true, thirdPartyInvolved: false },
      },
    });
    return data!.declareClaim.claim.id;
  };
  const attachTo = (who: Awaited<ReturnType<typeof customer>>, claimId: string, file: Buffer, filename = 'photo.png') =>
    who
      .request<{ addClaimAttachment: Attached }>(ATTACH_AS, { c: claimId, f: filename, b: file.toString('base64') })
      .then((r) => r.data!.addClaimAttachment);

  it('keeps a claim to 20 attachments when 30 are sent at once', async () => {
    const camille = await customer(url, 'camille');
    const claimId = await freshClaim(camille);
    const results = await Promise.all(Array.from({ length: 30 }, () => attachTo(camille, claimId, PNG)));
    const kinds = results.map((r) => r.reason ?? r.__typename);
    expect(kinds.filter((k) => k === 'AttachmentAdded')).toHaveLength(20);
    expect(kinds.filter((k) => k === 'TOO_MANY')).toHaveLength(10);
    expect(results.find((r) => r.reason === 'TOO_MANY')?.message).toBe(
      'Ce sinistre a déjà 20\u00a0pièces jointes, le maximum.',
    );
    const { data } = await camille.request<{ me: { claims: { id: string; attachments: unknown[] }[] } }>(
      '{ me { claims { id attachments { id } } } }',
    );
    expect(data!.me.claims.find((c) => c.id === claimId)?.attachments).toHaveLength(20);
  });

  it('refuses files that only start like an image or a PDF, with a French reason', async () => {
    const camille = await customer(url, 'camille');
    const claimId = await freshClaim(camille);
    for (const [name, file] of await polyglots())
      expect({ name, answer: await attachTo(camille, claimId, file) }).toEqual({
        name,
        answer: {
          __typename: 'AttachmentRejected',
          reason: 'INVALID_FILE',
          message:
            'Ce fichier n’est pas une image ou un PDF valide\u00a0: il est abîmé ou contient autre chose qu’une image ou un document. Enregistrez-le de nouveau puis réessayez.',
        },
      });
    for (const [file, contentType] of [
      [JPEG, 'image/jpeg'],
      [await pdf(), 'application/pdf'],
    ] as const)
      expect(await attachTo(camille, claimId, file, 'facture')).toMatchObject({
        __typename: 'AttachmentAdded',
        attachment: { contentType },
      });
  });

  it('serves an attachment only as a download, with the type read from it, to its customer only', async () => {
    const camille = await customer(url, 'camille');
    const claimId = await freshClaim(camille);
    // The name and the extension say HTML; the bytes are a PNG: the PNG type is served, as a download.
    const added = await attachTo(camille, claimId, PNG, '"><script>alert(1)</script>.html');
    const path = added.attachment!.downloadPath;
    expect(path).toBe(`/attachments/${added.attachment!.id}`);
    const get = (token: string | null, target = path) =>
      fetch(`${url.replace(/\/graphql$/, '')}${target}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const answer = await get(camille.accessToken);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="___script_alert_1___script_.png"; filename*=UTF-8''___script_alert_1___script_.png`,
    );
    expect(Buffer.from(await answer.arrayBuffer()).equals(PNG)).toBe(true);
    const louis = await customer(url, 'louis');
    expect((await get(louis.accessToken)).status).toBe(404);
    expect((await get(null)).status).toBe(401);
    expect((await get(camille.accessToken, '/attachments/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('forbidden moves', () => {
  const ADV =
    'mutation($i: AdvanceClaimInput!) { advanceClaim(input: $i) { __typename ... on TransitionNotAllowed { from to reason } } }';
  it.each([
    ['EXPERT_REPORT', 'NOT_ALLOWED'],
    ['INDEMNITY_COMPUTED', 'NOT_ALLOWED'],
    ['PAID', 'NOT_ALLOWED'],
    ['CLOSED', 'NOT_ALLOWED'],
    ['REOPENED', 'NOT_ALLOWED'],
    ['REFUSED', 'NOTE_REQUIRED'],
  ])('refuses DECLARED → %s with TransitionNotAllowed (%s)', async (to, reason) => {
    const staff = await staffClient();
    const { data } = await staff.request(ADV, { i: { claimId: DEMO.louisClaimId, to } });
    expect(data).toEqual({ advanceClaim: { __typename: 'TransitionNotAllowed', from: 'DECLARED', to, reason } });
  });

  it('refuses every move to a customer, even on their own claim', async () => {
    const louis = await customer(url, 'louis');
    expect(
      (await louis.request(ADV, { i: { claimId: DEMO.louisClaimId, to: 'ACKNOWLEDGED' } })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });
});
