// TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with an injected time and single use per time step.
import { createGuardrails, generate, verify } from 'otplib';

// 80-bit secrets (16 base32 characters) are what most authenticator apps were enrolled with; new secrets are 160-bit.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const PERIOD = 30;

export const totpStep = (at: Date): number => Math.floor(at.getTime() / 1000 / PERIOD);

export const totpCode = (secret: string, at: Date): Promise<string> =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000), guardrails });

/**
 * The time step a code matches (current step or the one before, for clock drift), or null. Codes at or before
 * `lastUsedStep` are refused: a code is accepted once.
 */
export async function checkTotp(
  secret: string,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  // A last used step ahead of `at` (clock skew between instances) refuses every code; otplib would throw instead.
  if (lastUsedStep !== null && lastUsedStep >= totpStep(at)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: [PERIOD, 0],
    guardrails,
    ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}

/** What a TOTP secret's ciphertext is bound to (encryptField context): one place, or secrets stop decrypting. */
export const totpContext = (kind: 'customer' | 'staff', id: string) => `${kind}:${id}:totp`;
