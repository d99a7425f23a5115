// The record of every sign-in attempt, and the "was this you?" alert for a new device or an unusual country.
import { decryptField } from '@abri/platform';
import type { SignInOutcome } from '../../../../prisma/users/generated/prisma/client.ts';
import { queueMessage } from '../messaging/dispatcher.ts';
import { templates } from '../messaging/templates.ts';
import type { UsersApp } from './index.ts';
import { issueLinkToken } from './one-time-tokens.ts';
import type { SignInOrigin } from './places.ts';
import { phoneContext } from './profile.ts';

export async function recordSignIn(
  app: UsersApp,
  event: {
    customerId?: string | null;
    staffMemberId?: string | null;
    outcome: SignInOutcome;
    origin: SignInOrigin;
    sessionId?: string;
    unrecognised?: boolean;
  },
): Promise<void> {
  const { origin } = event;
  await app.prisma.signInEvent.create({
    data: {
      customerId: event.customerId ?? null,
      staffMemberId: event.staffMemberId ?? null,
      at: app.clock.now(),
      outcome: event.outcome,
      ip: origin.ip,
      country: origin.country,
      city: origin.city,
      device: origin.device,
      deviceKey: origin.deviceKey,
      sessionId: event.sessionId ?? null,
      unrecognised: event.unrecognised ?? false,
    },
  });
}

/**
 * A successful sign-in is unrecognised when the customer has signed in before, but never from this device, or never
 * from this country. The very first sign-in sets the baseline.
 */
export async function isUnrecognised(app: UsersApp, customerId: string, origin: SignInOrigin): Promise<boolean> {
  const previous = await app.prisma.signInEvent.findMany({
    where: { customerId, outcome: 'SUCCESS' },
    select: { deviceKey: true, country: true },
    orderBy: { at: 'desc' },
    take: 200,
  });
  if (!previous.length) return false;
  const knownDevice = previous.some((p) => p.deviceKey === origin.deviceKey);
  const knownCountry = !origin.country || previous.some((p) => p.country === origin.country);
  return !knownDevice || !knownCountry;
}

/**
 * E-mails the customer about an unrecognised sign-in, with a link that ends that session; also by SMS to their mobile
 * when they asked for it (the queue checks the consent).
 */
export async function alertUnrecognisedSignIn(
  app: UsersApp,
  customerId: string,
  sessionId: string,
  origin: SignInOrigin,
): Promise<void> {
  const customer = await app.prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
  });
  await app.prisma.$transaction(async (tx) => {
    const token = await issueLinkToken(app, tx, 'SIGN_IN_ALERT', customerId, sessionId);
    const link = `${app.config.publicUrl}/securite/ce-n-etait-pas-moi?jeton=${token}`;
    await queueMessage(
      app,
      tx,
      customer.email,
      templates.unrecognisedSignIn(customer.firstName, app.clock.now(), origin, link),
    );
    // The confirmed number only: a number just set on the profile (perhaps by whoever holds the session) waits.
    if (customer.recoveryPhoneEncrypted)
      await queueMessage(
        app,
        tx,
        decryptField(app.keyring, customer.recoveryPhoneEncrypted, phoneContext(customerId)),
        templates.signInAlertSms(app.clock.now(), origin.device),
        customerId,
      );
  });
  app.kickMessages();
}
