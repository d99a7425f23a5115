// CPU time of processes on this machine, read from /proc (Linux), to count what each process spent per request.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ, 100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of `pid` so far; 0 when the process is gone. */
export function cpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // The command name may hold spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** CPU milliseconds of each of a group of processes (0 for one that is gone). */
export const groupCpu = (pids: readonly number[]) => pids.map(cpuMs);

/** What a group spent between two readings, counting only processes alive at both. */
export const spentMs = (before: readonly number[], after: readonly number[]) =>
  before.reduce((sum, b, i) => (b > 0 && after[i]! > 0 ? sum + after[i]! - b : sum), 0);

/** CPU milliseconds the machine has been busy, every core and process (/proc/stat: all but idle and iowait). */
export function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return ((user! + nice! + system! + irq! + softirq! + steal!) * 1000) / TICKS_PER_SECOND;
}

/** The pids of this machine's processes whose command name is `name` (/proc/<pid>/comm). */
export const processesNamed = (name: string) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
