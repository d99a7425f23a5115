// What a device must give to be notified: checked before anything is stored, so that the dispatcher never posts to
// an address that could not be a push service (an internal host over plain HTTP, a malformed key).
import { createECDH } from 'node:crypto';

export type PushDeviceRequest =
  | { channel: 'WEB_PUSH'; endpoint: string; p256dh: string; auth: string }
  | { channel: 'APNS' | 'FCM'; token: string };

export type PushDeviceCheck =
  | { kind: 'valid'; device: PushDeviceRequest }
  | { kind: 'invalid'; field: string; message: string };

const invalid = (field: string, message: string): PushDeviceCheck => ({ kind: 'invalid', field, message });

/** A base64url string of exactly `bytes` bytes. */
const decodes = (value: string, bytes: number) =>
  /^[A-Za-z0-9_-]+={0,2}$/.test(value) && Buffer.from(value, 'base64url').length === bytes;

/** True when `key` is a point of P-256 (an uncompressed public key a browser made). */
function isP256Point(key: string): boolean {
  if (!decodes(key, 65)) return false;
  try {
    // Agreeing a secret with a throw-away key fails unless the key is a point of the curve.
    const probe = createECDH('prime256v1');
    probe.generateKeys();
    probe.computeSecret(Buffer.from(key, 'base64url'));
    return true;
  } catch {
    return false;
  }
}

export function checkPushDevice(
  input: {
    channel: string;
    endpoint?: string | null;
    p256dh?: string | null;
    auth?: string | null;
    token?: string | null;
  },
  options: { allowHttp: boolean },
): PushDeviceCheck {
  if (input.channel === 'WEB_PUSH') {
    const { endpoint, p256dh, auth } = input;
    let url: URL | null = null;
    try {
      url = endpoint && endpoint.length <= 2048 ? new URL(endpoint) : null;
    } catch {
      url = null;
    }
    const secure = url?.protocol === 'https:' || (options.allowHttp && url?.protocol === 'http:');
    if (!url || !secure || url.username || url.password)
      return invalid('endpoint', 'L’adresse de notification doit être une adresse https fournie par le navigateur.');
    if (!p256dh || !isP256Point(p256dh))
      return invalid('p256dh', 'La clé de l’abonnement aux notifications est invalide.');
    if (!auth || !decodes(auth, 16))
      return invalid('auth', 'Le secret de l’abonnement aux notifications est invalide.');
    return { kind: 'valid', device: { channel: 'WEB_PUSH', endpoint: url.href, p256dh, auth } };
  }
  if (input.channel === 'APNS' || input.channel === 'FCM') {
    const token = input.token ?? '';
    const ok = input.channel === 'APNS' ? /^[0-9a-f]{64,200}$/i.test(token) : /^[\w:-]{20,4096}$/.test(token);
    if (!ok) return invalid('token', 'Le jeton de notification de l’appareil est invalide.');
    return { kind: 'valid', device: { channel: input.channel, token } };
  }
  return invalid('channel', 'Ce type de notification n’est pas pris en charge.');
}

/** What identifies a device across registrations: the same browser subscription or device token. */
export const deviceAddress = (device: PushDeviceRequest) =>
  device.channel === 'WEB_PUSH' ? `WEB_PUSH ${device.endpoint}` : `${device.channel} ${device.token}`;
