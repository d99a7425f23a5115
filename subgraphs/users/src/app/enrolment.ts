// Accounts the insurer opens: customers from the contract register (pending until they choose a password and
// follow the activation link) and staff members (password and TOTP from the start). The administration CLI and the
// demo seed call these; each call is idempotent, so an import can run again after a partial failure.
import { encryptField } from '@abri/platform';
import { generateSecret, generateURI } from 'otplib';
import { isContractNumber } from '../domain/contract-number.ts';
import { hashPassword } from '../domain/password.ts';
import { totpContext } from '../domain/totp.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { phoneContext } from './profile.ts';

export interface CustomerRecord {
  contractNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  /** E.164, e.g. +33612345678. */
  phone?: string;
}

export type EnrolCustomerOutcome =
  | { kind: 'created'; customerId: string }
  /** A customer with this e-mail was known: the contract number was added to their logins. */
  | { kind: 'contractAdded'; customerId: string }
  | { kind: 'unchanged'; customerId: string }
  | { kind: 'contractHeldByAnother' }
  | { kind: 'invalidContractNumber' };

export async function enrolCustomer(app: UsersApp, record: CustomerRecord): Promise<EnrolCustomerOutcome> {
  if (!isContractNumber(record.contractNumber)) return { kind: 'invalidContractNumber' };
  const email = record.email.trim().toLowerCase();
  return app.prisma.$transaction(async (tx) => {
    const login = await tx.contractLogin.findUnique({
      where: { contractNumber: record.contractNumber },
      include: { customer: true },
    });
    if (login) {
      return login.customer.email.toLowerCase() === email
        ? { kind: 'unchanged' as const, customerId: login.customerId }
        : { kind: 'contractHeldByAnother' as const };
    }
    const known = await tx.customer.findUnique({ where: { email } });
    if (known) {
      await tx.contractLogin.create({ data: { contractNumber: record.contractNumber, customerId: known.id } });
      return { kind: 'contractAdded' as const, customerId: known.id };
    }
    const customerId = crypto.randomUUID();
    await tx.customer.create({
      data: {
        id: customerId,
        firstName: record.firstName,
        lastName: record.lastName,
        email,
        // The number on the insurer's contract file is trusted for recovery as it is.
        ...(record.phone
          ? {
              phoneEncrypted: encryptField(app.keyring, record.phone, phoneContext(customerId)),
              recoveryPhoneEncrypted: encryptField(app.keyring, record.phone, phoneContext(customerId)),
            }
          : {}),
        status: 'PENDING_ACTIVATION',
        logins: { create: { contractNumber: record.contractNumber } },
      },
    });
    return { kind: 'created' as const, customerId };
  });
}

/**
 * Queues the invitation to create one's access for every customer still pending with no password chosen (or only
 * those holding `contractNumbers`); the running users service sends them. Returns how many were queued.
 */
export async function inviteCustomers(app: UsersApp, contractNumbers?: string[]): Promise<number> {
  const pending = await app.prisma.customer.findMany({
    where: {
      status: 'PENDING_ACTIVATION',
      credentials: { none: {} },
      ...(contractNumbers ? { logins: { some: { contractNumber: { in: contractNumbers } } } } : {}),
    },
    include: { logins: { orderBy: { contractNumber: 'asc' } } },
    orderBy: { createdAt: 'asc' },
  });
  for (const customer of pending) {
    await app.prisma.$transaction((tx) =>
      queueMessage(
        app,
        tx,
        customer.email,
        templates.invitation(customer.firstName, customer.logins[0]?.contractNumber ?? '', app.config.publicUrl),
      ),
    );
  }
  if (pending.length) app.kickMessages();
  return pending.length;
}

export type StaffRole = 'AGENT' | 'ADJUSTER' | 'ADMIN';

export type CreateStaffOutcome =
  | { kind: 'created'; staffId: string; totpSecret: string; otpauthUri: string }
  | { kind: 'exists'; staffId: string };

/** A staff member with a password and a TOTP secret to enrol in an authenticator app (staff always use one). */
export async function createStaffMember(
  app: UsersApp,
  input: {
    email: string;
    displayName: string;
    role: StaffRole;
    password: string;
    staffId?: string;
    totpSecret?: string;
  },
): Promise<CreateStaffOutcome> {
  const email = input.email.trim().toLowerCase();
  const known = await app.prisma.staffMember.findUnique({ where: { email } });
  if (known) return { kind: 'exists', staffId: known.id };
  const staffId = input.staffId ?? crypto.randomUUID();
  const totpSecret = input.totpSecret ?? generateSecret({ length: 20 });
  await app.prisma.staffMember.create({
    data: {
      id: staffId,
      email,
      displayName: input.displayName,
      role: input.role,
      totpSecretEncrypted: encryptField(app.keyring, totpSecret, totpContext('staff', staffId)),
      credentials: { create: { passwordHash: await hashPassword(input.password) } },
    },
  });
  const otpauthUri = generateURI({ issuer: 'Abri', label: email, secret: totpSecret });
  return { kind: 'created', staffId, totpSecret, otpauthUri };
}
