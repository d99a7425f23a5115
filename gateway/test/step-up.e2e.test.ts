// Step-up through the gateway: a session that has not proven its password in the last minutes cannot change where
// recovery codes go, bind a new second factor, or change where premiums are taken from; a change that goes through is
// announced to the customer, the previous phone included, with a link that ends the session that made it.
import { DEMO, manualClock } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';

const clock = manualClock(new Date());
const SIX_MINUTES = 6 * 60_000;

const system = await systemForFile({ clock });
const url = system.gateway.url;

const PHONE = 'mutation($p: String) { updateProfile(input: { phone: $p }) { __typename } }';
const CONFIRM = `mutation($p: String!) { confirmIdentity(password: $p) { __typename
  ... on IdentityConfirmed { accessToken } ... on Error { message } } }`;
const codeOf = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.[0]?.extensions?.['code'];

/** Proves the password again and uses the access token that says so. */
async function stepUp(client: AbriClient) {
  const answer = await client.request<{ confirmIdentity: { __typename: string; accessToken?: string } }>(CONFIRM, {
    p: DEMO.customerPassword,
  });
  expect(answer.data?.confirmIdentity.__typename).toBe('IdentityConfirmed');
  client.accessToken = answer.data!.confirmIdentity.accessToken!;
}

describe('step-up for sensitive changes', () => {
  it('refuses a new phone from a session signed in more than 5 minutes ago, until the password is proven again; then tells the old number and the e-mail', async () => {
    const camille = await customer(url, 'camille');
    clock.advance(SIX_MINUTES);
    const refused = await camille.request(PHONE, { p: '+33700000001' });
    expect(codeOf(refused)).toBe('REAUTHENTICATION_REQUIRED');
    expect(refused.data ?? null).toBeNull();
    const phone = async () => (await camille.request<{ me: { phone: string } }>('{ me { phone } }')).data?.me.phone;
    expect(await phone()).toBe('+33612345678');
    // Other profile fields need no step-up.
    const name = await camille.request('mutation { updateProfile(input: { firstName: "Camille" }) { __typename } }');
    expect(codeOf(name)).toBeUndefined();

    const wrong = await camille.request<{ confirmIdentity: { __typename: string } }>(CONFIRM, { p: 'pas-le-bon' });
    expect(wrong.data?.confirmIdentity.__typename).toBe('WrongCurrentPassword');
    await stepUp(camille);
    system.mailbox.sent.length = 0;
    const changed = await camille.request<{ updateProfile: { __typename: string } }>(PHONE, { p: '+33700000001' });
    expect(changed.data?.updateProfile.__typename).toBe('UpdateProfileSuccess');
    expect(await phone()).toBe('+33700000001');

    await expect
      .poll(() => system.mailbox.sent.map((m) => `${m.channel} ${m.to}`).sort(), { timeout: 20_000 })
      .toEqual(['EMAIL camille.martin@abri.example', 'SMS +33612345678', 'SMS +33700000001']);
    // The new number gets only its confirmation code (see contact-change.e2e): recovery stays with the old one.
    expect(system.mailbox.sent.find((m) => m.to === '+33700000001')?.text).toMatch(/confirmer ce numéro/);
    const mail = system.mailbox.sent.find((m) => m.channel === 'EMAIL')!;
    expect(mail.subject).toBe('Votre numéro de téléphone a été modifié');
    // "This was not me": the link ends the session that made the change.
    const token = /jeton=([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    const reported = await new AbriClient(url).request<{ reportUnrecognisedSignIn: boolean }>(
      'mutation($t: String!) { reportUnrecognisedSignIn(token: $t) }',
      { t: token },
    );
    expect(reported.data?.reportUnrecognisedSignIn).toBe(true);
    await expect.poll(async () => (await camille.request('{ me { id } }')).status, { timeout: 20_000 }).toBe(401);
  });

  it('keeps the proof for 5 minutes only, and across a token renewal', async () => {
    const louis = await customer(url, 'louis');
    clock.advance(SIX_MINUTES);
    await stepUp(louis);
    clock.advance(4 * 60_000);
    // A renewed access token still carries the time the password was proven.
    const renewed = await louis.request<{ refreshSession: { accessToken?: string } }>(
      'mutation($r: String!) { refreshSession(refreshToken: $r) { ... on LoginSuccess { accessToken refreshToken } } }',
      { r: louis.refreshToken },
    );
    louis.accessToken = renewed.data!.refreshSession.accessToken!;
    const ok = await louis.request<{ updateProfile: { __typename: string } }>(PHONE, { p: '+33700000002' });
    expect(ok.data?.updateProfile.__typename).toBe('UpdateProfileSuccess');
    clock.advance(2 * 60_000);
    expect(codeOf(await louis.request(PHONE, { p: '+33700000003' }))).toBe('REAUTHENTICATION_REQUIRED');
  });

  it('refuses a two-factor enrolment and a new bank account without a recent proof', async () => {
    const louis = await customer(url, 'louis');
    clock.advance(SIX_MINUTES);
    const enrol = await louis.request('mutation { startTwoFactorEnrolment { secret } }');
    expect(codeOf(enrol)).toBe('REAUTHENTICATION_REQUIRED');
    const MANDATE = 'mutation($i: SepaMandateInput!) { addSepaMandate(input: $i) { __typename } }';
    const input = { i: { iban: 'FR14 2004 1010 0505 0001 3M02 606', holderName: 'Louis Bernard' } };
    expect(codeOf(await louis.request(MANDATE, input))).toBe('REAUTHENTICATION_REQUIRED');
    const methods = async () =>
      (await louis.request<{ me: { paymentMethods: unknown[] } }>('{ me { paymentMethods { id } } }')).data?.me
        .paymentMethods.length;
    const before = await methods();
    await stepUp(louis);
    const added = await louis.request<{ addSepaMandate: { __typename: string } }>(MANDATE, input);
    expect(added.data?.addSepaMandate.__typename).toBe('PaymentMethodAdded');
    expect(await methods()).toBe((before ?? 0) + 1);
    // Bank details changed: the customer is told by e-mail, with a « ce n'était pas moi » link.
    await expect
      .poll(
        () =>
          system.mailbox.sent.find(
            (m) => m.to === 'louis.bernard@abri.example' && m.subject === 'Un moyen de paiement a été ajouté',
          )?.text,
        { timeout: 20_000 },
      )
      .toMatch(/ce-n-etait-pas-moi\?jeton=/);
    const started = await louis.request<{ startTwoFactorEnrolment: { secret: string } }>(
      'mutation { startTwoFactorEnrolment { secret } }',
    );
    expect(started.data?.startTwoFactorEnrolment.secret).toMatch(/^[A-Z2-7]+$/);
  });
});
