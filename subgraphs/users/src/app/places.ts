// Where a sign-in comes from: country and city from the offline GeoLite2 database shipped in geoip-lite (no download
// at install or run time; loaded on first use, about 110 MB of memory).
import type { ClientInfo } from '@abri/platform';
import { describeDevice } from '@abri/platform';

type Geo = typeof import('geoip-lite').default;
let geo: Promise<Geo> | undefined;
const loadGeo = () => (geo ??= import('geoip-lite').then((m) => m.default));

export interface SignInOrigin {
  ip: string | null;
  country: string | null;
  city: string | null;
  device: string;
  deviceKey: string;
}

/** Loopback and private addresses have no place. */
export async function originOf(client: ClientInfo): Promise<SignInOrigin> {
  const ip = client.ip?.replace(/^::ffff:/, '') ?? null;
  const place = ip ? (await loadGeo()).lookup(ip) : null;
  const device = describeDevice(client.userAgent);
  return {
    ip,
    country: place?.country || null,
    city: place?.city || null,
    device: device.label,
    deviceKey: device.key,
  };
}

/** Warms the database up at start, so the first sign-in does not wait for it. */
export const preloadPlaces = () => void loadGeo();
