// Demo accounts of CONTRACT.md. Runs only on an empty users schema.
import { DEMO, encryptField } from '@abri/platform';
import { createStaffMember } from './app/enrolment.ts';
import type { UsersApp } from './app/index.ts';
import { phoneContext } from './app/profile.ts';
import { hashPassword } from './domain/password.ts';
import { passwordStrength } from './domain/password-policy.ts';

export const usersIsEmpty = async (app: UsersApp) =>
  (await app.prisma.customer.count()) + (await app.prisma.staffMember.count()) === 0;

export async function seedUsers(app: UsersApp): Promise<void> {
  const customerHash = await hashPassword(DEMO.customerPassword);
  const people = [
    {
      ...DEMO.camille,
      firstName: 'Camille',
      lastName: 'Martin',
      email: 'camille.martin@abri.example',
      phone: '+33612345678',
    },
    {
      ...DEMO.louis,
      firstName: 'Louis',
      lastName: 'Bernard',
      email: 'louis.bernard@abri.example',
      phone: '+33698765432',
    },
  ];
  for (const p of people) {
    await app.prisma.customer.create({
      data: {
        id: p.customerId,
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        phoneEncrypted: encryptField(app.keyring, p.phone, phoneContext(p.customerId)),
        recoveryPhoneEncrypted: encryptField(app.keyring, p.phone, phoneContext(p.customerId)),
        status: 'ACTIVE',
        emailVerifiedAt: new Date('2024-01-15T10:00:00Z'),
        phoneVerifiedAt: p.firstName === 'Camille' ? new Date('2024-01-15T10:05:00Z') : null,
        logins: { create: { contractNumber: p.contractNumber } },
        credentials: {
          create: {
            passwordHash: customerHash,
            strength: passwordStrength(DEMO.customerPassword),
            createdAt: new Date('2025-09-01T08:00:00Z'),
          },
        },
      },
    });
  }
  const { staffId, email, totpSecret } = DEMO.adjuster;
  await createStaffMember(app, {
    staffId,
    email,
    totpSecret,
    displayName: 'Claire Dubois (gestionnaire sinistres)',
    role: 'ADJUSTER',
    password: DEMO.staffPassword,
  });
  await createStaffMember(app, {
    ...DEMO.agent,
    displayName: 'Hugo Lefèvre (service client)',
    role: 'AGENT',
    password: DEMO.staffPassword,
  });
}
