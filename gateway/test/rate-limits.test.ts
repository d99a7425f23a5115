// Limits per client address count an IPv6 client by its /64 network, which one subscriber is given whole: each of its
// addresses counted apart would let it through any limit.
import { addressBucket, createMemoryRateLimiter } from '@abri/platform';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkRates } from '../src/rate-limits.ts';

const LOGIN = parse('mutation { login(input: { contractNumber: "HAB9930001", password: "x" }) { __typename } }');

describe('limits per client address', () => {
  it('counts the addresses of one IPv6 /64 together, and another /64 or an IPv4 address apart', async () => {
    const limiter = createMemoryRateLimiter();
    const from = (ip: string) => checkRates(limiter, { document: LOGIN, who: null, ip });
    // `login` allows 30 a client in ten minutes.
    for (let i = 1; i <= 30; i++) expect(await from(`2001:db8:0:1::${i.toString(16)}`)).toBeNull();
    expect((await from('2001:db8:0:1:ffff:ffff:ffff:ffff'))?.extensions.code).toBe('RATE_LIMITED');
    expect(await from('2001:db8:0:2::1')).toBeNull();
    expect(await from('192.0.2.1')).toBeNull();
  });

  it('counts the search under `me` with the root search, each alias once, per caller', async () => {
    const limiter = createMemoryRateLimiter();
    const camille = { sub: 'c1', sid: 's1', roles: ['CUSTOMER' as const], exp: 2_000_000_000 };
    const from = (query: string) => checkRates(limiter, { document: parse(query), who: camille, ip: '192.0.2.9' });
    // `search` allows 60 a minute to a caller: 58 through `me`, two aliases in one request, then the root one is over.
    for (let i = 0; i < 29; i++)
      expect(await from('{ me { a: search(query: "dégât") { title } b: search(query: "eau") { title } } }')).toBeNull();
    expect(await from('{ search(query: "contrat") { title } }')).toBeNull();
    expect(await from('{ me { search(query: "vol") { title } } }')).toBeNull();
    expect((await from('{ search(query: "attestation") { title } }'))?.extensions.code).toBe('RATE_LIMITED');
  });

  it('writes each /64 one way, however the address is written', () => {
    expect(addressBucket('2001:DB8:0:1::7')).toBe('2001:db8:0:1::/64');
    expect(addressBucket('2001:0db8:0000:0001:0000:0000:0000:0007')).toBe('2001:db8:0:1::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    // IPv4 clients seen through IPv6 are counted by their IPv4 address, each apart.
    expect(addressBucket('64:ff9b::192.0.2.1')).toBe('192.0.2.1');
    expect(addressBucket('::FFFF:192.0.2.2')).toBe('192.0.2.2');
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket(null)).toBe('unknown');
  });
});
