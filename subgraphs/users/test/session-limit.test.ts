// One account keeps at most MAX_OPEN_SESSIONS sessions open: a sign-in past it closes the least recently used, with
// its announcement (the gateway closes its sockets), so the list of devices and each revocation stay bounded.
import { DEMO, Events } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../src/app/auth.ts';
import { MAX_OPEN_SESSIONS } from '../src/app/sessions.ts';
import { usersHarness } from './harness.ts';

let h: Awaited<ReturnType<typeof usersHarness>>;
beforeAll(async () => {
  h = await usersHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('open sessions of one account', () => {
  it('closes the least recently used past the limit, announced, and keeps the newest', async () => {
    const opened: string[] = [];
    for (let i = 0; i < MAX_OPEN_SESSIONS + 2; i++) {
      h.clock.advance(1_000);
      const signedIn = await login(h.app, DEMO.camille.contractNumber, DEMO.customerPassword, {
        ip: '81.2.69.142',
        userAgent: 'test',
      });
      if (signedIn.kind !== 'success') throw new Error(signedIn.kind);
      opened.push(signedIn.session.sessionId);
    }
    const open = await h.app.prisma.session.findMany({
      where: { customerId: DEMO.camille.customerId, revokedAt: null },
      select: { id: true },
    });
    expect(open).toHaveLength(MAX_OPEN_SESSIONS);
    expect(open.map((s) => s.id)).toContain(opened.at(-1));
    expect(open.map((s) => s.id)).not.toContain(opened[0]);
    const announced = await h.app.outbox.since(Events.sessionRevoked, DEMO.camille.customerId, 0n);
    expect(announced.map((e) => e.payload.sid)).toEqual(expect.arrayContaining(opened.slice(0, 2)));
  });
});
