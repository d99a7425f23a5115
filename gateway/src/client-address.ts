// Who is really calling, and the headers every answer carries. Behind a load balancer every request comes from the
// balancer's address: limits, sign-in places and alerts would all see one client. The client's address is read from
// X-Forwarded-For only when the request came through proxies the operator listed (TRUST_PROXY): each hop appended
// the address it saw, so the list is read from the right, skipping trusted proxies, and the first address that is
// not one is the client. A header from anyone else is ignored (it is the caller's own claim).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';

const bare = (address: string) => address.trim().replace(/^::ffff:/, '');

/** Trusted proxies: addresses (`10.0.0.7`) or networks (`10.0.0.0/8`, `fd00::/8`). */
export function trustedProxies(entries: readonly string[]) {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.trim().split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address)) throw new Error(`TRUST_PROXY: "${entry}" is not an address or network`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  const empty = entries.length === 0;
  return (address: string | null | undefined): boolean => {
    if (empty || !address) return false;
    const ip = bare(address);
    const type = isIP(ip) === 6 ? 'ipv6' : isIP(ip) === 4 ? 'ipv4' : null;
    return type !== null && list.check(ip, type);
  };
}
export type TrustCheck = ReturnType<typeof trustedProxies>;

/** The client's address: the socket's, or (through trusted proxies only) the nearest untrusted X-Forwarded-For hop. */
export function clientAddress(req: IncomingMessage, trusted: TrustCheck): string | null {
  const socket = req.socket.remoteAddress ? bare(req.socket.remoteAddress) : null;
  if (!trusted(socket)) return socket;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(bare)
    .filter((hop) => isIP(hop));
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted(hops[i])) return hops[i]!;
  return hops[0] ?? socket;
}

/** Whether the client reached us over TLS: directly, or as a trusted proxy says (X-Forwarded-Proto). */
function overTls(req: IncomingMessage, trusted: TrustCheck): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (!trusted(req.socket.remoteAddress)) return false;
  const proto = req.headers['x-forwarded-proto'];
  const last = (Array.isArray(proto) ? proto.join(',') : (proto ?? '')).split(',').at(-1)?.trim().toLowerCase();
  return last === 'https';
}

/**
 * Headers on every answer (pages set a fuller Content-Security-Policy of their own): no MIME sniffing, no framing,
 * no referrer leaking tokens in URLs, and HSTS when the client came over TLS (never over plain HTTP, where it would
 * be ignored or, on localhost, stick to the developer's browser).
 */
export function securityHeaders(req: IncomingMessage, res: ServerResponse, trusted: TrustCheck): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', "frame-ancestors 'none'");
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  if (overTls(req, trusted)) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
}
