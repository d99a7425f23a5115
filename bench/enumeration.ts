// Answer times of requestPasswordReset and requestSmsCode for known and unknown contract numbers, interleaved,
// through the gateway on the embedded system: an attacker timing the answers must learn nothing.
//   npx tsx bench/enumeration.ts [requests per kind=200]
// Prints the median and p90 per kind and the difference of the medians (the promise: within a few milliseconds,
// noise of the machine included; the answer itself is decided before any lookup, see recovery.test.ts).
import { DEMO } from '@abri/platform';
import { startTestSystem } from '@abri/testkit';

const perKind = Number(process.argv[2] ?? 200);
const system = await startTestSystem();
const url = system.gateway.url;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)]!;

for (const mutation of ['requestPasswordReset', 'requestSmsCode'] as const) {
  const timings: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
  for (let i = 0; i < 2 * perKind; i++) {
    const which = i % 2 === 0 ? 'known' : 'unknown';
    const contract = which === 'known' ? DEMO.louis.contractNumber : `HAB9${String(100_000 + i)}`;
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($c: String!) { ${mutation}(contractNumber: $c) }`,
        variables: { c: contract },
      }),
    });
    await res.text();
    timings[which].push(performance.now() - started);
    // Let the work done after the answer finish, as an attacker pacing requests would.
    await new Promise((r) => setTimeout(r, 80));
  }
  const row = (which: 'known' | 'unknown') =>
    `${which.padEnd(8)} median ${quantile(timings[which], 0.5).toFixed(2)} ms  p90 ${quantile(timings[which], 0.9).toFixed(2)} ms`;
  console.log(`${mutation}\n  ${row('known')}\n  ${row('unknown')}`);
  console.log(
    `  difference of medians: ${Math.abs(quantile(timings.known, 0.5) - quantile(timings.unknown, 0.5)).toFixed(2)} ms`,
  );
}
await system.stop();
