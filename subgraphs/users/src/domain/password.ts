// Password hashing with argon2id: 64 MiB, 2 passes, 1 lane (RFC 9106's memory-hard profile, one lane so a sign-in
// holds one core). About 28 ms a hash here; bench/signin.ts measures what a sign-in costs per core.
import { timeArgon2 } from '@abri/platform';
import { hash, verify } from '@node-rs/argon2';

export const ARGON2_PARAMS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 65_536,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> =>
  timeArgon2('hash', () => hash(password, ARGON2_PARAMS));

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await timeArgon2('verify', () => verify(passwordHash, password));
  } catch {
    return false;
  }
}

/**
 * A real hash of an unguessable password, verified against when the account does not exist so that an unknown
 * contract number costs the same time as a known one.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`));
