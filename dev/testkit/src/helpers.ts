// Shared test helpers: signing in as the demo customers and staff, moving a claim, reading subscription events.

import { STAFF_SESSION_DOCUMENTS } from '@abri/gateway/staff-session';
import { DEMO } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import type { Client } from 'graphql-ws';
import { totpCode } from '../../../subgraphs/users/src/domain/totp.ts';

export { FREE_PORTS } from '@abri/platform';

export async function customer(url: string, who: 'camille' | 'louis'): Promise<AbriClient> {
  const client = new AbriClient(url);
  const result = await client.login(DEMO[who].contractNumber, DEMO.customerPassword);
  if (result?.__typename !== 'LoginSuccess') throw new Error(`demo sign-in failed: ${result?.__typename}`);
  return client;
}

/** The demo adjuster, signed in with password and TOTP. */
export const adjuster = (url: string, now = new Date()) => staffMember(url, 'adjuster', now);

/** A demo staff member (the adjuster, or the support agent), signed in with password and TOTP. */
export async function staffMember(url: string, who: 'adjuster' | 'agent', now = new Date()): Promise<AbriClient> {
  const client = new AbriClient(url);
  const first = await client.request<{ staffLogin: { __typename: string; challengeToken?: string } }>(
    // GraphiQL's own sign-in texts: trusted documents, so this works where the gateway enforces them.
    STAFF_SESSION_DOCUMENTS.staffLogin,
    { i: { email: DEMO[who].email, password: DEMO.staffPassword } },
  );
  const challengeToken = first.data?.staffLogin.challengeToken;
  if (!challengeToken) throw new Error(`staff sign-in failed: ${JSON.stringify(first)}`);
  const second = await client.request<{ verifyTwoFactor: { __typename: string; accessToken?: string } }>(
    STAFF_SESSION_DOCUMENTS.verifyTwoFactor,
    { i: { challengeToken, code: await totpCode(DEMO[who].totpSecret, now) } },
  );
  client.accessToken = second.data?.verifyTwoFactor.accessToken ?? null;
  if (!client.accessToken) throw new Error(`second factor failed: ${JSON.stringify(second)}`);
  return client;
}

export async function advance(
  staff: AbriClient,
  claimId: string,
  to: string,
  note?: string,
  extra: Record<string, unknown> = {},
) {
  const { data, errors } = await staff.request<{ advanceClaim: { __typename: string } }>(
    'mutation($i: AdvanceClaimInput!) { advanceClaim(input: $i) { __typename ... on TransitionNotAllowed { reason } } }',
    { i: { claimId, to, note, ...extra } },
  );
  if (data?.advanceClaim.__typename !== 'AdvanceClaimSuccess')
    throw new Error(`advanceClaim failed: ${JSON.stringify({ data, errors })}`);
}

/** A subscription whose events are collected as they arrive; `next(n)` waits for n more. */
export function collect<T = Record<string, unknown>>(
  socket: Client,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const received: { data?: T; errors?: unknown[] }[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  let failure: unknown;
  const iterator = socket.iterate<T>({ query, variables });
  const done = (async () => {
    try {
      for await (const event of iterator) {
        received.push(event as { data?: T; errors?: unknown[] });
        for (const w of waiters.splice(0)) w();
      }
    } catch (error) {
      failure = error;
    } finally {
      ended = true;
      for (const w of waiters.splice(0)) w();
    }
  })();
  return {
    received,
    get ended() {
      return ended;
    },
    get failure() {
      return failure;
    },
    /** Resolves once `count` events have arrived in all (rejects after `ms`: long, for a loaded machine). */
    async until(count: number, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (ended)
          throw new Error(`subscription ended after ${received.length} events: ${JSON.stringify(failure ?? received)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out with ${received.length} of ${count} events`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    async stop() {
      await iterator.return?.(undefined);
      await done;
    },
  };
}

export const CLAIM_EVENTS = `subscription($after: String) {
  claimStatusChanged(after: $after) { cursor status claim { id reference policy { number } } }
}`;
