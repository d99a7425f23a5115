// Sent e-mails and SMS are kept 3 months after they were sent, as the register tells the customer, then deleted by the
// hourly purge; a message the dispatcher gave up on goes 3 months after its last try. Nothing is deleted before.
import { addMonths } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRegister } from '../../../prisma/users/personal-data.ts';
import { purgeUsers, SENT_MESSAGES_KEPT_MONTHS } from '../src/app/erasure.ts';
import { dispatchMessages, queueMessage } from '../src/messaging/dispatcher.ts';
import { usersHarness } from './harness.ts';

let h: Awaited<ReturnType<typeof usersHarness>>;
beforeAll(async () => {
  h = await usersHarness();
  // What the seed queued is sent and set aside first: the test counts its own messages only.
  await dispatchMessages(h.app);
  await h.app.prisma.messageOutbox.deleteMany({});
});
afterAll(async () => {
  await h?.close();
});

const queue = (text: string) =>
  h.app.prisma.$transaction((tx) =>
    queueMessage(h.app, tx, 'camille.martin@abri.example', {
      channel: 'EMAIL',
      template: 'test',
      subject: 'Un message',
      text,
    }),
  );
const kept = () => h.app.prisma.messageOutbox.count();

describe('the purge of sent messages', () => {
  it('deletes a message 3 months after it was sent, one never sent 3 months after its last try, and nothing earlier', async () => {
    expect(usersRegister.categories.messages.retention).toBe(`${SENT_MESSAGES_KEPT_MONTHS} mois après l’envoi`);
    await queue('envoyé');
    expect(await dispatchMessages(h.app)).toBe(1);
    const sentAt = h.clock.now();

    // Another one the transport refuses at every try, until the dispatcher gives up on it.
    const send = h.app.transport.send;
    h.app.transport.send = () => Promise.reject(new Error('refused'));
    await queue('jamais envoyé');
    let lastTry = h.clock.now();
    for (;;) {
      const row = await h.app.prisma.messageOutbox.findFirstOrThrow({ where: { sentAt: null } });
      if (row.attempts > 0 && row.nextAttemptAt.getTime() === lastTry.getTime()) break;
      lastTry = row.nextAttemptAt;
      h.clock.set(new Date(Math.max(h.clock.now().getTime(), lastTry.getTime())));
      await dispatchMessages(h.app);
    }
    h.app.transport.send = send;
    expect(await h.app.prisma.messageOutbox.findFirstOrThrow({ where: { sentAt: null } })).toMatchObject({
      attempts: 8,
      lastError: 'Error',
    });
    expect(await kept()).toBe(2);

    h.clock.set(new Date(addMonths(sentAt, 3).getTime() - 1000));
    expect((await purgeUsers(h.app)).MessageOutbox).toBe(0);
    h.clock.set(addMonths(sentAt, 3));
    expect((await purgeUsers(h.app)).MessageOutbox).toBe(1);
    expect(await h.app.prisma.messageOutbox.count({ where: { sentAt: { not: null } } })).toBe(0);

    // A message still being tried is kept, however old (here, one the dispatcher has not run for).
    await queue('en attente');
    h.clock.set(new Date(addMonths(lastTry, 3).getTime() - 1000));
    expect((await purgeUsers(h.app)).MessageOutbox).toBe(0);
    h.clock.set(addMonths(lastTry, 3));
    expect((await purgeUsers(h.app)).MessageOutbox).toBe(1);
    h.clock.set(addMonths(h.clock.now(), 12));
    expect((await purgeUsers(h.app)).MessageOutbox).toBe(0);
    expect(await h.app.prisma.messageOutbox.findMany({ select: { attempts: true, sentAt: true } })).toEqual([
      { attempts: 0, sentAt: null },
    ]);
  });
});
