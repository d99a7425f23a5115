// Two-factor recovery codes: ten at enrolment, shown once, stored hashed, each usable once.
import { randomBytes } from 'node:crypto';
import { sha256 } from '@abri/platform';
import type { Prisma } from '../../../../prisma/users/generated/prisma/client.ts';
import type { UsersApp } from './index.ts';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read aloud and typed without doubt
export const RECOVERY_CODES = 10;

const normalise = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** `abcde-fghij`: 10 characters from a 31-letter alphabet, about 50 bits. */
export function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, customerId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { customerId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({
      customerId,
      codeHash: sha256(`${customerId}:${normalise(code)}`),
    })),
  });
  return codes;
}

/** Uses a recovery code up; false when it is unknown or already used. */
export async function useRecoveryCode(app: UsersApp, customerId: string, code: string): Promise<boolean> {
  if (code.length > 40) return false;
  const used = await app.prisma.recoveryCode.updateMany({
    where: {
      customerId,
      codeHash: sha256(`${customerId}:${normalise(code)}`),
      usedAt: null,
    },
    data: { usedAt: app.clock.now() },
  });
  return used.count === 1;
}
