import { randomInt } from 'node:crypto';
import { DEMO, registry, sha256 } from '@abri/platform';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { login, staffLogin } from '../src/app/auth.ts';
import { requestPasswordReset, resetPassword } from '../src/app/recovery.ts';
import { dispatchMessages } from '../src/messaging/dispatcher.ts';
import { usersHarness } from './harness.ts';

let h: Awaited<ReturnType<typeof usersHarness>>;
const client = { ip: '203.0.113.7', userAgent: 'test' };
const attempt = (password: string) => login(h.app, DEMO.camille.contractNumber, password, client);
/** A fresh start for Camille: no failure counted, nothing left in the mailbox or its queue. */
async function resetCamille() {
  await h.app.prisma.customer.update({
    where: { id: DEMO.camille.customerId },
    data: { failedLogins: 0, lockedUntil: null },
  });
  await dispatchMessages(h.app);
  h.mailbox.sent.length = 0;
}

beforeAll(async () => {
  h = await usersHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(resetCamille);

describe('lockout', () => {
  it('locks the account for 30 minutes at the fifth consecutive failure, even against the right password, and emails the owner', async () => {
    for (let i = 1; i <= 4; i++) expect((await attempt('wrong')).kind).toBe('invalidCredentials');
    const fifth = await attempt('wrong');
    expect(fifth).toEqual({ kind: 'locked', lockedUntil: new Date(h.clock.now().getTime() + 30 * 60_000) });
    expect((await attempt(DEMO.customerPassword)).kind).toBe('locked');
    h.clock.advance(30 * 60_000 - 1000);
    expect((await attempt(DEMO.customerPassword)).kind).toBe('locked');
    h.clock.advance(1000);
    expect((await attempt(DEMO.customerPassword)).kind).toBe('success');

    await dispatchMessages(h.app);
    expect(h.mailbox.sent).toHaveLength(1);
    expect(h.mailbox.sent[0]).toMatchObject({
      channel: 'EMAIL',
      to: 'camille.martin@abri.example',
      subject: 'Votre espace client est verrouillé temporairement',
    });
    expect(h.mailbox.sent[0]?.text).toContain('Bonjour Camille');
    expect(h.mailbox.sent[0]?.text).not.toContain(DEMO.customerPassword);
  });

  it('starts counting again after a success', async () => {
    for (let i = 0; i < 4; i++) await attempt('wrong');
    expect((await attempt(DEMO.customerPassword)).kind).toBe('success');
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).kind).toBe('invalidCredentials');
  });

  it('starts a new count once a lock has expired', async () => {
    for (let i = 0; i < 5; i++) await attempt('wrong');
    h.clock.advance(30 * 60_000);
    expect((await attempt('wrong')).kind).toBe('invalidCredentials');
  });

  it('counts concurrent wrong guesses exactly: four refused, the rest locked, one email; then no sign-in during the lock', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 6, max: 16 }), fc.integer({ min: 1, max: 4 }), async (guesses, rightOnes) => {
        await resetCamille();
        h.clock.advance(31 * 60_000);
        const outcomes = await Promise.all(Array.from({ length: guesses }, () => attempt('wrong')));
        expect(outcomes.filter((o) => o.kind === 'invalidCredentials')).toHaveLength(4);
        expect(outcomes.filter((o) => o.kind === 'locked')).toHaveLength(guesses - 4);
        const during = await Promise.all(Array.from({ length: rightOnes }, () => attempt(DEMO.customerPassword)));
        expect(during.every((o) => o.kind === 'locked')).toBe(true);
        await dispatchMessages(h.app);
        expect(h.mailbox.sent).toHaveLength(1);
      }),
      { numRuns: 5 },
    );
  });

  it('answers an unknown contract number like a wrong password', async () => {
    expect(await login(h.app, unknownNumber(), 'wrong', client)).toEqual({ kind: 'invalidCredentials' });
    expect(await login(h.app, 'not a number', 'wrong', client)).toEqual({ kind: 'invalidCredentials' });
  });
});

/** A contract number no account has, fresh for each test. */
const unknownNumber = () => `HAB9${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
/** argon2id verifications so far in this process (the service's own metric). */
const verifications = async () =>
  (await registry.getSingleMetric('abri_argon2_duration_seconds')!.get()).values.find(
    (v) =>
      (v as { metricName?: string }).metricName === 'abri_argon2_duration_seconds_count' &&
      v.labels['operation'] === 'verify',
  )?.value ?? 0;

describe('lockout without oracle', () => {
  it('answers an unknown contract number exactly as a known one through the fifth failure and after, each with one argon2id check', async () => {
    const unknown = unknownNumber();
    for (let i = 1; i <= 7; i++) {
      // Each pair from its own address: the per-address limit (proven apart) must not decide the answers compared,
      // and where its window boundary falls depends on the clock the test starts at.
      const from = { ...client, ip: `198.51.100.${i}` };
      const before = await verifications();
      const known = await login(h.app, DEMO.camille.contractNumber, 'wrong', from);
      const between = await verifications();
      const other = await login(h.app, unknown, 'wrong', from);
      // Same answer, lock end included; and the same work, so timing tells nothing either.
      expect(other).toEqual(known);
      expect(known.kind).toBe(i < 5 ? 'invalidCredentials' : 'locked');
      expect(between - before).toBe(1);
      expect((await verifications()) - between).toBe(1);
    }
    // The lock ends at the same time for both.
    h.clock.advance(30 * 60_000);
    expect((await login(h.app, unknown, 'wrong', client)).kind).toBe('invalidCredentials');
    expect((await login(h.app, DEMO.camille.contractNumber, 'wrong', client)).kind).toBe('invalidCredentials');
  });

  it('counts concurrent guesses on an unknown number exactly, as on an account', async () => {
    const unknown = unknownNumber();
    const outcomes = await Promise.all(
      Array.from({ length: 9 }, (_, i) => login(h.app, unknown, 'wrong', { ...client, ip: `198.51.100.${100 + i}` })),
    );
    expect(outcomes.filter((o) => o.kind === 'invalidCredentials')).toHaveLength(4);
    expect(new Set(outcomes.filter((o) => o.kind === 'locked').map((o) => JSON.stringify(o))).size).toBe(1);
  });

  it('locks an unknown staff e-mail like a known one', async () => {
    const nobody = `personne-${randomInt(1e9)}@abri.example`;
    const known = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) {
      known.push(await staffLogin(h.app, DEMO.adjuster.email, 'wrong', client));
      unknown.push(await staffLogin(h.app, nobody, 'wrong', client));
    }
    expect(unknown).toEqual(known);
    // What was typed is counted under a keyed hash: hashing guesses of addresses does not find it again.
    const targets = await h.app.prisma.unknownSignInTarget.findMany({ select: { keyHash: true, failedLogins: true } });
    expect(targets.find((t) => t.keyHash === sha256(`StaffMember:${nobody}`))).toBeUndefined();
    expect(targets.some((t) => t.failedLogins >= 5)).toBe(true);
    h.clock.advance(30 * 60_000);
  });

  it('leaves recovery by e-mailed link open to the owner of an account an attacker locked', async () => {
    for (let i = 0; i < 6; i++) await attempt('wrong');
    expect((await attempt(DEMO.customerPassword)).kind).toBe('locked');
    requestPasswordReset(h.app, DEMO.camille.contractNumber);
    await h.deliver();
    const token = h.lastToken('camille.martin@abri.example');
    expect(await resetPassword(h.app, token, 'Nouveau-Chemin-2027?')).toEqual({ kind: 'reset' });
    expect((await attempt('Nouveau-Chemin-2027?')).kind).toBe('success');
  });
});
