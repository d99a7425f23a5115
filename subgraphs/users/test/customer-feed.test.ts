// The customer feed copy and the claim news consume by batches: a batch adds each new event's copy once, in order,
// a redelivered batch (at-least-once bus) adds nothing, and each claim move told by an e-mail sends one.
import { type BusEvent, DEMO, Events } from '@abri/platform';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyAllToFeed } from '../src/app/customer-feed.ts';
import { followClaimNews } from '../src/messaging/claim-news.ts';
import { usersHarness } from './harness.ts';

let h: Awaited<ReturnType<typeof usersHarness>> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const claimMove = (id: number, customerId: string, status: string): BusEvent => ({
  id: String(id),
  source: 'claims',
  topic: Events.claimStatusChanged.topic,
  customerId,
  payload: { claimId: DEMO.camilleClaimId, reference: 'SIN-2026-000123', from: 'DECLARED', status },
  at: new Date('2026-11-26T09:00:00Z').toISOString(),
});

describe('customer feed by batches', () => {
  it('copies each new event once, in order, and a redelivered batch adds nothing', async () => {
    h = await usersHarness();
    const camille = DEMO.camille.customerId;
    const other = '5f1c3a9e-2b7d-4c1e-9a41-000000000002';
    const batch = [
      claimMove(901, camille, 'ACKNOWLEDGED'),
      claimMove(902, other, 'ACKNOWLEDGED'),
      claimMove(903, camille, 'DOCUMENTS_REQUESTED'),
      claimMove(901, camille, 'ACKNOWLEDGED'), // read twice in one batch
    ];
    await copyAllToFeed(h.app, batch);
    await copyAllToFeed(h.app, batch);
    await copyAllToFeed(h.app, [claimMove(903, camille, 'DOCUMENTS_REQUESTED'), claimMove(904, camille, 'ASSESSED')]);
    const feed = await h.app.outbox.since(Events.customerEvent, camille, 0n);
    expect(feed.map((e) => e.payload.origin.split('.').at(-1))).toEqual(['901', '903', '904']);
    expect((await h.app.outbox.since(Events.customerEvent, other, 0n)).length).toBe(1);
  });

  it('sends one claim e-mail per move that has one, through the bus, once even when the batch comes again', async () => {
    h = await usersHarness();
    const camille = DEMO.camille.customerId;
    const stop = await followClaimNews(h.app);
    const moves = [claimMove(911, camille, 'DOCUMENTS_REQUESTED'), claimMove(912, camille, 'ACKNOWLEDGED')];
    await h.app.bus.publishAll('claims', moves);
    await h.app.bus.publishAll('claims', moves);
    await vi.waitFor(async () => {
      await h!.deliver();
      expect(h!.messagesTo('camille.martin@abri.example').length).toBeGreaterThan(0);
    });
    await h.deliver();
    const sent = h.messagesTo('camille.martin@abri.example');
    expect(sent.map((m) => m.subject)).toEqual([expect.stringContaining('SIN-2026-000123')]);
    await stop();
  });
});
