// Erasure through the gateway (issue 15.5): the preview says beforehand what goes, what stays until when and what
// prevents it; Camille, whose contract runs and whose claim is open, is refused and keeps everything; Louis, whose
// contract has ended and whose claim is closed, is erased: told by e-mail, his sessions end, his contract number no
// longer signs in (answered like one that never existed), and what is kept carries the dates the preview announced.

import { addYears, DEMO, manualClock } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { adjuster, advance, customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import { queueMessage, recipientIndexes } from '../../subgraphs/users/src/messaging/dispatcher.ts';

const clock = manualClock(new Date());

const system = await systemForFile({ clock });
const url = system.gateway.url;

interface Item {
  key: string;
  retainUntil: string | null;
  reason: string | null;
  text: string;
}
interface Section {
  service: string;
  deletedNow: Item[];
  kept: Item[];
  blockers: { kind: string; reference: string; message: string }[];
}
type Preview = Record<'account' | 'contracts' | 'claims' | 'payments', Section>;
const S =
  'service deletedNow { key retainUntil reason text } kept { key retainUntil reason text } blockers { kind reference message }';
const PREVIEW = `{ me { erasurePreview { account { ${S} } contracts { ${S} } claims { ${S} } payments { ${S} } } } }`;
const previewOf = async (client: AbriClient): Promise<Preview> => {
  const { data, errors } = await client.request<{ me: { erasurePreview: Preview } }>(PREVIEW);
  expect(errors).toBeUndefined();
  return data!.me.erasurePreview;
};
const REQUEST =
  'mutation { requestErasure { __typename ... on ErasureRequested { request { id status blockers { kind } } } } }';
const STATUS = '{ me { erasureRequest { id status blockers { kind reference } } } }';
const keys = (items: Item[]) => items.map((i) => i.key);
const keptUntil = (section: Section, key: string) => section.kept.find((i) => i.key === key)?.retainUntil;

describe('erasure', () => {
  it('is refused while a contract runs or a claim is open, as the preview says, and erases nothing', async () => {
    const camille = await customer(url, 'camille');
    const preview = await previewOf(camille);
    expect(preview.contracts.blockers).toEqual([
      {
        kind: 'CONTRACT_ACTIVE',
        reference: DEMO.camille.contractNumber,
        message: `Votre contrat ${DEMO.camille.contractNumber} est en cours\u00a0: résiliez-le d’abord, nous effacerons vos données ensuite.`,
      },
    ]);
    expect(preview.claims.blockers.map((b) => b.kind)).toEqual(['CLAIM_OPEN']);
    expect(preview.payments.blockers).toEqual([]);
    // The term of a running contract has not started: kept, no date yet.
    expect(keptUntil(preview.contracts, 'contract')).toBeNull();
    expect(preview.contracts.kept.find((i) => i.key === 'contract')!.text).toMatch(
      /^Conservées jusqu’au terme légal, puis supprimées\u00a0: prescription .*L114-1/,
    );
    expect(keys(preview.account.deletedNow)).toEqual(
      expect.arrayContaining(['identity', 'contact', 'credentials', 'accountSecurity']),
    );

    // A sensitive change: a password proven in the last 5 minutes.
    clock.advance(6 * 60_000);
    const stale = await camille.request(REQUEST);
    expect(stale.errors?.[0]?.extensions?.['code']).toBe('REAUTHENTICATION_REQUIRED');

    const fresh = await customer(url, 'camille');
    const { data } = await fresh.request<{ requestErasure: { __typename: string; request: { status: string } } }>(
      REQUEST,
    );
    expect(data!.requestErasure).toMatchObject({ __typename: 'ErasureRequested', request: { status: 'CHECKING' } });
    await expect
      .poll(
        async () =>
          (await fresh.request<{ me: { erasureRequest: { status: string } } }>(STATUS)).data?.me.erasureRequest.status,
        { timeout: 60_000 },
      )
      .toBe('REFUSED');
    const refused = (
      await fresh.request<{ me: { erasureRequest: { blockers: { kind: string; reference: string }[] } } }>(STATUS)
    ).data!.me.erasureRequest;
    expect(refused.blockers.map((b) => b.kind).sort()).toEqual(['CLAIM_OPEN', 'CONTRACT_ACTIVE']);

    const account = await system.services.users.app.prisma.customer.findUniqueOrThrow({
      where: { id: DEMO.camille.customerId },
    });
    expect(account).toMatchObject({ firstName: 'Camille', erasedAt: null, status: 'ACTIVE' });
    await expect
      .poll(() => system.mailbox.sent.filter((m) => m.to === account.email).map((m) => m.subject))
      .toContain('Votre demande d’effacement n’a pas pu aboutir');
    expect(
      system.mailbox.sent.find((m) => m.subject === 'Votre demande d’effacement n’a pas pu aboutir')!.text,
    ).toContain(`Votre contrat ${DEMO.camille.contractNumber} est en cours`);
    expect((await customer(url, 'camille')).accessToken).toBeTruthy();
  });

  it('erases an ended customer: told by e-mail, sessions closed, sign-in refused as for an unknown number, kept data as announced', async () => {
    const { users, policies, claims, payments } = system.services;
    const id = DEMO.louis.customerId;
    // Louis's contract ended a year ago (a fixture: cancellation is not served online), and his claim is refused.
    const ended = addYears(clock.now(), -1);
    await policies.app.prisma.policy.update({
      where: { id: DEMO.louis.policyId },
      data: { status: 'TERMINATED', endedAt: ended },
    });
    const staff = await adjuster(url, clock.now());
    await advance(staff, DEMO.louisClaimId, 'REFUSED', 'Dommage non garanti.');

    const louis = await customer(url, 'louis');
    const tablet = await customer(url, 'louis');
    const preview = await previewOf(louis);
    for (const section of Object.values(preview)) expect(section.blockers, section.service).toEqual([]);
    expect(keptUntil(preview.contracts, 'contract')).toBe(addYears(ended, 5).toISOString());
    expect(keys(preview.contracts.kept)).toEqual(['contract', 'dwelling', 'documents']);
    const refusedAt = (
      await claims.app.prisma.claimStatusChange.findFirstOrThrow({
        where: { claimId: DEMO.louisClaimId, to: 'REFUSED' },
      })
    ).at;
    expect(keptUntil(preview.claims, 'claims')).toBe(addYears(refusedAt, 5).toISOString());
    const lastPayment = await payments.app.prisma.payment.findFirstOrThrow({
      where: { customerId: id },
      orderBy: { paidAt: 'desc' },
    });
    expect(keptUntil(preview.payments, 'payments')).toBe(addYears(lastPayment.paidAt, 10).toISOString());
    expect(keys(preview.account.kept)).toEqual(expect.arrayContaining(['connections', 'erasure']));
    expect(preview.account.kept.find((i) => i.key === 'connections')!.reason).toMatch(/lutte contre la fraude/);

    // A relevé d'information asked before: a copy, deleted with the rest.
    const statement = await louis.request<{ requestClaimsStatement: { __typename: string } }>(
      'mutation($p: ID!) { requestClaimsStatement(policyId: $p) { __typename } }',
      { p: DEMO.louis.policyId },
    );
    expect(statement.data?.requestClaimsStatement.__typename).toBe('ClaimsStatementIssued');

    const { email } = await users.app.prisma.customer.findUniqueOrThrow({ where: { id } });
    // A message to Louis still waiting for its next attempt (the mail provider was down): it must not go out after
    // the erasure, nor stay with his address and its text.
    await users.app.prisma.$transaction(async (tx) => {
      await queueMessage(users.app, tx, email, {
        channel: 'EMAIL',
        template: 'heldForRetry',
        subject: 'Votre avis d’échéance',
        text: 'Bonjour Louis, votre prochaine échéance…',
      });
      await tx.messageOutbox.updateMany({
        where: { template: 'heldForRetry' },
        data: { attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + 3_600_000) },
      });
    });
    const { data } = await louis.request<{ requestErasure: { request: { id: string } } }>(REQUEST);
    const requestId = data!.requestErasure.request.id;
    await expect
      .poll(async () => (await users.app.prisma.erasureRequest.findUnique({ where: { id: requestId } }))?.status, {
        timeout: 60_000,
      })
      .toBe('DONE');

    // Told at the address that is now erased, before it went.
    expect(system.mailbox.sent.filter((m) => m.to === email).map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        'Nous avons reçu votre demande d’effacement',
        'Votre espace client est fermé et vos données effacées',
      ]),
    );
    // Of the messages to his address, only the last one is left (the confirmation above, kept as sent).
    const toLouis = await users.app.prisma.messageOutbox.findMany({
      where: { recipientIndex: { in: recipientIndexes(users.app, email).all } },
      select: { template: true },
    });
    expect(toLouis.map((m) => m.template)).toEqual(['accountErased']);
    expect(await users.app.prisma.messageOutbox.count({ where: { template: 'heldForRetry' } })).toBe(0);
    // Every session is closed: the gateway refuses their tokens.
    for (const device of [louis, tablet])
      await expect
        .poll(async () => (await device.request('{ me { id } }')).errors?.[0]?.extensions?.['code'], {
          timeout: 30_000,
        })
        .toBe('UNAUTHENTICATED');
    // Sign-in is refused exactly as for a contract number that never existed.
    const erasedSignIn = await new AbriClient(url).login(DEMO.louis.contractNumber, DEMO.customerPassword);
    const unknownSignIn = await new AbriClient(url).login('HAB0099999', DEMO.customerPassword);
    expect(erasedSignIn).toEqual(unknownSignIn);
    expect(erasedSignIn?.__typename).not.toBe('LoginSuccess');

    const account = await users.app.prisma.customer.findUniqueOrThrow({ where: { id } });
    expect(account).toMatchObject({ firstName: '', lastName: '', phoneEncrypted: null, status: 'DISABLED' });
    expect(account.email).not.toBe(email);
    expect(await users.app.prisma.credential.count({ where: { customerId: id } })).toBe(0);
    expect(await users.app.prisma.contractLogin.count({ where: { customerId: id } })).toBe(0);
    expect(await users.app.prisma.session.count({ where: { customerId: id, revokedAt: null } })).toBe(0);

    await expect
      .poll(() => claims.app.prisma.claimsStatement.count({ where: { customerId: id } }), { timeout: 30_000 })
      .toBe(0);
    // Each subgraph keeps what the preview said, until the date it said.
    await expect
      .poll(
        async () =>
          (
            await policies.app.prisma.policy.findUniqueOrThrow({ where: { id: DEMO.louis.policyId } })
          ).retainUntil?.toISOString(),
        { timeout: 30_000 },
      )
      .toBe(keptUntil(preview.contracts, 'contract'));
    await expect
      .poll(
        async () =>
          (
            await claims.app.prisma.claim.findUniqueOrThrow({ where: { id: DEMO.louisClaimId } })
          ).retainUntil?.toISOString(),
        { timeout: 30_000 },
      )
      .toBe(keptUntil(preview.claims, 'claims'));
    await expect
      .poll(
        async () =>
          (
            await payments.app.prisma.payment.aggregate({ where: { customerId: id }, _max: { retainUntil: true } })
          )._max.retainUntil?.toISOString(),
        { timeout: 30_000 },
      )
      .toBe(keptUntil(preview.payments, 'payments'));
    expect(await payments.app.prisma.payment.count({ where: { customerId: id, retainUntil: null } })).toBe(0);
    // Deleted at once: instalments not yet due, the card token, quotes.
    expect(await payments.app.prisma.scheduledPayment.count({ where: { customerId: id, status: 'PLANNED' } })).toBe(0);
    expect(await policies.app.prisma.quote.count({ where: { customerId: id } })).toBe(0);
  });
});
