// An adjuster who keeps moving one claim round a cycle of statuses, whatever fails: when a move's answer is lost
// (gateway or subgraph down), it tries again on the next replica until the move is made or known to be made, so
// `done` is exactly the list of moves that happened, in order.

/** From each status of the cycle, the next move (REFUSED needs a note). */
export const NEXT: Record<string, string> = {
  EXPERT_ASSIGNED: 'DOCUMENTS_REQUESTED',
  DOCUMENTS_REQUESTED: 'ACKNOWLEDGED',
  ACKNOWLEDGED: 'REFUSED',
  REFUSED: 'REOPENED',
  REOPENED: 'ACKNOWLEDGED',
};

export interface ClaimMover {
  /** Makes `count` more moves, after the ones already asked for. */
  moves(count: number): Promise<void>;
  /** Resolves once `count` moves in all are made. */
  untilMoved(count: number): Promise<void>;
  /** The statuses moved to, in order. */
  done: string[];
}

export function moveClaim(options: {
  urls: string[];
  staffToken: string;
  claimId: string;
  /** @default the demo claim's status */
  from?: string;
}): ClaimMover {
  let status = options.from ?? 'EXPERT_ASSIGNED';
  const done: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let queue = Promise.resolve();
  let attempt = 0;

  const advance = async (to: string) => {
    const url = options.urls[attempt++ % options.urls.length]!;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.staffToken}` },
      body: JSON.stringify({
        query:
          'mutation($i: AdvanceClaimInput!) { advanceClaim(input: $i) { __typename ... on TransitionNotAllowed { reason } } }',
        variables: { i: { claimId: options.claimId, to, note: to === 'REFUSED' ? 'Exclusion du contrat.' : null } },
      }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json()) as { data?: { advanceClaim?: { __typename: string; reason?: string } } };
    return body.data?.advanceClaim ?? null;
  };

  const moveOnce = async () => {
    const to = NEXT[status];
    if (!to) throw new Error(`no move from ${status}`);
    for (let tries = 0; ; tries++) {
      const result = await advance(to).catch(() => null);
      if (result?.__typename === 'AdvanceClaimSuccess') break;
      // Refused after an attempt whose answer was lost: that attempt made the move.
      if (result?.__typename === 'TransitionNotAllowed' && tries > 0) break;
      if (result?.__typename === 'TransitionNotAllowed') throw new Error(`${status} → ${to} refused: ${result.reason}`);
      if (tries > 600) throw new Error(`could not move the claim to ${to}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    status = to;
    done.push(to);
    for (const w of waiters.filter((w) => done.length >= w.count)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };

  return {
    done,
    moves(count) {
      queue = queue.then(async () => {
        for (let i = 0; i < count; i++) await moveOnce();
      });
      return queue;
    },
    untilMoved(count) {
      if (done.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}
