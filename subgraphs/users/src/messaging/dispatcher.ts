// Messages: queued inside the caller's transaction, then sent by a loop with retries and back-off. Contents never
// reach the logs.
import { blindIndexes, decryptField, encryptField, every, type Stop } from '@abri/platform';
import type { Prisma } from '../../../../prisma/users/generated/prisma/client.ts';
import { hasConsent } from '../app/consents.ts';
import type { UsersApp } from '../app/index.ts';
import type { RenderedMessage } from './templates.ts';

/** @default 8 attempts, spaced 30 s × 2^n */
/** Tries of a message before the dispatcher gives up on it (the last about an hour after the first). */
export const MAX_ATTEMPTS = 8;

export const messageContext = (id: string) => `message:${id}`;

/**
 * Keyed index of a message's recipient (see `blindIndexes`): the outbox keeps no customer id and no clear address,
 * yet an erasure finds every message queued or kept for the person's addresses. `current` is written; `all` (one per
 * key of the ring) finds rows written before a rotation.
 */
export const recipientIndexes = (app: Pick<UsersApp, 'keyring'>, to: string) =>
  blindIndexes(app.keyring, to.trim().toLowerCase(), 'message-recipient');

/**
 * Queues `message` for `to` inside the caller's transaction; returns false, queuing nothing, when the message needs a
 * consent (`message.consent`) that `customerId` has not given. Every sender goes through here, so none can forget.
 */
export async function queueMessage(
  app: UsersApp,
  tx: Prisma.TransactionClient,
  to: string,
  message: RenderedMessage,
  customerId?: string,
): Promise<boolean> {
  if (message.consent) {
    if (!customerId) throw new Error(`message ${message.template} needs a consent: say whose it is`);
    if (!(await hasConsent(tx, customerId, message.consent))) {
      app.log.info('message not queued: no consent', { template: message.template, consent: message.consent });
      return false;
    }
  }
  const id = crypto.randomUUID();
  await tx.messageOutbox.create({
    data: {
      id,
      channel: message.channel,
      template: message.template,
      recipientEncrypted: encryptField(app.keyring, to, `${messageContext(id)}:to`),
      recipientIndex: recipientIndexes(app, to).current,
      subject: message.subject,
      bodyEncrypted: encryptField(app.keyring, message.text, `${messageContext(id)}:body`),
      createdAt: app.clock.now(),
      nextAttemptAt: app.clock.now(),
    },
  });
  return true;
}

/** Sends what is due; returns how many were sent. */
export async function dispatchMessages(app: UsersApp): Promise<number> {
  const now = app.clock.now();
  const due = await app.prisma.messageOutbox.findMany({
    where: { sentAt: null, nextAttemptAt: { lte: now }, attempts: { lt: MAX_ATTEMPTS } },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  let sent = 0;
  for (const row of due) {
    // Claim the row first so two instances never send the same message.
    const claimed = await app.prisma.messageOutbox.updateMany({
      where: { id: row.id, attempts: row.attempts, sentAt: null },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + 30_000 * 2 ** row.attempts) },
    });
    if (!claimed.count) continue;
    try {
      await app.transport.send({
        channel: row.channel,
        to: decryptField(app.keyring, row.recipientEncrypted, `${messageContext(row.id)}:to`),
        subject: row.subject,
        text: decryptField(app.keyring, row.bodyEncrypted, `${messageContext(row.id)}:body`),
      });
      await app.prisma.messageOutbox.update({
        where: { id: row.id },
        data: { sentAt: app.clock.now(), lastError: null },
      });
      sent++;
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'error';
      await app.prisma.messageOutbox.update({ where: { id: row.id }, data: { lastError: reason } });
      app.log.warn('message not sent; will retry', {
        id: row.id,
        template: row.template,
        attempt: row.attempts + 1,
        reason,
      });
    }
  }
  return sent;
}

/** Starts the dispatch loop; returns what stops it. `kick()` on the app sends without waiting for the next tick. */
export function startDispatcher(app: UsersApp, intervalMs = 1000): Stop {
  const dispatch = every(app, 'message dispatch', intervalMs, () => dispatchMessages(app), { atStart: false });
  app.kickMessages = dispatch.kick;
  return dispatch;
}
