// Web Push as the RFCs define it (message encryption, VAPID), what a device may register, what the lock screen
// shows, how presence expires, and how often it is announced.

import { createECDH, randomBytes } from 'node:crypto';
import { announcePresence, createMemoryBus, Events, manualClock, trackPresence } from '@abri/platform';
import { describe, expect, it, vi } from 'vitest';
import { checkPreferences, isQuiet, shouldPush } from '../src/domain/notification-preferences.ts';
import { checkPushDevice } from '../src/domain/push-device.ts';
import { notificationOf } from '../src/push/messages.ts';
import { encryptWebPush, generateVapidKey, vapidAuthorization } from '../src/push/web-push.ts';
import { decryptWebPush, verifyVapid } from './push-receiver.ts';

describe('Web Push message encryption (RFC 8291)', () => {
  it('gives the RFC’s own example byte for byte (Appendix A)', () => {
    const body = encryptWebPush(
      Buffer.from('When I grow up, I want to be a watermelon'),
      {
        p256dh: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
        auth: 'BTBZMqHH6r4Tts7J_aSIgg',
      },
      {
        salt: Buffer.from('DGv6ra1nlYgDCS1FRnbzlw', 'base64url'),
        senderPrivateKey: Buffer.from('yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw', 'base64url'),
      },
    );
    expect(body.toString('base64url')).toBe(
      'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
    );
  });

  it('is opened only with the subscription’s keys, and a fresh key and salt each time', () => {
    const ua = createECDH('prime256v1');
    ua.generateKeys();
    const auth = randomBytes(16);
    const keys = { p256dh: ua.getPublicKey().toString('base64url'), auth: auth.toString('base64url') };
    const a = encryptWebPush(Buffer.from('{"title":"Bonjour"}'), keys);
    const b = encryptWebPush(Buffer.from('{"title":"Bonjour"}'), keys);
    expect(a.equals(b)).toBe(false);
    expect(decryptWebPush(a, ua.getPrivateKey(), auth).toString()).toBe('{"title":"Bonjour"}');
    expect(() => decryptWebPush(a, ua.getPrivateKey(), randomBytes(16))).toThrow();
  });
});

describe('VAPID (RFC 8292)', () => {
  it('signs a token for the push service’s origin that its public key verifies, for less than a day', () => {
    const key = generateVapidKey();
    const now = new Date('2026-12-01T12:00:00Z');
    const header = vapidAuthorization('https://push.example.net/send/abc?x=1', key, 'mailto:push@abri.example', now);
    expect(verifyVapid(header, 'https://push.example.net', key.publicKey, now)).toBe(true);
    expect(verifyVapid(header, 'https://other.example.net', key.publicKey, now)).toBe(false);
    expect(verifyVapid(header, 'https://push.example.net', generateVapidKey().publicKey, now)).toBe(false);
    expect(
      verifyVapid(header, 'https://push.example.net', key.publicKey, new Date(now.getTime() + 13 * 3600_000)),
    ).toBe(false);
  });
});

describe('registering a device', () => {
  const ua = createECDH('prime256v1');
  ua.generateKeys();
  const keys = { p256dh: ua.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };

  it('accepts only https endpoints in production, without credentials in the URL', () => {
    const check = (endpoint: string) =>
      checkPushDevice({ channel: 'WEB_PUSH', endpoint, ...keys }, { allowHttp: false });
    expect(check('https://fcm.googleapis.com/fcm/send/abc').kind).toBe('valid');
    expect(check('http://10.0.0.5/internal')).toMatchObject({ kind: 'invalid', field: 'endpoint' });
    expect(check('https://user:pw@push.example.net/x')).toMatchObject({ kind: 'invalid', field: 'endpoint' });
    expect(check('not a url')).toMatchObject({ kind: 'invalid', field: 'endpoint' });
  });

  it('refuses a key that is not a point of P-256 and a token of the wrong shape', () => {
    const p256dh = Buffer.alloc(65, 1);
    p256dh[0] = 4;
    expect(
      checkPushDevice(
        {
          channel: 'WEB_PUSH',
          endpoint: 'https://push.example.net/x',
          p256dh: p256dh.toString('base64url'),
          auth: keys.auth,
        },
        { allowHttp: false },
      ),
    ).toMatchObject({ kind: 'invalid', field: 'p256dh' });
    expect(checkPushDevice({ channel: 'APNS', token: 'not-hex' }, { allowHttp: false })).toMatchObject({
      field: 'token',
    });
    expect(checkPushDevice({ channel: 'SMS' }, { allowHttp: false })).toMatchObject({ field: 'channel' });
  });
});

describe('what the lock screen shows', () => {
  it('says what happened in French without a reference, an amount or a name', () => {
    const claim = notificationOf(
      {
        kind: 'claimStatus',
        origin: 'claims.4',
        at: '2026-12-01T10:00:00Z',
        data: { claimId: 'c1', reference: 'SIN-2026-004217', status: 'INDEMNITY_COMPUTED', indemnityCents: 123_400 },
      },
      'users.9',
    );
    expect(claim).toEqual({
      title: 'Votre sinistre avance',
      body: 'Une proposition d’indemnisation vous attend.',
      url: '/sinistres/c1',
      tag: 'claim',
      cursor: 'users.9',
    });
    const payment = notificationOf(
      {
        kind: 'payment',
        origin: 'payments.2',
        at: '',
        data: { kind: 'debitRejected', amountCents: 2941, code: 'AM04' },
      },
      'users.10',
    );
    expect(JSON.stringify([claim, payment])).not.toMatch(/SIN-|1234|29,41|AM04|\d{3,}/);
  });

  it('wakes no phone for a monthly debit that went through, and does for a refused one', () => {
    const payment = (kind: string) =>
      notificationOf({ kind: 'payment', origin: 'payments.3', at: '', data: { kind, amountCents: 5402 } }, 'users.11');
    expect(payment('instalmentCollected')).toBeNull();
    expect(payment('debitRejected')).toMatchObject({ title: 'Vos paiements', url: '/paiements' });
  });
});

describe('notification preferences', () => {
  const quiet = { muted: [], quietFrom: 22 * 60, quietUntil: 7 * 60 };
  it('keeps quiet hours across midnight, for everything but security', () => {
    expect(isQuiet(quiet, 23 * 60)).toBe(true);
    expect(isQuiet(quiet, 6 * 60 + 59)).toBe(true);
    expect(isQuiet(quiet, 7 * 60)).toBe(false);
    expect(isQuiet({ muted: [], quietFrom: 13 * 60, quietUntil: 14 * 60 }, 13 * 60 + 30)).toBe(true);
    expect(shouldPush('claim', quiet, 23 * 60)).toBe(false);
    expect(shouldPush('security', quiet, 23 * 60)).toBe(true);
    expect(shouldPush('payment', { muted: ['PAYMENTS'], quietFrom: null, quietUntil: null }, 12 * 60)).toBe(false);
    expect(shouldPush('claim', null, 3 * 60)).toBe(true);
  });

  it('refuses a time that is not one, or quiet hours with one end', () => {
    expect(checkPreferences({ muted: [], quietFrom: '24:00', quietUntil: '07:00' })).toMatchObject({
      field: 'quietFrom',
    });
    expect(checkPreferences({ muted: [], quietFrom: '22:00' })).toMatchObject({ field: 'quietUntil' });
    expect(checkPreferences({ muted: ['CLAIMS', 'CLAIMS'], quietFrom: '22:30', quietUntil: '07:00' })).toEqual({
      kind: 'valid',
      preferences: { muted: ['CLAIMS'], quietFrom: 22 * 60 + 30, quietUntil: 7 * 60 },
    });
  });
});

describe('presence', () => {
  it('counts a session live while a replica announces it, and no longer once the replica left or went silent', async () => {
    const bus = createMemoryBus();
    const clock = manualClock(new Date('2026-12-01T12:00:00Z'));
    const tracker = await trackPresence({ bus, now: () => clock.now() });
    const sessions = new Set(['s1']);
    const replica = announcePresence({
      bus,
      sessions: () => sessions,
      now: () => clock.now(),
      everyMs: 60_000,
      minGapMs: 0,
    });
    expect(tracker.isLive('s1')).toBe(true);
    expect(tracker.isLive('s2')).toBe(false);
    sessions.delete('s1');
    replica.changed();
    await expect.poll(() => tracker.isLive('s1')).toBe(false);
    sessions.add('s3');
    replica.changed();
    await expect.poll(() => tracker.isLive('s3')).toBe(true);
    // A replica that stops announcing (killed) no longer counts after three periods.
    clock.set(new Date(clock.now().getTime() + 3 * 60_000 + 1));
    expect(tracker.isLive('s3')).toBe(false);
    replica.stop();
    tracker.stop();
  });

  it('announces a burst of connections together, at most once per gap, not once per connection', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const bus = createMemoryBus();
      const announced: string[][] = [];
      await bus.subscribe(Events.presence, (event) => {
        announced.push(event.payload.sessions);
      });
      const sessions = new Set<string>();
      const replica = announcePresence({ bus, sessions: () => sessions, now: () => new Date(), minGapMs: 1_000 });
      await vi.advanceTimersByTimeAsync(0);
      expect(announced).toEqual([[]]);
      // 200 devices connect over two seconds, one every 10 ms.
      for (let i = 0; i < 200; i++) {
        sessions.add(`s${i}`);
        replica.changed();
        await vi.advanceTimersByTimeAsync(10);
      }
      await vi.advanceTimersByTimeAsync(1_000);
      expect(announced.length).toBeLessThanOrEqual(4);
      expect(announced.at(-1)).toHaveLength(200);
      replica.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
