// A new e-mail address or phone number through the gateway: the e-mail change needs a fresh password and a code sent
// to the new address (5 tries), the old address is told with a « ce n'était pas moi » link and every device sees the
// change; an address another customer uses answers like a free one and its owner is told instead; a new phone
// receives recovery codes only once its own code comes back.
import { DEMO, manualClock } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { collect, customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';

const clock = manualClock(new Date());

const system = await systemForFile({ clock });
const url = system.gateway.url;

const REQUEST = `mutation($e: String!) { requestEmailChange(newEmail: $e) { __typename
  ... on EmailChangeRequested { expiresAt } ... on Error { message } } }`;
const CONFIRM_EMAIL = `mutation($c: String!) { confirmEmailChange(code: $c) { __typename
  ... on ContactConfirmed { customer { email } } ... on Error { message } } }`;
const CONFIRM_PHONE = `mutation($c: String!) { confirmPhone(code: $c) { __typename
  ... on ContactConfirmed { customer { phone phoneConfirmed } } ... on Error { message } } }`;
const STEP_UP = 'mutation($p: String!) { confirmIdentity(password: $p) { ... on IdentityConfirmed { accessToken } } }';
const codeOf = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.[0]?.extensions?.['code'];

async function stepUp(client: AbriClient) {
  const answer = await client.request<{ confirmIdentity: { accessToken: string } }>(STEP_UP, {
    p: DEMO.customerPassword,
  });
  client.accessToken = answer.data!.confirmIdentity.accessToken;
}
/** The messages sent to `to` so far. */
const sentTo = (to: string) => system.mailbox.sent.filter((m) => m.to === to);
/** Waits for a message to `to` whose text matches, and answers it. */
async function message(to: string, pattern: RegExp) {
  await expect.poll(() => sentTo(to).some((m) => pattern.test(m.text)), { timeout: 20_000 }).toBe(true);
  return sentTo(to).findLast((m) => pattern.test(m.text))!;
}
const sixDigits = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;

describe('changing the e-mail address', () => {
  it('needs a fresh password, then a code from the new address; the old one is told and every device sees it', async () => {
    const camille = await customer(url, 'camille');
    const other = await customer(url, 'camille');
    const socket = other.socket();
    const events = collect<{ profileChanged: { changedFields: string[] } }>(
      socket,
      'subscription { profileChanged { changedFields } }',
    );
    clock.advance(6 * 60_000);
    const refused = await camille.request(REQUEST, { e: 'camille.neuve@exemple.fr' });
    expect(codeOf(refused)).toBe('REAUTHENTICATION_REQUIRED');
    expect(sentTo('camille.neuve@exemple.fr')).toEqual([]);
    await stepUp(camille);

    expect((await camille.request(REQUEST, { e: 'pas une adresse' })).data).toMatchObject({
      requestEmailChange: { __typename: 'InvalidEmail' },
    });
    const asked = await camille.request(REQUEST, { e: ' Camille.Neuve@Exemple.fr ' });
    expect(asked.data).toMatchObject({ requestEmailChange: { __typename: 'EmailChangeRequested' } });
    const mail = await message('camille.neuve@exemple.fr', /saisissez ce code/);
    expect(mail.subject).toBe('Confirmez votre nouvelle adresse e-mail');
    const code = sixDigits(mail.text);

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await camille.request(CONFIRM_EMAIL, { c: wrong })).data).toMatchObject({
      confirmEmailChange: { __typename: 'ContactCodeInvalid' },
    });
    system.mailbox.sent.length = 0;
    expect((await camille.request(CONFIRM_EMAIL, { c: code })).data).toEqual({
      confirmEmailChange: { __typename: 'ContactConfirmed', customer: { email: 'camille.neuve@exemple.fr' } },
    });
    // Once only.
    expect((await camille.request(CONFIRM_EMAIL, { c: code })).data).toMatchObject({
      confirmEmailChange: { __typename: 'ContactCodeInvalid' },
    });

    const notice = await message(
      'camille.martin@abri.example',
      /adresse e-mail de votre espace client a été remplacée/,
    );
    expect(notice.subject).toBe('Votre adresse e-mail a été modifiée');
    await message('+33612345678', /adresse e-mail/);
    const [event] = await events.until(1, 20_000);
    expect(event?.data?.profileChanged.changedFields).toEqual(['email']);
    await events.stop();
    await socket.dispose();

    // « Ce n'était pas moi » ends the session that made the change.
    const token = /jeton=([\w-]+)/.exec(notice.text)![1];
    const reported = await new AbriClient(url).request<{ reportUnrecognisedSignIn: boolean }>(
      'mutation($t: String!) { reportUnrecognisedSignIn(token: $t) }',
      { t: token },
    );
    expect(reported.data?.reportUnrecognisedSignIn).toBe(true);
    await expect.poll(async () => (await camille.request('{ me { id } }')).status, { timeout: 20_000 }).toBe(401);
  });

  it('answers an address another customer uses exactly like a free one, and tells its owner instead', async () => {
    const louis = await customer(url, 'louis');
    await stepUp(louis);
    system.mailbox.sent.length = 0;
    const free = await louis.request<{ requestEmailChange: Record<string, unknown> }>(REQUEST, {
      e: 'louis.libre@exemple.fr',
    });
    const taken = await louis.request<{ requestEmailChange: Record<string, unknown> }>(REQUEST, {
      e: 'camille.neuve@exemple.fr',
    });
    expect(Object.keys(taken.data!.requestEmailChange)).toEqual(Object.keys(free.data!.requestEmailChange));
    expect(taken.data!.requestEmailChange['__typename']).toBe('EmailChangeRequested');
    expect(taken.status).toBe(free.status);

    const owner = await message('camille.neuve@exemple.fr', /un autre espace client Abri/);
    expect(owner.subject).toBe('Une demande concernant votre adresse e-mail');
    expect(sixDigits.bind(null, owner.text)).toThrow();
    // The taken address got no code: no code moves Louis to it.
    for (const c of ['000000', '123456'])
      expect((await louis.request(CONFIRM_EMAIL, { c })).data).toMatchObject({
        confirmEmailChange: { __typename: 'ContactCodeInvalid' },
      });
  });

  it('allows 5 tries a code', async () => {
    const louis = await customer(url, 'louis');
    await stepUp(louis);
    await louis.request(REQUEST, { e: 'louis.essais@exemple.fr' });
    const code = sixDigits((await message('louis.essais@exemple.fr', /saisissez ce code/)).text);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) await louis.request(CONFIRM_EMAIL, { c: wrong });
    expect((await louis.request(CONFIRM_EMAIL, { c: code })).data).toMatchObject({
      confirmEmailChange: { __typename: 'ContactCodeInvalid' },
    });
    const { data } = await louis.request<{ me: { email: string } }>('{ me { email } }');
    expect(data?.me.email).toBe('louis.bernard@abri.example');
  });
});

describe('a new phone number', () => {
  const SMS_CODE = 'mutation($n: String!) { requestSmsCode(contractNumber: $n) }';

  it('receives recovery codes only once the code sent to it comes back', async () => {
    const louis = await customer(url, 'louis');
    await stepUp(louis);
    system.mailbox.sent.length = 0;
    const changed = await louis.request<{ updateProfile: { __typename: string } }>(
      'mutation { updateProfile(input: { phone: "+33711223344" }) { __typename } }',
    );
    expect(changed.data?.updateProfile.__typename).toBe('UpdateProfileSuccess');
    const code = sixDigits((await message('+33711223344', /confirmer ce numéro/)).text);
    const me = async () =>
      (await louis.request<{ me: { phone: string; phoneConfirmed: boolean } }>('{ me { phone phoneConfirmed } }')).data
        ?.me;
    expect(await me()).toEqual({ phone: '+33711223344', phoneConfirmed: false });

    // Until confirmed, an SMS reset goes to the previous confirmed number, never to the new one.
    await new AbriClient(url).request(SMS_CODE, { n: DEMO.louis.contractNumber });
    await message('+33698765432', /code de réinitialisation/);
    expect(sentTo('+33711223344').filter((m) => /réinitialisation/.test(m.text))).toEqual([]);

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await louis.request(CONFIRM_PHONE, { c: wrong })).data).toMatchObject({
      confirmPhone: { __typename: 'ContactCodeInvalid' },
    });
    expect((await louis.request(CONFIRM_PHONE, { c: code })).data).toEqual({
      confirmPhone: { __typename: 'ContactConfirmed', customer: { phone: '+33711223344', phoneConfirmed: true } },
    });
    await new AbriClient(url).request(SMS_CODE, { n: DEMO.louis.contractNumber });
    await message('+33711223344', /code de réinitialisation/);
  });
});
