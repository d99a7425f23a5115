// Devices registered for push notifications: one registration per browser subscription or device token, held by the
// session that registered it (a device that changes hands, signed out then signed in by someone else, moves with
// the new session, so it never gets the previous customer's news). Addresses are encrypted at rest.
import { randomUUID } from 'node:crypto';
import { decryptField, encryptField, sha256 } from '@abri/platform';
import { checkPushDevice, deviceAddress, type PushDeviceRequest } from '../domain/push-device.ts';
import type { PushAddress } from '../push/providers.ts';
import type { UsersApp } from './index.ts';

export const secretContext = (deviceId: string) => `push-device:${deviceId}`;

/**
 * Devices a customer keeps registered: far more than one person's phones, tablets and browsers. Past it, registering
 * one lets the least recently registered go (browsers left behind), so a new device always works and one account
 * cannot make each of its events cost thousands of pushes.
 */
export const MAX_DEVICES_PER_CUSTOMER = 20;

export type RegisterOutcome =
  | { kind: 'registered'; deviceId: string }
  | { kind: 'invalid'; field: string; message: string }
  | { kind: 'unavailable' };

export async function registerPushDevice(
  app: UsersApp,
  who: { sub: string; sid: string },
  input: Parameters<typeof checkPushDevice>[0],
): Promise<RegisterOutcome> {
  const checked = checkPushDevice(input, { allowHttp: app.push.allowHttpEndpoints });
  if (checked.kind === 'invalid') return checked;
  if (!app.push.providers[checked.device.channel]) return { kind: 'unavailable' };
  const endpointHash = sha256(deviceAddress(checked.device));
  const device = await app.prisma.$transaction(async (tx) => {
    // One registration of a customer at a time: two at once would each count the other's device out of the cap.
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `users:push-devices:${who.sub}`);
    const known = await tx.pushDevice.findUnique({ where: { endpointHash }, select: { id: true } });
    const id = known?.id ?? randomUUID();
    const secret = encryptField(app.keyring, JSON.stringify(checked.device), secretContext(id));
    const beyond = await tx.pushDevice.findMany({
      where: { customerId: who.sub, id: { not: id } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: MAX_DEVICES_PER_CUSTOMER - 1,
      select: { id: true },
    });
    if (beyond.length) await tx.pushDevice.deleteMany({ where: { id: { in: beyond.map((d) => d.id) } } });
    return known
      ? tx.pushDevice.update({
          where: { id },
          data: { customerId: who.sub, sessionId: who.sid, secret, createdAt: app.clock.now(), lastPushedAt: null },
        })
      : tx.pushDevice.create({
          data: {
            id,
            customerId: who.sub,
            sessionId: who.sid,
            channel: checked.device.channel,
            endpointHash,
            secret,
            createdAt: app.clock.now(),
          },
        });
  });
  return { kind: 'registered', deviceId: device.id };
}

/** Removes one of the customer's devices; false when they have no device with that id. */
export async function unregisterPushDevice(app: UsersApp, customerId: string, deviceId: string): Promise<boolean> {
  const { count } = await app.prisma.pushDevice.deleteMany({ where: { id: deviceId, customerId } });
  return count > 0;
}

/** The customer's devices that may be notified now: their session still open. */
/** The devices of each of `customerIds` a push may go to (open session), in one read. */
export async function notifiableDevicesOf(app: UsersApp, customerIds: readonly string[]) {
  const now = app.clock.now();
  const devices = await app.prisma.pushDevice.findMany({
    where: { customerId: { in: [...new Set(customerIds)] }, session: { revokedAt: null, expiresAt: { gt: now } } },
    select: { id: true, customerId: true, sessionId: true, channel: true, secret: true },
  });
  const byCustomer = new Map<string, NotifiableDevice[]>();
  for (const d of devices) {
    const list = byCustomer.get(d.customerId) ?? [];
    byCustomer.set(d.customerId, list);
    list.push({
      id: d.id,
      sessionId: d.sessionId,
      address: JSON.parse(decryptField(app.keyring, d.secret, secretContext(d.id))) as PushDeviceRequest as PushAddress,
    });
  }
  return byCustomer;
}

export interface NotifiableDevice {
  id: string;
  sessionId: string;
  address: PushAddress;
}

export const notifiableDevices = async (app: UsersApp, customerId: string): Promise<NotifiableDevice[]> =>
  (await notifiableDevicesOf(app, [customerId])).get(customerId) ?? [];
