// Activation, customer two-factor, sign-in records and alerts, the per-address limit. Time moves by the clock.
import { DEMO } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateAccount, registerAccount, requestActivationLink } from '../src/app/activation.ts';
import { login, verifyTwoFactor } from '../src/app/auth.ts';
import { currentSecurityScore, securityScoreHistory } from '../src/app/security-score.ts';
import { reportUnrecognisedSignIn } from '../src/app/sign-in-alerts.ts';
import { confirmEnrolment, disableTwoFactor, startEnrolment } from '../src/app/two-factor.ts';
import { totpCode } from '../src/domain/totp.ts';
import { usersHarness } from './harness.ts';

let h: Awaited<ReturnType<typeof usersHarness>>;
const firefox = {
  ip: '81.2.69.142',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
};
const iphone = {
  ip: '81.2.69.142',
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Version/18.1 Mobile/15E148 Safari/604.1',
};

beforeAll(async () => {
  h = await usersHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('activation', () => {
  const NEW = { contractNumber: 'HAB0055555', email: 'jeanne.petit@abri.example' };
  const PASSWORD = 'Potager-Fleuri-2027!';

  it('activates by a single-use link valid 72 hours; sign-in says AccountNotActivated before', async () => {
    await h.app.prisma.customer.create({
      data: {
        firstName: 'Jeanne',
        lastName: 'Petit',
        email: NEW.email,
        status: 'PENDING_ACTIVATION',
        logins: { create: { contractNumber: NEW.contractNumber } },
      },
    });
    expect(registerAccount(h.app, { ...NEW, password: 'faible' })).toMatchObject({ kind: 'rejected' });
    expect(registerAccount(h.app, { ...NEW, password: PASSWORD })).toEqual({ kind: 'received' });
    await h.deliver();
    const first = h.lastToken(NEW.email);
    expect((await login(h.app, NEW.contractNumber, PASSWORD, firefox)).kind).toBe('notActivated');
    expect((await login(h.app, NEW.contractNumber, 'Autre-Chose-2027!', firefox)).kind).toBe('invalidCredentials');

    // A new link kills the first; the new one works within 72 hours, once.
    requestActivationLink(h.app, NEW.contractNumber);
    await h.deliver();
    const second = h.lastToken(NEW.email);
    expect(await activateAccount(h.app, first)).toEqual({ kind: 'invalidToken' });
    h.clock.advance(72 * 3_600_000 - 60_000);
    expect(await activateAccount(h.app, second)).toMatchObject({ kind: 'activated' });
    expect(await activateAccount(h.app, second)).toEqual({ kind: 'invalidToken' });
    expect((await login(h.app, NEW.contractNumber, PASSWORD, firefox)).kind).toBe('success');
  });

  it('refuses a link after 72 hours', async () => {
    await h.app.prisma.customer.create({
      data: {
        firstName: 'Paul',
        lastName: 'Roux',
        email: 'paul.roux@abri.example',
        status: 'PENDING_ACTIVATION',
        logins: { create: { contractNumber: 'HAB0066666' } },
      },
    });
    registerAccount(h.app, {
      contractNumber: 'HAB0066666',
      email: 'paul.roux@abri.example',
      password: 'Potager-Fleuri-2027!',
    });
    await h.deliver();
    const token = h.lastToken('paul.roux@abri.example');
    h.clock.advance(72 * 3_600_000 + 1000);
    expect(await activateAccount(h.app, token)).toEqual({ kind: 'invalidToken' });
  });

  it('sends nothing when the e-mail does not match the contract', async () => {
    const before = h.mailbox.sent.length;
    registerAccount(h.app, {
      contractNumber: DEMO.louis.contractNumber,
      email: 'intrus@example.com',
      password: 'Potager-Fleuri-2027!',
    });
    await h.deliver();
    expect(h.mailbox.sent.length).toBe(before);
  });
});

describe('customer two-factor', () => {
  it('enrols with a first code, then asks for a code at sign-in, each code once, recovery codes once', async () => {
    const id = DEMO.louis.customerId;
    const signedIn = await login(h.app, DEMO.louis.contractNumber, DEMO.customerPassword, firefox);
    if (signedIn.kind !== 'success') throw new Error(signedIn.kind);
    const sid = signedIn.session.sessionId;
    // Binding the account to a device needs a recent proof of the password.
    expect(await startEnrolment(h.app, id, false)).toEqual({ kind: 'reauthenticationRequired' });
    const enrolment = await startEnrolment(h.app, id, true);
    if (enrolment.kind !== 'started') throw new Error(enrolment.kind);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Abri:HAB0067890\?secret=/);
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(await confirmEnrolment(h.app, id, sid, '000000')).toBeNull();
    h.clock.advance(30_000);
    h.mailbox.sent.length = 0;
    const recovery = await confirmEnrolment(h.app, id, sid, await totpCode(enrolment.secret, h.clock.now()));
    expect(recovery).toHaveLength(10);
    await h.deliver();
    expect(h.messagesTo('louis.bernard@abri.example').map((m) => m.subject)).toEqual([
      'Double authentification activée',
    ]);
    // Another enrolment cannot replace the active factor, even with a fresh password.
    expect(await startEnrolment(h.app, id, true)).toEqual({ kind: 'alreadyEnabled' });

    h.clock.advance(30_000);
    const first = await login(h.app, DEMO.louis.contractNumber, DEMO.customerPassword, firefox);
    if (first.kind !== 'twoFactorRequired') throw new Error(first.kind);
    const code = await totpCode(enrolment.secret, h.clock.now());
    expect((await verifyTwoFactor(h.app, first.challengeToken, code, firefox)).kind).toBe('success');
    const second = await login(h.app, DEMO.louis.contractNumber, DEMO.customerPassword, firefox);
    if (second.kind !== 'twoFactorRequired') throw new Error(second.kind);
    expect((await verifyTwoFactor(h.app, second.challengeToken, code, firefox)).kind).toBe('invalidCredentials');
    expect((await verifyTwoFactor(h.app, second.challengeToken, recovery![0]!, firefox)).kind).toBe('success');
    const third = await login(h.app, DEMO.louis.contractNumber, DEMO.customerPassword, firefox);
    if (third.kind !== 'twoFactorRequired') throw new Error(third.kind);
    expect((await verifyTwoFactor(h.app, third.challengeToken, recovery![0]!, firefox)).kind).toBe(
      'invalidCredentials',
    );

    // Disabling needs both the password and a code.
    h.clock.advance(30_000);
    const now = await totpCode(enrolment.secret, h.clock.now());
    expect(await disableTwoFactor(h.app, id, sid, 'wrong', now)).toBe(false);
    expect(await disableTwoFactor(h.app, id, sid, DEMO.customerPassword, '123456')).toBe(false);
    expect(await disableTwoFactor(h.app, id, sid, DEMO.customerPassword, now)).toBe(true);
    await h.deliver();
    expect(h.messagesTo('louis.bernard@abri.example').at(-1)?.subject).toBe('Double authentification désactivée');
    expect((await login(h.app, DEMO.louis.contractNumber, DEMO.customerPassword, firefox)).kind).toBe('success');
  });
});

describe('sign-in records and alerts', () => {
  it('records place and device, and e-mails a one-click link when a new device signs in', async () => {
    const email = 'camille.martin@abri.example';
    h.mailbox.sent.length = 0;
    expect((await login(h.app, DEMO.camille.contractNumber, DEMO.customerPassword, firefox)).kind).toBe('success');
    expect((await login(h.app, DEMO.camille.contractNumber, DEMO.customerPassword, firefox)).kind).toBe('success');
    await h.deliver();
    expect(h.messagesTo(email)).toHaveLength(0);
    const last = await h.app.prisma.signInEvent.findFirstOrThrow({
      where: { customerId: DEMO.camille.customerId },
      orderBy: { at: 'desc' },
    });
    expect(last).toMatchObject({
      outcome: 'SUCCESS',
      country: 'GB',
      city: 'Newmarket',
      device: 'Firefox 133 sur Linux',
      unrecognised: false,
    });

    const phone = await login(h.app, DEMO.camille.contractNumber, DEMO.customerPassword, iphone);
    if (phone.kind !== 'success') throw new Error(phone.kind);
    await h.deliver();
    const alert = h.messagesTo(email).at(-1);
    expect(alert?.subject).toBe('Nouvelle connexion à votre espace client');
    expect(alert?.text).toContain('Mobile Safari 18 sur Apple iPhone');

    // "This was not me": the phone's session ends and the password is blocked until reset.
    expect(await reportUnrecognisedSignIn(h.app, h.lastToken(email))).toBe(true);
    expect(
      (await h.app.prisma.session.findUniqueOrThrow({ where: { id: phone.session.sessionId } })).revokedAt,
    ).not.toBeNull();
    expect((await login(h.app, DEMO.camille.contractNumber, DEMO.customerPassword, firefox)).kind).toBe(
      'passwordChangeRequired',
    );
    await h.app.prisma.customer.update({
      where: { id: DEMO.camille.customerId },
      data: { passwordResetRequired: false },
    });
  });

  it('slows password spraying: too many failures from one address are refused whatever the account', async () => {
    const sprayer = { ip: '203.0.113.99', userAgent: 'curl/8.0' };
    const contracts = ['HAB1000001', 'HAB1000002', DEMO.louis.contractNumber];
    for (let i = 0; i < h.app.config.maxFailedSignInsPerIp; i++)
      await login(h.app, contracts[i % 2]!, `Guess-${i}-2027!`, sprayer);
    expect((await login(h.app, contracts[2]!, DEMO.customerPassword, sprayer)).kind).toBe('rateLimited');
    expect((await login(h.app, DEMO.louis.contractNumber, DEMO.customerPassword, firefox)).kind).not.toBe(
      'rateLimited',
    );
    h.clock.advance(10 * 60_000);
    expect((await login(h.app, contracts[2]!, DEMO.customerPassword, sprayer)).kind).not.toBe('rateLimited');
  });
});

describe('the security score history', () => {
  it('is written by sign-ins and changes, never by reading it; it ends on the score now', async () => {
    const customerId = DEMO.louis.customerId;
    await h.app.prisma.securityScorePoint.deleteMany({ where: { customerId } });
    const history = await securityScoreHistory(h.app, customerId, 30);
    expect(await h.app.prisma.securityScorePoint.count({ where: { customerId } })).toBe(0);
    const now = await currentSecurityScore(h.app, customerId);
    expect(history).toEqual([
      {
        day: new Date(`${h.clock.now().toISOString().slice(0, 10)}T00:00:00Z`),
        score: now.score,
        factors: Object.fromEntries(now.factors.map((f) => [f.key, f.points])),
      },
    ]);

    expect((await login(h.app, DEMO.louis.contractNumber, DEMO.customerPassword, firefox)).kind).toBe('success');
    expect(await h.app.prisma.securityScorePoint.count({ where: { customerId } })).toBe(1);
    // The next day, the stored point comes first and today's is computed.
    h.clock.advance(86_400_000);
    const next = await securityScoreHistory(h.app, customerId, 30);
    expect(next).toHaveLength(2);
    expect(await h.app.prisma.securityScorePoint.count({ where: { customerId } })).toBe(1);
  });
});
