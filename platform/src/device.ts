// A readable device name from a user agent ("Chrome 131 sur Windows 10"), and a key to recognise it again: users'
// session list and alerts, and the acceptance evidence printed on an avenant (policies).
import { createHash } from 'node:crypto';
import { UAParser } from 'ua-parser-js';

export interface DeviceInfo {
  /** What the customer reads in their session list and alerts. */
  label: string;
  /** Browser family, OS family and device model: stable across browser updates. */
  key: string;
}

export function describeDevice(userAgent: string | null): DeviceInfo {
  if (!userAgent) return { label: 'Appareil inconnu', key: 'unknown' };
  const { browser, os, device } = new UAParser(userAgent).getResult();
  const app = [browser.name, browser.version?.split('.')[0]].filter(Boolean).join(' ');
  const system =
    [device.vendor, device.model].filter(Boolean).join(' ') || [os.name, os.version].filter(Boolean).join(' ');
  const label = app && system ? `${app} sur ${system}` : app || system || 'Appareil inconnu';
  const key = createHash('sha256')
    .update([browser.name ?? '', os.name ?? '', device.vendor ?? '', device.model ?? ''].join('|'))
    .digest('base64url')
    .slice(0, 22);
  return { label, key };
}
