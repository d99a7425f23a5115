// A closed-loop load generator: `concurrency` workers each send the next request as soon as the previous answer is
// in, for a fixed duration. node:http with keep-alive sockets, so the client itself costs as little CPU as it can.
import { type Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { DEMO } from '@abri/platform';

export interface LoadResult {
  requests: number;
  errors: number;
  /** Seconds measured. */
  seconds: number;
  latencies: number[];
  firstError?: string;
}

/** Sends one request; resolves to the status and body. */
export function post(
  agent: Agent,
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed as it was reused: the request never reached it, send it again.
      if (req.reusedSocket && error.code === 'ECONNRESET') post(agent, url, body, headers).then(resolve, reject);
      else reject(error);
    });
    req.end(body);
  });
}

/** Signs Camille in through the gateway at `url`; the authorization header her requests carry. */
export async function camilleAuth(agent: Agent, url: URL): Promise<Record<string, string>> {
  const login = await post(
    agent,
    url,
    JSON.stringify({
      query:
        'mutation($c: String!, $p: String!) { login(input: { contractNumber: $c, password: $p }) { ... on LoginSuccess { accessToken } } }',
      variables: { c: DEMO.camille.contractNumber, p: DEMO.customerPassword },
    }),
    {},
  );
  const token = (JSON.parse(login.body) as { data: { login: { accessToken: string } } }).data.login.accessToken;
  return { authorization: `Bearer ${token}` };
}

/**
 * Runs `once` from `concurrency` workers for `seconds` (after `warmupSeconds` not counted). `once` resolves to null
 * when the answer is right, or to a description of what was wrong.
 */
export async function closedLoop(
  once: () => Promise<string | null>,
  concurrency: number,
  seconds: number,
  warmupSeconds = 1,
): Promise<LoadResult> {
  const warmupEnd = performance.now() + warmupSeconds * 1000;
  const end = warmupEnd + seconds * 1000;
  const result: LoadResult = { requests: 0, errors: 0, seconds, latencies: [] };
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      let problem: string | null;
      try {
        problem = await once();
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      const finished = performance.now();
      if (started < warmupEnd || finished > end) continue;
      result.requests++;
      result.latencies.push(finished - started);
      if (problem) {
        result.errors++;
        result.firstError ??= problem.slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

/**
 * Starts `once` `rate` times a second for `seconds` (after `warmupSeconds` not counted), whatever the answers' pace:
 * an open loop, so latency is measured at a load the machine can carry rather than at its saturation. At most
 * `maxInFlight` calls at once; a start that would exceed it counts as an error.
 */
export async function openLoop(
  once: () => Promise<string | null>,
  rate: number,
  seconds: number,
  warmupSeconds = 1,
  maxInFlight = 500,
): Promise<LoadResult> {
  const begin = performance.now();
  const warmupEnd = begin + warmupSeconds * 1000;
  const end = warmupEnd + seconds * 1000;
  const result: LoadResult = { requests: 0, errors: 0, seconds, latencies: [] };
  const pending = new Set<Promise<void>>();
  const call = async (started: number) => {
    let problem: string | null;
    try {
      problem = await once();
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (started < warmupEnd || started >= end) return;
    result.requests++;
    result.latencies.push(performance.now() - started);
    if (problem) {
      result.errors++;
      result.firstError ??= problem.slice(0, 300);
    }
  };
  // Each start is due at begin + n / rate: a late timer starts what is due at once, so the rate holds on average.
  for (let n = 0; ; n++) {
    const due = begin + (n * 1000) / rate;
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (pending.size >= maxInFlight) {
      if (due >= warmupEnd) {
        result.errors++;
        result.firstError ??= `more than ${maxInFlight} calls in flight`;
      }
      continue;
    }
    const promise = call(due).finally(() => pending.delete(promise));
    pending.add(promise);
  }
  await Promise.all(pending);
  return result;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
