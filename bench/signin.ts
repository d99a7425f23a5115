// Sign-ins per second per core with Abri's argon2id parameters.
//   npx tsx bench/signin.ts [seconds=5]
// Measures (1) argon2id verifications alone, one at a time (one core), (2) complete sign-ins through the users
// application services (password check, lockout bookkeeping, session, tokens, sign-in record) on the embedded
// database, one at a time, and (3) the same with as many in flight as there are cores.
import { availableParallelism } from 'node:os';
import { DEMO } from '@abri/platform';
import { login } from '../subgraphs/users/src/app/auth.ts';
import { ARGON2_PARAMS, hashPassword, verifyPassword } from '../subgraphs/users/src/domain/password.ts';
import { usersHarness } from '../subgraphs/users/test/harness.ts';

const seconds = Number(process.argv[2] ?? 5);
const cores = availableParallelism();

async function rate(label: string, inFlight: number, once: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await once(); // warm-up
  let done = 0;
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      await once();
      latencies.push(performance.now() - t);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const perSecond = done / ((performance.now() - started) / 1000);
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.floor(q * (latencies.length - 1))]!.toFixed(1);
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(1).padStart(7)}/s   p50 ${p(0.5)} ms   p99 ${p(0.99)} ms`);
  return perSecond;
}

console.log(
  `argon2id: ${ARGON2_PARAMS.memoryCost} KiB, ${ARGON2_PARAMS.timeCost} passes, ${ARGON2_PARAMS.parallelism} lane · ${cores} cores · ${seconds} s each\n`,
);
const hash = await hashPassword(DEMO.customerPassword);
const verifies = await rate('argon2id verify, 1 at a time (1 core)', 1, () =>
  verifyPassword(hash, DEMO.customerPassword),
);

const h = await usersHarness();
const client = {
  ip: '81.2.69.142',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
};
const signIn = () => login(h.app, DEMO.camille.contractNumber, DEMO.customerPassword, client);
const sequential = await rate('complete sign-in, 1 at a time', 1, signIn);
const parallel = await rate(`complete sign-in, ${cores} in flight`, cores, signIn);
await h.close();

console.log(
  `\nper core: ${verifies.toFixed(1)} argon2id verifications/s; ${sequential.toFixed(1)} complete sign-ins/s one at a time; ${(parallel / cores).toFixed(1)} sign-ins/s per core with all ${cores} busy`,
);
