// The client's address behind proxies: X-Forwarded-For believed only from the proxies TRUST_PROXY lists.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from '../src/client-address.ts';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('client address', () => {
  const balancers = trustedProxies(['10.0.0.0/8', '192.0.2.1']);

  it('ignores X-Forwarded-For when no proxy is trusted, or from a caller that is not one', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), trustedProxies([]))).toBe('203.0.113.9');
    // A client claiming to be someone else straight to the gateway.
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), balancers)).toBe('203.0.113.9');
  });

  it('takes the nearest hop that is not a trusted proxy, so a forged left part changes nothing', () => {
    expect(clientAddress(request('10.1.2.3', '198.51.100.1'), balancers)).toBe('198.51.100.1');
    // The client wrote "1.1.1.1" itself; the balancer appended what it saw.
    expect(clientAddress(request('10.1.2.3', '1.1.1.1, 198.51.100.1'), balancers)).toBe('198.51.100.1');
    // Two proxies in a row (CDN, then the balancer).
    expect(clientAddress(request('::ffff:10.1.2.3', '198.51.100.1, 192.0.2.1'), balancers)).toBe('198.51.100.1');
    // Garbage hops are skipped; only proxies: the farthest one.
    expect(clientAddress(request('10.1.2.3', 'not-an-ip, 198.51.100.7'), balancers)).toBe('198.51.100.7');
    expect(clientAddress(request('10.1.2.3', '10.9.9.9'), balancers)).toBe('10.9.9.9');
    expect(clientAddress(request('10.1.2.3'), balancers)).toBe('10.1.2.3');
  });

  it('refuses a setting that is not an address or a network', () => {
    expect(() => trustedProxies(['load-balancer'])).toThrow(/TRUST_PROXY/);
  });
});
