// `admin create-staff`: a staff account with its role, a password (typed by the operator, or generated and shown
// once) and a TOTP secret shown once as an otpauth URI and a terminal QR code to scan with an authenticator app.
import { randomBytes } from 'node:crypto';
import qrcode from 'qrcode';
import { createStaffMember, type StaffRole } from '../../subgraphs/users/src/app/enrolment.ts';
import { checkPasswordPolicy } from '../../subgraphs/users/src/domain/password-policy.ts';
import type { AdminApps } from './apps.ts';

export const STAFF_ROLES: readonly StaffRole[] = ['AGENT', 'ADJUSTER', 'ADMIN'];

export type NewStaffOutcome =
  | { kind: 'created'; staffId: string; password?: string; totpSecret: string; otpauthUri: string; qr: string }
  | { kind: 'exists' }
  | { kind: 'weakPassword'; failures: string[] };

/** A generated password: 24 characters from 18 random bytes, shown once. */
const generatedPassword = () => `Ab1-${randomBytes(18).toString('base64url')}`;

export async function newStaffMember(
  apps: AdminApps,
  input: { email: string; displayName: string; role: StaffRole; password?: string },
): Promise<NewStaffOutcome> {
  const password = input.password ?? generatedPassword();
  const policy = checkPasswordPolicy(password, { email: input.email });
  if (!policy.ok) return { kind: 'weakPassword', failures: policy.failures };
  const created = await createStaffMember(apps.users, { ...input, password });
  if (created.kind === 'exists') return { kind: 'exists' };
  return {
    ...created,
    ...(input.password ? {} : { password }),
    qr: await qrcode.toString(created.otpauthUri, { type: 'terminal', small: true }),
  };
}
