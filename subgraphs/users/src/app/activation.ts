// Creating one's access: the insurer knows the customer (contract number and e-mail on file); the customer chooses a
// password, then follows the e-mailed link (72 h, single use) to activate. Until then sign-in answers
// AccountNotActivated. Requests answer the same whether or not the contract or e-mail match.
import { isContractNumber } from '../domain/contract-number.ts';
import { hashPassword } from '../domain/password.ts';
import { checkPasswordPolicy, type PasswordRule } from '../domain/password-policy.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { later } from './later.ts';
import { findLinkToken, issueLinkToken, useToken } from './one-time-tokens.ts';

const customerOf = async (app: UsersApp, contractNumber: string) =>
  isContractNumber(contractNumber)
    ? ((
        await app.prisma.contractLogin.findUnique({
          where: { contractNumber },
          include: { customer: true },
        })
      )?.customer ?? null)
    : null;

async function sendActivation(app: UsersApp, customerId: string, email: string, firstName: string) {
  await app.prisma.$transaction(async (tx) => {
    const token = await issueLinkToken(app, tx, 'ACTIVATION', customerId);
    await queueMessage(
      app,
      tx,
      email,
      templates.activation(firstName, `${app.config.publicUrl}/activation?jeton=${token}`),
    );
  });
  app.kickMessages();
}

export type RegisterOutcome = { kind: 'received' } | { kind: 'rejected'; failures: PasswordRule[] };

/** The password is checked at once (its rules are public); everything about the account happens afterwards. */
export function registerAccount(
  app: UsersApp,
  input: { contractNumber: string; email: string; password: string },
): RegisterOutcome {
  const policy = checkPasswordPolicy(input.password, {
    email: input.email,
    contractNumber: input.contractNumber,
  });
  if (!policy.ok) return { kind: 'rejected', failures: policy.failures };
  later(app, 'registration', async () => {
    const customer = await customerOf(app, input.contractNumber);
    if (!customer || customer.email.toLowerCase() !== input.email.trim().toLowerCase()) return;
    if (customer.status === 'ACTIVE') {
      await app.prisma.$transaction((tx) =>
        queueMessage(app, tx, customer.email, templates.alreadyActive(customer.firstName)),
      );
      app.kickMessages();
      return;
    }
    if (customer.status !== 'PENDING_ACTIVATION') return;
    const personal = checkPasswordPolicy(input.password, {
      ...customer,
      contractNumber: input.contractNumber,
    });
    if (!personal.ok) return;
    // The first password chosen stays: a later registration (perhaps someone else's) only re-sends the link to the
    // e-mail on file, never replaces the password the activation will confirm.
    if (!(await app.prisma.credential.count({ where: { customerId: customer.id } }))) {
      await app.prisma.credential.create({
        data: {
          customerId: customer.id,
          passwordHash: await hashPassword(input.password),
          strength: personal.strength,
          createdAt: app.clock.now(),
        },
      });
    }
    await sendActivation(app, customer.id, customer.email, customer.firstName);
  });
  return { kind: 'received' };
}

/** A new link, for a pending account that has chosen its password; earlier links die. */
export function requestActivationLink(app: UsersApp, contractNumber: string): void {
  later(app, 'activation link request', async () => {
    const customer = await customerOf(app, contractNumber);
    if (customer?.status !== 'PENDING_ACTIVATION') return;
    if (
      !(await app.prisma.credential.count({
        where: { customerId: customer.id },
      }))
    )
      return;
    await sendActivation(app, customer.id, customer.email, customer.firstName);
  });
}

export async function activateAccount(
  app: UsersApp,
  token: string,
): Promise<{ kind: 'activated'; customerId: string } | { kind: 'invalidToken' }> {
  const row = await findLinkToken(app, 'ACTIVATION', token);
  if (!row) return { kind: 'invalidToken' };
  const now = app.clock.now();
  const activated = await app.prisma.$transaction(async (tx) => {
    if (!(await useToken(app, tx, row.id))) return false;
    await tx.customer.update({
      where: { id: row.customerId },
      data: { status: 'ACTIVE', emailVerifiedAt: now },
    });
    return true;
  });
  return activated ? { kind: 'activated', customerId: row.customerId } : { kind: 'invalidToken' };
}
