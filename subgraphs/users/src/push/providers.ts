// How a notification leaves for a device: one provider per push channel. Web Push is built in (web-push.ts); the
// native services (Apple's APNs, Google's FCM) plug in behind the same interface, so the dispatcher never knows which
// it is talking to.
import { encryptWebPush, type VapidKey, vapidAuthorization } from './web-push.ts';

export type PushChannelName = 'WEB_PUSH' | 'APNS' | 'FCM';

/** A registered device's address, decrypted only to send. */
export type PushAddress =
  | { channel: 'WEB_PUSH'; endpoint: string; p256dh: string; auth: string }
  | { channel: 'APNS' | 'FCM'; token: string };

/**
 * What a device shows. `title` and `body` are on the lock screen: French, and never a personal detail (no amount,
 * name, address or claim reference); the app reads the rest once opened, signed in.
 */
export interface PushNotification {
  title: string;
  body: string;
  /** The screen that tapping opens (a path of the web customer space, or the same route in the app). */
  url: string;
  /** Notifications with the same tag replace each other on the device. */
  tag: string;
  /** The customer stream's cursor of the event, so the app can fetch from there. */
  cursor: string;
}

/**
 * `delivered`: the push service took it. `gone`: the device no longer exists there (HTTP 404/410, APNs 410
 * Unregistered, FCM UNREGISTERED): it is removed. `retry`: a momentary failure (429, 5xx, network). `refused`: the
 * service refuses this message for good (a bad request, wrong credentials): logged, not retried.
 */
export type PushOutcome = 'delivered' | 'gone' | 'retry' | 'refused';

/**
 * A push channel. An APNs adapter posts to `https://api.push.apple.com/3/device/<token>` with a provider token
 * (ES256 JWT from the team's .p8 key), `apns-push-type: alert`, `apns-topic: <bundle id>` and
 * `{ aps: { alert: { title, body }, 'thread-id': tag }, url, cursor }`; an FCM adapter posts to
 * `https://fcm.googleapis.com/v1/projects/<project>/messages:send` with an OAuth token and
 * `{ message: { token, notification: { title, body }, data: { url, tag, cursor } } }`. Both map their answers to a
 * PushOutcome as above.
 */
export interface PushProvider {
  send(address: PushAddress, notification: PushNotification): Promise<PushOutcome>;
}

export interface WebPushOptions {
  vapid: VapidKey;
  /** Who to contact about these pushes (RFC 8292 `sub`). @default 'mailto:push@abri.example' */
  subject?: string;
  /** @default 86_400 seconds a push service keeps an undelivered notification */
  ttlSeconds?: number;
  now?: () => Date;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default 10_000 ms before a push service that does not answer counts as a momentary failure */
  timeoutMs?: number;
}

/** Web Push to browsers and installed web apps: encrypted for the subscription, signed with VAPID. */
export function webPushProvider(options: WebPushOptions): PushProvider {
  const post = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  // A VAPID token is valid 12 hours for a push service's origin: signed once per origin every 6 hours, not per push.
  const tokens = new Map<string, { header: string; signedAt: number }>();
  const authorization = (endpoint: string) => {
    const origin = new URL(endpoint).origin;
    const at = now().getTime();
    const known = tokens.get(origin);
    if (known && at - known.signedAt >= 0 && at - known.signedAt < 6 * 3600_000) return known.header;
    const header = vapidAuthorization(endpoint, options.vapid, options.subject ?? 'mailto:push@abri.example', now());
    if (tokens.size >= 100) tokens.clear();
    tokens.set(origin, { header, signedAt: at });
    return header;
  };
  return {
    async send(address, notification) {
      if (address.channel !== 'WEB_PUSH') return 'refused';
      const body = encryptWebPush(Buffer.from(JSON.stringify(notification)), address);
      let status: number;
      try {
        const res = await post(address.endpoint, {
          method: 'POST',
          headers: {
            authorization: authorization(address.endpoint),
            'content-encoding': 'aes128gcm',
            'content-type': 'application/octet-stream',
            ttl: String(options.ttlSeconds ?? 86_400),
            urgency: 'normal',
          },
          body: new Uint8Array(body),
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        status = res.status;
        await res.body?.cancel();
      } catch {
        return 'retry';
      }
      if (status >= 200 && status < 300) return 'delivered';
      if (status === 404 || status === 410) return 'gone';
      if (status === 429 || status >= 500) return 'retry';
      return 'refused';
    },
  };
}
