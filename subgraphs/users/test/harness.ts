// The users subgraph's application services on an in-memory database, with a clock tests move and a mailbox they read.
import { memoryService } from '../../../prisma/memory.ts';
import { settle } from '../src/app/later.ts';
import { dispatchMessages } from '../src/messaging/dispatcher.ts';
import { createLocalMailbox } from '../src/messaging/transport.ts';
import { seedUsers } from '../src/seed.ts';
import { createUsersService, type UsersDeps } from '../src/server.ts';

/**
 * Where the harness clock starts: a fixed day, so tests read the same whatever the date; `ABRI_TEST_EPOCH` moves it
 * (the `calendar` test project runs these files years ahead of the real date, proving no test depends on it).
 */
export function testEpoch(): Date {
  return new Date(process.env.ABRI_TEST_EPOCH ?? '2026-11-26T09:00:00Z');
}

export async function usersHarness(options: { push?: UsersDeps['push'] } = {}) {
  const { pglite, secrets, clock, deps } = await memoryService('users', testEpoch());
  const mailbox = createLocalMailbox(null);
  const create = () =>
    createUsersService({
      ...deps,
      tokenKey: secrets.tokenKey,
      keyring: secrets.keyring,
      transport: mailbox,
      ...(options.push ? { push: options.push } : {}),
    });
  let service = create();
  await seedUsers(service.app);
  const app = service.app;
  /** Finishes background work and sends what was queued. */
  const deliver = async () => {
    await settle(app);
    await dispatchMessages(app);
  };
  return {
    app,
    clock,
    mailbox,
    deliver,
    /** Messages sent to `to` since the mailbox was last emptied. */
    messagesTo: (to: string) => mailbox.sent.filter((m) => m.to === to),
    /** The `jeton` of the last link sent to `to`. */
    lastToken(to: string): string {
      const text = mailbox.sent.filter((m) => m.to === to).at(-1)?.text ?? '';
      const token = /jeton=([\w-]+)/.exec(text)?.[1];
      if (!token) throw new Error(`no link sent to ${to}`);
      return token;
    },
    /** The service stopped and made again on the same database, as a restart would: what it kept is all it has. */
    async restart() {
      await service.stop();
      service = create();
      return service.app;
    },
    async close() {
      await service.stop();
      await pglite.close();
    },
  };
}
