// Forgotten password (link and SMS), password history, and what a new password ends. Time moves by the clock.
import { createMemoryRateLimiter, DEMO } from '@abri/platform';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { login } from '../src/app/auth.ts';
import { changePassword } from '../src/app/passwords.ts';
import {
  RECOVERY_CAPS,
  requestPasswordReset,
  requestSmsCode,
  resetPassword,
  resetPasswordWithSmsCode,
} from '../src/app/recovery.ts';
import { hashPassword } from '../src/domain/password.ts';
import { usersHarness } from './harness.ts';

let h: Awaited<ReturnType<typeof usersHarness>>;
const CAMILLE = 'camille.martin@abri.example';
const PHONE = '+33612345678';
const client = { ip: '198.51.100.4', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' };
const signIn = (password: string) => login(h.app, DEMO.camille.contractNumber, password, client);

async function smsCode(): Promise<string> {
  const text = h.messagesTo(PHONE).at(-1)?.text ?? '';
  const code = /(\d{6})/.exec(text)?.[1];
  if (!code) throw new Error('no SMS code');
  return code;
}

beforeAll(async () => {
  h = await usersHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  // Camille back to her demo password, with no password history beyond it.
  await h.app.prisma.credential.deleteMany({ where: { customerId: DEMO.camille.customerId } });
  await h.app.prisma.credential.create({
    data: {
      customerId: DEMO.camille.customerId,
      passwordHash: await hashPassword(DEMO.customerPassword),
      strength: 4,
      createdAt: h.clock.now(),
    },
  });
  await h.app.prisma.customer.update({
    where: { id: DEMO.camille.customerId },
    data: { failedLogins: 0, lockedUntil: null, passwordResetRequired: false },
  });
  await h.deliver();
  h.mailbox.sent.length = 0;
  // Each test starts with nothing sent and nothing tried today.
  h.app.limiter = createMemoryRateLimiter({ now: () => h.clock.now().getTime() });
});

describe('reset by e-mailed link', () => {
  it('sends a single-use link valid 24 hours that sets a new password and ends every session', async () => {
    const before = await signIn(DEMO.customerPassword);
    expect(before.kind).toBe('success');
    requestPasswordReset(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const token = h.lastToken(CAMILLE);
    h.clock.advance(24 * 3_600_000 - 60_000);
    expect(await resetPassword(h.app, token, 'Nouveau-Chemin-2027?')).toEqual({ kind: 'reset' });
    expect(await resetPassword(h.app, token, 'Encore-Autre-2028?')).toEqual({ kind: 'invalidToken' });
    expect((await signIn(DEMO.customerPassword)).kind).toBe('invalidCredentials');
    expect((await signIn('Nouveau-Chemin-2027?')).kind).toBe('success');
    const session = before.kind === 'success' ? before.session.sessionId : '';
    expect((await h.app.prisma.session.findUniqueOrThrow({ where: { id: session } })).revokedAt).not.toBeNull();
  });

  it('refuses a link after 24 hours', async () => {
    requestPasswordReset(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const token = h.lastToken(CAMILLE);
    h.clock.advance(24 * 3_600_000 + 1000);
    expect(await resetPassword(h.app, token, 'Nouveau-Chemin-2027?')).toEqual({ kind: 'invalidToken' });
  });

  it('kills earlier links when a new one is sent, and every link when the password changes', async () => {
    requestPasswordReset(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const first = h.lastToken(CAMILLE);
    requestPasswordReset(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const second = h.lastToken(CAMILLE);
    expect(second).not.toBe(first);
    expect(await resetPassword(h.app, first, 'Nouveau-Chemin-2027?')).toEqual({ kind: 'invalidToken' });
    const signedIn = await signIn(DEMO.customerPassword);
    if (signedIn.kind !== 'success') throw new Error('sign-in failed');
    expect(
      await changePassword(
        h.app,
        DEMO.camille.customerId,
        signedIn.session.sessionId,
        DEMO.customerPassword,
        'Autre-Chemin-2027?',
      ),
    ).toEqual({ kind: 'changed' });
    expect(await resetPassword(h.app, second, 'Nouveau-Chemin-2027?')).toEqual({ kind: 'invalidToken' });
  });

  it('says which rule a new password breaks and keeps the link usable', async () => {
    requestPasswordReset(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const token = h.lastToken(CAMILLE);
    expect(await resetPassword(h.app, token, 'azerty')).toMatchObject({
      kind: 'rejected',
      failures: expect.arrayContaining(['TOO_SHORT', 'NO_UPPERCASE', 'NO_DIGIT']),
    });
    expect(await resetPassword(h.app, token, 'Nouveau-Chemin-2027?')).toEqual({ kind: 'reset' });
  });

  it('sends nothing for an unknown contract number', async () => {
    requestPasswordReset(h.app, 'HAB9999999');
    await h.deliver();
    expect(h.mailbox.sent).toHaveLength(0);
  });
});

describe('no enumeration by timing', () => {
  it('looks nothing up before answering a reset or SMS request: the answer cannot depend on the account', async () => {
    // Every database call made while the request is answered is counted; the work comes after.
    let calls = 0;
    const counted = new Proxy(h.app.prisma, {
      get(target, key, receiver) {
        calls++;
        return Reflect.get(target, key, receiver);
      },
    });
    const app = { ...h.app, prisma: counted };
    for (const contract of [DEMO.camille.contractNumber, 'HAB9999999']) {
      expect(requestPasswordReset(app, contract)).toBeUndefined();
      expect(requestSmsCode(app, contract)).toBeUndefined();
    }
    expect(calls).toBe(0);
    await h.deliver();
    expect(calls).toBeGreaterThan(0);
    expect(h.messagesTo(CAMILLE)).toHaveLength(1);
    expect(h.messagesTo(PHONE)).toHaveLength(1);
  });
});

describe('password history', () => {
  it('refuses any of the last five passwords, and accepts the sixth oldest', async () => {
    const passwords = [
      'Premier-Essai-2027?',
      'Deuxieme-Essai-2027?',
      'Troisieme-Essai-2027?',
      'Quatrieme-Essai-2027?',
      'Cinquieme-Essai-2027?',
    ];
    let current: string = DEMO.customerPassword;
    const signedIn = await signIn(current);
    if (signedIn.kind !== 'success') throw new Error('sign-in failed');
    for (const next of passwords) {
      expect(await changePassword(h.app, DEMO.camille.customerId, signedIn.session.sessionId, current, next)).toEqual({
        kind: 'changed',
      });
      current = next;
    }
    // The last five are Premier..Cinquieme; the demo password is the sixth most recent.
    for (const old of passwords.slice(0, 4)) {
      expect(await changePassword(h.app, DEMO.camille.customerId, signedIn.session.sessionId, current, old)).toEqual({
        kind: 'rejected',
        failures: ['REUSED'],
      });
    }
    expect(
      await changePassword(h.app, DEMO.camille.customerId, signedIn.session.sessionId, current, DEMO.customerPassword),
    ).toEqual({ kind: 'changed' });
  });

  it('takes the password set last as current, even when an older one carries a later timestamp', async () => {
    // Another instance whose clock runs a day ahead wrote the demo password's row.
    await h.app.prisma.credential.updateMany({
      where: { customerId: DEMO.camille.customerId },
      data: { createdAt: new Date(h.clock.now().getTime() + 86_400_000) },
    });
    const signedIn = await signIn(DEMO.customerPassword);
    if (signedIn.kind !== 'success') throw new Error('sign-in failed');
    const change = (from: string, to: string) =>
      changePassword(h.app, DEMO.camille.customerId, signedIn.session.sessionId, from, to);
    expect(await change(DEMO.customerPassword, 'Horloge-Decalee-2027?')).toEqual({ kind: 'changed' });
    expect((await signIn(DEMO.customerPassword)).kind).toBe('invalidCredentials');
    expect((await signIn('Horloge-Decalee-2027?')).kind).toBe('success');
    expect(await change(DEMO.customerPassword, 'Autre-Essai-2027?')).toEqual({ kind: 'wrongPassword' });
  });

  it('refuses a change with the wrong current password', async () => {
    expect(await changePassword(h.app, DEMO.camille.customerId, 'none', 'not-it', 'Nouveau-Chemin-2027?')).toEqual({
      kind: 'wrongPassword',
    });
  });
});

describe('reset by SMS code', () => {
  it('texts a 6-digit code valid 10 minutes, usable once', async () => {
    requestSmsCode(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const code = await smsCode();
    expect(h.messagesTo(PHONE)[0]?.channel).toBe('SMS');
    h.clock.advance(10 * 60_000 - 1000);
    expect(await resetPasswordWithSmsCode(h.app, DEMO.camille.contractNumber, code, 'Nouveau-Chemin-2027?')).toEqual({
      kind: 'reset',
    });
    expect(await resetPasswordWithSmsCode(h.app, DEMO.camille.contractNumber, code, 'Encore-Autre-2028?')).toEqual({
      kind: 'invalidToken',
    });
  });

  it('refuses a code after 10 minutes', async () => {
    requestSmsCode(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const code = await smsCode();
    h.clock.advance(10 * 60_000 + 1000);
    expect(await resetPasswordWithSmsCode(h.app, DEMO.camille.contractNumber, code, 'Nouveau-Chemin-2027?')).toEqual({
      kind: 'invalidToken',
    });
  });

  it('kills the code after five wrong tries, even for the right code next', async () => {
    requestSmsCode(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const code = await smsCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const tries = await Promise.all(
      Array.from({ length: 5 }, () =>
        resetPasswordWithSmsCode(h.app, DEMO.camille.contractNumber, wrong, 'Nouveau-Chemin-2027?'),
      ),
    );
    expect(tries.every((t) => t.kind === 'invalidToken')).toBe(true);
    expect(await resetPasswordWithSmsCode(h.app, DEMO.camille.contractNumber, code, 'Nouveau-Chemin-2027?')).toEqual({
      kind: 'invalidToken',
    });
  });

  /** Caps count per UTC day: a test that spans hours starts at 01:00 so it stays within one. */
  const earlyTomorrow = () => {
    const day = 86_400_000;
    h.clock.set(new Date((Math.floor(h.clock.now().getTime() / day) + 1) * day + 3_600_000));
  };

  it('never sends more than three codes an hour and five a day to one customer, whoever asks', async () => {
    earlyTomorrow();
    for (let i = 0; i < 10; i++) requestSmsCode(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    expect(h.messagesTo(PHONE)).toHaveLength(RECOVERY_CAPS.smsCodesPerHour);
    for (let hour = 1; hour <= 3; hour++) {
      h.clock.advance(3_600_000);
      for (let i = 0; i < 3; i++) requestSmsCode(h.app, DEMO.camille.contractNumber);
      await h.deliver();
    }
    expect(h.messagesTo(PHONE)).toHaveLength(RECOVERY_CAPS.smsCodesPerDay);
  });

  it('never sends more than three reset e-mails an hour to one customer', async () => {
    for (let i = 0; i < 10; i++) requestPasswordReset(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    expect(h.messagesTo(CAMILLE)).toHaveLength(RECOVERY_CAPS.resetMailsPerHour);
  });

  it('refuses even the right code once ten tries were made today across codes', async () => {
    earlyTomorrow();
    // Fifteen wrong guesses spread over three codes (five each, each code then dead): the fourth code is refused too.
    for (let round = 0; round < 3; round++) {
      requestSmsCode(h.app, DEMO.camille.contractNumber);
      await h.deliver();
      const code = await smsCode();
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++)
        await resetPasswordWithSmsCode(h.app, DEMO.camille.contractNumber, wrong, 'Nouveau-Chemin-2027?');
      h.clock.advance(3_600_000);
    }
    requestSmsCode(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const fourth = await smsCode();
    expect(h.messagesTo(PHONE)).toHaveLength(4);
    expect(await resetPasswordWithSmsCode(h.app, DEMO.camille.contractNumber, fourth, 'Nouveau-Chemin-2027?')).toEqual({
      kind: 'invalidToken',
    });
  });
});
