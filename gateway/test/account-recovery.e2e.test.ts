// Account recovery gaps (issue 16.10) through the gateway: a forgotten contract number recovered by e-mail without
// telling who is a customer; SMS codes as the second factor beside the authenticator app; sign-ins acknowledged or
// reported from the history; the security score's regularity factor and its day-by-day history. (A phone number
// confirmed by its code is proven in contact-change.e2e.test.ts.)
import { DEMO, manualClock } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import { settle } from '../../subgraphs/users/src/app/later.ts';
import { totpCode } from '../../subgraphs/users/src/domain/totp.ts';

const clock = manualClock(new Date());

// Choosing SMS is called more often in this file than its rate allows in a quarter of an hour (5), and whether the
// calls fall in one window depends on the hour the file runs. Per-caller rates are proven in rate-limits.e2e.test.ts.
const system = await systemForFile({ clock, gatewayOptions: { rateLimits: { chooseSmsSecondFactor: [] } } });
const url = system.gateway.url;

const CAMILLE_EMAIL = 'camille.martin@abri.example';
const CAMILLE_PHONE = '+33612345678';
const LOUIS_EMAIL = 'louis.bernard@abri.example';
/** Louis's password once he has reset the one his report blocked. */
const LOUIS_NEW_PASSWORD = DEMO.customerPassword.replace('2026', '2028');

const sentTo = (to: string) => system.mailbox.sent.filter((m) => m.to === to);
async function message(to: string, pattern: RegExp) {
  await expect.poll(() => sentTo(to).some((m) => pattern.test(m.text)), { timeout: 20_000 }).toBe(true);
  return sentTo(to).findLast((m) => pattern.test(m.text))!;
}
const sixDigits = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;
const codeOf = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.[0]?.extensions?.['code'];
const usersApp = () => system.services.users.app;
const queued = () => usersApp().prisma.messageOutbox.count();

/** A client whose requests carry this browser's user agent (it names the device of a sign-in). */
const browser = (userAgent: string) =>
  new AbriClient(url, {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'user-agent': userAgent } }),
  });
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const RECOVER = 'mutation($e: String!) { recoverContractNumber(email: $e) }';
const STEP_UP = 'mutation($p: String!) { confirmIdentity(password: $p) { ... on IdentityConfirmed { accessToken } } }';
const CHOOSE_SMS = `mutation($c: String) { chooseSmsSecondFactor(code: $c) { __typename
  ... on SmsSecondFactorChosen { recoveryCodes } ... on Error { message } } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { __typename
  ... on TwoFactorRequired { challengeToken method } ... on LoginSuccess { accessToken } ... on Error { message } } }`;
const VERIFY = `mutation($i: VerifyTwoFactorInput!) { verifyTwoFactor(input: $i) { __typename
  ... on LoginSuccess { accessToken } } }`;
const HISTORY = '{ me { loginHistory(first: 10) { id outcome unrecognised device review reviewedAt } } }';
const ACKNOWLEDGE = `mutation($id: ID!) { acknowledgeSignIn(signInId: $id) { __typename
  ... on SignInReviewed { endedSessions signIn { id review } } ... on Error { message } } }`;
const REPORT = `mutation($id: ID!, $all: Boolean) { reportSignIn(signInId: $id, everywhere: $all) { __typename
  ... on SignInReviewed { endedSessions signIn { id review } } ... on Error { message } } }`;
const SCORE = '{ me { securityScore { score factors { key points } } } }';
const SCORE_HISTORY = `query($d: Int) { me { securityScore { score }
  securityScoreHistory(days: $d) { day score factors { key points } } } }`;

type LoginAnswer = { login: { __typename: string; challengeToken?: string; method?: string; accessToken?: string } };
/** Signs in with `password`; on success the client keeps the access token. */
async function signIn(client: AbriClient, who: 'camille' | 'louis', password: string = DEMO.customerPassword) {
  const answer = await client.request<LoginAnswer>(LOGIN, {
    i: { contractNumber: DEMO[who].contractNumber, password },
  });
  if (answer.data?.login.accessToken) client.accessToken = answer.data.login.accessToken;
  return answer;
}
type LoginEvent = { id: string; outcome: string; unrecognised: boolean; device: string; review: string | null };
const historyOf = async (client: AbriClient) =>
  (await client.request<{ me: { loginHistory: LoginEvent[] } }>(HISTORY)).data!.me.loginHistory;
const pointsOf = (score: { factors: { key: string; points: number }[] }, key: string) =>
  score.factors.find((f) => f.key === key)?.points;

describe('a forgotten contract number', () => {
  it('is e-mailed to the address of the account, with the same answer as for an unknown address', async () => {
    const anonymous = new AbriClient(url);
    const before = await queued();
    const unknown = await anonymous.request(RECOVER, { e: 'personne@exemple.fr' });
    const malformed = await anonymous.request(RECOVER, { e: 'pas une adresse' });
    const known = await anonymous.request(RECOVER, { e: '  Camille.Martin@Abri.example ' });
    for (const answer of [unknown, malformed]) {
      expect(answer.status).toBe(known.status);
      expect(answer.data).toEqual(known.data);
    }
    expect(known.data).toEqual({ recoverContractNumber: true });
    await settle(usersApp());
    // One message queued in all: the known address's; nothing for the others.
    expect(await queued()).toBe(before + 1);
    const mail = await message(CAMILLE_EMAIL, /numéro de contrat/);
    expect(mail.subject).toBe('Votre numéro de contrat');
    expect(mail.text).toContain(DEMO.camille.contractNumber);
    expect(mail.text).not.toContain(DEMO.louis.contractNumber);
    expect(sentTo('personne@exemple.fr')).toEqual([]);
  });

  it('is sent at most twice an hour to one account, the answer unchanged', async () => {
    const anonymous = new AbriClient(url);
    const before = sentTo(LOUIS_EMAIL).filter((m) => m.subject === 'Votre numéro de contrat').length;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await anonymous.request(RECOVER, { e: LOUIS_EMAIL })).data);
    expect(answers).toEqual(Array(3).fill({ recoverContractNumber: true }));
    await settle(usersApp());
    await expect
      .poll(() => sentTo(LOUIS_EMAIL).filter((m) => m.subject === 'Votre numéro de contrat').length, {
        timeout: 20_000,
      })
      .toBe(before + 2);
    // The gateway counts the address asked for: a fourth request within the hour is refused before any work.
    expect(codeOf(await anonymous.request(RECOVER, { e: LOUIS_EMAIL }))).toBe('RATE_LIMITED');
  });
});

describe('sign-ins acknowledged or reported from the history', () => {
  it('« c’est moi » clears an unrecognised sign-in from the score; another customer’s sign-in is not found', async () => {
    const home = browser(FIREFOX_LINUX);
    expect((await signIn(home, 'louis')).data?.login.__typename).toBe('LoginSuccess');
    const phone = browser(CHROME_ANDROID);
    expect((await signIn(phone, 'louis')).data?.login.__typename).toBe('LoginSuccess');
    await message(LOUIS_EMAIL, /Une connexion à votre espace client a eu lieu/);

    const [latest] = await historyOf(home);
    expect(latest).toMatchObject({ outcome: 'SUCCESS', unrecognised: true, review: null });
    const before = (await home.request<{ me: { securityScore: { factors: [] } } }>(SCORE)).data!.me.securityScore;
    expect(pointsOf(before, 'NO_UNRECOGNISED_SIGN_INS')).toBe(0);

    const camille = await customer(url, 'camille');
    expect((await camille.request(ACKNOWLEDGE, { id: latest!.id })).data).toMatchObject({
      acknowledgeSignIn: { __typename: 'SignInNotFound' },
    });
    expect((await home.request(ACKNOWLEDGE, { id: latest!.id })).data).toEqual({
      acknowledgeSignIn: {
        __typename: 'SignInReviewed',
        endedSessions: 0,
        signIn: { id: latest!.id, review: 'ACKNOWLEDGED' },
      },
    });
    const after = (await home.request<{ me: { securityScore: { factors: [] } } }>(SCORE)).data!.me.securityScore;
    expect(pointsOf(after, 'NO_UNRECOGNISED_SIGN_INS')).toBe(15);
    // The phone's session still works: acknowledging ends nothing.
    expect((await phone.request('{ me { id } }')).status).toBe(200);
    expect((await historyOf(home))[0]?.review).toBe('ACKNOWLEDGED');
  });

  it('« ce n’était pas moi » ends that sign-in’s session and blocks the password, as the e-mail link does', async () => {
    const home = browser(FIREFOX_LINUX);
    expect((await signIn(home, 'louis')).data?.login.__typename).toBe('LoginSuccess');
    const intruder = browser(SAFARI_IPHONE);
    expect((await signIn(intruder, 'louis')).data?.login.__typename).toBe('LoginSuccess');
    const suspicious = (await historyOf(home)).find((e) => e.unrecognised && e.review === null)!;
    expect(suspicious.device).toMatch(/iPhone|iOS/);

    expect((await home.request(REPORT, { id: suspicious.id })).data).toEqual({
      reportSignIn: {
        __typename: 'SignInReviewed',
        endedSessions: 1,
        signIn: { id: suspicious.id, review: 'REPORTED' },
      },
    });
    await expect.poll(async () => (await intruder.request('{ me { id } }')).status, { timeout: 20_000 }).toBe(401);
    // The customer's own session goes on; the password is blocked until a reset.
    expect((await home.request('{ me { id } }')).status).toBe(200);
    expect((await signIn(new AbriClient(url), 'louis')).data?.login.__typename).toBe('PasswordChangeRequired');
    const notice = await message(LOUIS_EMAIL, /vous avez signalé que la connexion/);
    expect(notice.subject).toBe('Connexion signalée\u00a0: votre mot de passe est bloqué');
    expect((await historyOf(home)).find((e) => e.id === suspicious.id)?.review).toBe('REPORTED');

    // With `everywhere`, every session ends, this one included.
    const again = await home.request<{ reportSignIn: { endedSessions: number } }>(REPORT, {
      id: suspicious.id,
      all: true,
    });
    expect(again.data?.reportSignIn.endedSessions).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await home.request('{ me { id } }')).status, { timeout: 20_000 }).toBe(401);
  });

  it('the e-mail link marks the sign-in it is about as reported in the history', async () => {
    const home = browser(FIREFOX_LINUX);
    expect((await signIn(home, 'camille')).data?.login.__typename).toBe('LoginSuccess');
    system.mailbox.sent.length = 0;
    const other = browser(SAFARI_IPHONE);
    expect((await signIn(other, 'camille')).data?.login.__typename).toBe('LoginSuccess');
    const alert = await message(CAMILLE_EMAIL, /Une connexion à votre espace client a eu lieu .*(iPhone|iOS)/);
    const token = /jeton=([\w-]+)/.exec(alert.text)![1];
    const reported = await new AbriClient(url).request(
      'mutation($t: String!) { reportUnrecognisedSignIn(token: $t) }',
      {
        t: token,
      },
    );
    expect(reported.data).toEqual({ reportUnrecognisedSignIn: true });
    const entry = (await historyOf(home)).find((e) => e.unrecognised && e.device.match(/iPhone|iOS/));
    expect(entry?.review).toBe('REPORTED');
    // Camille chooses a new password (the link blocked hers) for the tests that follow.
    const reset = await new AbriClient(url).request(
      'mutation($c: String!) { requestPasswordReset(contractNumber: $c) }',
      { c: DEMO.camille.contractNumber },
    );
    expect(reset.data).toEqual({ requestPasswordReset: true });
    const mail = await message(CAMILLE_EMAIL, /mot-de-passe\/nouveau/);
    const done = await new AbriClient(url).request<{ resetPassword: { __typename: string } }>(
      'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { __typename } }',
      { t: /jeton=([\w-]+)/.exec(mail.text)![1], p: DEMO.customerPassword.replace('2026', '2027') },
    );
    expect(done.data?.resetPassword.__typename).toBe('PasswordResetDone');
  });
});

describe('the second factor by SMS', () => {
  const PASSWORD = DEMO.customerPassword.replace('2026', '2027');
  const signInCamille = (client: AbriClient) => signIn(client, 'camille', PASSWORD);
  const stepUpCamille = async (client: AbriClient) => {
    const answer = await client.request<{ confirmIdentity: { accessToken: string } }>(STEP_UP, { p: PASSWORD });
    client.accessToken = answer.data!.confirmIdentity.accessToken;
  };
  const verify = (client: AbriClient, challengeToken: string, code: string) =>
    client.request<{ verifyTwoFactor: { __typename: string; accessToken?: string } }>(VERIFY, {
      i: { challengeToken, code },
    });
  /** Signs Camille in with the password, then the code texted for this sign-in. */
  async function signInWithSms(client: AbriClient) {
    const first = await signInCamille(client);
    expect(first.data?.login).toMatchObject({ __typename: 'TwoFactorRequired', method: 'SMS' });
    const sms = await message(CAMILLE_PHONE, /code de connexion/);
    return { challengeToken: first.data!.login.challengeToken!, code: sixDigits(sms.text) };
  }

  it('is chosen behind a fresh password by a customer with a confirmed phone, and announced', async () => {
    const camille = new AbriClient(url);
    expect((await signInCamille(camille)).data?.login.__typename).toBe('LoginSuccess');
    clock.advance(6 * 60_000);
    expect(codeOf(await camille.request(CHOOSE_SMS))).toBe('REAUTHENTICATION_REQUIRED');
    await stepUpCamille(camille);
    system.mailbox.sent.length = 0;
    const chosen = await camille.request<{ chooseSmsSecondFactor: { __typename: string; recoveryCodes: string[] } }>(
      CHOOSE_SMS,
    );
    expect(chosen.data?.chooseSmsSecondFactor.__typename).toBe('SmsSecondFactorChosen');
    expect(chosen.data?.chooseSmsSecondFactor.recoveryCodes).toHaveLength(10);
    const mail = await message(CAMILLE_EMAIL, /désormais par un code envoyé par SMS/);
    expect(mail.subject).toBe('Double authentification par SMS activée');
    expect(mail.text).toMatch(/ce-n-etait-pas-moi\?jeton=/);
    await message(CAMILLE_PHONE, /désormais par SMS/);
    expect((await camille.request('{ me { twoFactorEnabled twoFactorMethod } }')).data).toEqual({
      me: { twoFactorEnabled: true, twoFactorMethod: 'SMS' },
    });
    expect((await camille.request(CHOOSE_SMS)).data).toMatchObject({
      chooseSmsSecondFactor: { __typename: 'SmsSecondFactorAlreadyChosen' },
    });
  });

  it('texts a code at sign-in that works once, for that sign-in only, 5 tries and 5 minutes', async () => {
    const device = new AbriClient(url);
    system.mailbox.sent.length = 0;
    const first = await signInWithSms(device);
    // Wrong, then right: signed in; the same code again: refused.
    const wrong = String((Number(first.code) + 1) % 1_000_000).padStart(6, '0');
    expect((await verify(device, first.challengeToken, wrong)).data?.verifyTwoFactor.__typename).toBe(
      'InvalidCredentials',
    );
    expect((await verify(device, first.challengeToken, first.code)).data?.verifyTwoFactor.__typename).toBe(
      'LoginSuccess',
    );
    expect((await verify(device, first.challengeToken, first.code)).data?.verifyTwoFactor.__typename).toBe(
      'InvalidCredentials',
    );

    // A code belongs to its sign-in: the first one does not open the next.
    system.mailbox.sent.length = 0;
    const second = await signInWithSms(device);
    if (second.code !== first.code)
      expect((await verify(device, second.challengeToken, first.code)).data?.verifyTwoFactor.__typename).toBe(
        'InvalidCredentials',
      );
    // Five wrong tries end it, even for the right code.
    const wrongOf = (code: string) => String((Number(code) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) await verify(device, second.challengeToken, wrongOf(second.code));
    expect((await verify(device, second.challengeToken, second.code)).data?.verifyTwoFactor.__typename).toBe(
      'InvalidCredentials',
    );

    // Past 5 minutes, refused.
    system.mailbox.sent.length = 0;
    const third = await signInWithSms(device);
    clock.advance(5 * 60_000 + 1_000);
    expect((await verify(device, third.challengeToken, third.code)).data?.verifyTwoFactor.__typename).toBe(
      'InvalidCredentials',
    );
    // The code is stored hashed, never as typed.
    const rows = await usersApp().prisma.twoFactorChallenge.findMany({
      where: { customerId: DEMO.camille.customerId },
    });
    expect(rows.some((r) => r.codeHash?.includes(third.code))).toBe(false);
  });

  it('gives way to an authenticator app, and back only with the app’s code', async () => {
    const device = new AbriClient(url);
    system.mailbox.sent.length = 0;
    const { challengeToken, code } = await signInWithSms(device);
    device.accessToken = (await verify(device, challengeToken, code)).data!.verifyTwoFactor.accessToken!;
    const started = await device.request<{ startTwoFactorEnrolment: { secret: string } }>(
      'mutation { startTwoFactorEnrolment { secret } }',
    );
    const secret = started.data!.startTwoFactorEnrolment.secret;
    const confirmed = await device.request<{ confirmTwoFactorEnrolment: { __typename: string } }>(
      'mutation($c: String!) { confirmTwoFactorEnrolment(code: $c) { __typename } }',
      { c: await totpCode(secret, clock.now()) },
    );
    expect(confirmed.data?.confirmTwoFactorEnrolment.__typename).toBe('TwoFactorEnabled');
    expect((await device.request('{ me { twoFactorMethod } }')).data).toEqual({ me: { twoFactorMethod: 'TOTP' } });
    // The app is asked at sign-in now, and no SMS is sent.
    system.mailbox.sent.length = 0;
    expect((await signInCamille(new AbriClient(url))).data?.login).toMatchObject({ method: 'TOTP' });
    await settle(usersApp());
    expect(sentTo(CAMILLE_PHONE)).toEqual([]);

    // Back to SMS: the app's current code is needed (a stolen session and password are not enough).
    clock.advance(30_000);
    await stepUpCamille(device);
    const noCode = await device.request(CHOOSE_SMS);
    expect(noCode.errors).toBeUndefined();
    expect(noCode.data).toMatchObject({ chooseSmsSecondFactor: { __typename: 'InvalidCode' } });
    expect((await device.request(CHOOSE_SMS, { c: '000000' })).data).toMatchObject({
      chooseSmsSecondFactor: { __typename: 'InvalidCode' },
    });
    const back = await device.request(CHOOSE_SMS, { c: await totpCode(secret, clock.now()) });
    expect(back.data).toMatchObject({ chooseSmsSecondFactor: { __typename: 'SmsSecondFactorChosen' } });
    expect((await device.request('{ me { twoFactorMethod } }')).data).toEqual({ me: { twoFactorMethod: 'SMS' } });
  });

  it('is refused without a confirmed phone', async () => {
    // Louis's password was blocked by his report above: a reset first.
    const ask = await new AbriClient(url).request(
      'mutation($c: String!) { requestPasswordReset(contractNumber: $c) }',
      {
        c: DEMO.louis.contractNumber,
      },
    );
    expect(ask.data).toEqual({ requestPasswordReset: true });
    const mail = await message(LOUIS_EMAIL, /mot-de-passe\/nouveau/);
    await new AbriClient(url).request(
      'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { __typename } }',
      {
        t: /jeton=([\w-]+)/.exec(mail.text)![1],
        p: LOUIS_NEW_PASSWORD,
      },
    );
    const client = new AbriClient(url);
    expect((await signIn(client, 'louis', LOUIS_NEW_PASSWORD)).data?.login.__typename).toBe('LoginSuccess');
    const removed = await client.request<{ updateProfile: { __typename: string } }>(
      'mutation { updateProfile(input: { phone: "" }) { __typename } }',
    );
    expect(removed.data?.updateProfile.__typename).toBe('UpdateProfileSuccess');
    expect((await client.request(CHOOSE_SMS)).data).toMatchObject({
      chooseSmsSecondFactor: { __typename: 'PhoneNotConfirmed' },
    });
  });
});

describe('the security score over time', () => {
  it('keeps a point a day, and rewards signing in regularly', async () => {
    const louis = new AbriClient(url);
    await signIn(louis, 'louis', LOUIS_NEW_PASSWORD);
    const today = await louis.request<{
      me: { securityScore: { score: number }; securityScoreHistory: { day: string; score: number; factors: [] }[] };
    }>(SCORE_HISTORY, { d: 30 });
    const points = today.data!.me.securityScoreHistory;
    expect(points.at(-1)).toMatchObject({
      day: clock.now().toISOString().slice(0, 10),
      score: today.data!.me.securityScore.score,
    });
    // Signed in within one 30-day period only: no regularity points yet.
    expect(pointsOf(points.at(-1)!, 'CONNECTION_REGULARITY')).toBe(0);

    // A month later, signed in again: two periods out of three.
    clock.advance(31 * 86_400_000);
    const later = new AbriClient(url);
    await signIn(later, 'louis', LOUIS_NEW_PASSWORD);
    const answer = await later.request<{
      me: { securityScore: { score: number }; securityScoreHistory: { day: string; score: number; factors: [] }[] };
    }>(SCORE_HISTORY, { d: 60 });
    const history = answer.data!.me.securityScoreHistory;
    expect(history.map((p) => p.day)).toEqual([...history.map((p) => p.day)].sort());
    expect(history.at(0)?.day).toBe(points.at(-1)?.day);
    expect(history.at(-1)).toMatchObject({
      day: clock.now().toISOString().slice(0, 10),
      score: answer.data!.me.securityScore.score,
    });
    expect(pointsOf(history.at(-1)!, 'CONNECTION_REGULARITY')).toBe(3);
    expect(history.at(-1)!.score - history.at(0)!.score).toBe(3);
    // The window asked for bounds the answer.
    const short = await later.request<{ me: { securityScoreHistory: { day: string }[] } }>(SCORE_HISTORY, { d: 1 });
    expect(short.data!.me.securityScoreHistory).toHaveLength(1);
  });
});
