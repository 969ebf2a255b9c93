import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './client-address.js';

function request(remoteAddress: string, forwardedFor?: string | string[]) {
  return { socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } };
}

describe('clientAddress', () => {
  it('uses the TCP peer and ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), 0)).toBe('10.0.0.5');
  });

  it('takes the entry the trusted proxies added, not what the client wrote', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the one proxy appended the address it saw.
    expect(clientAddress(request('10.0.0.5', '1.2.3.4, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.5', ['1.2.3.4', '198.51.100.2, 10.0.0.9']), 2)).toBe('198.51.100.2');
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), 3)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.5'), 1)).toBe('10.0.0.5');
  });
});

describe('addressKey', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6 ones', () => {
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it('counts IPv6 addresses by their /64 network', () => {
    expect(addressKey('2001:db8:0:1::17')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0db8:0000:0001:ffff:ffff:ffff:ffff')).toBe('2001:db8:0:1::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('returns anything else unchanged', () => {
    expect(addressKey('unknown')).toBe('unknown');
  });
});
