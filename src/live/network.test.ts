import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { announce, audienceHost, lanAddresses } from './network.js';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string, scopeid = 0): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: `${address}/64`,
  scopeid,
});

describe('lanAddresses', () => {
  it("puts the Wi-Fi's private address first, before containers, public and IPv6 addresses", () => {
    expect(
      lanAddresses({
        lo: [v4('127.0.0.1', true), { ...v6('::1'), internal: true }],
        docker0: [v4('172.17.0.1')],
        eth1: [v4('203.0.113.7')],
        wlan0: [v4('192.168.1.23'), v6('fe80::1', 3), v6('2001:db8::23')],
      }),
    ).toEqual(['192.168.1.23', '203.0.113.7', '[2001:db8::23]', '172.17.0.1']);
  });

  it('has nothing when the machine is on no network (loopback and link-local only)', () => {
    expect(lanAddresses({ lo: [v4('127.0.0.1', true)], en0: [v4('169.254.10.2'), v6('fe80::2', 4)] })).toEqual([]);
  });

  it('takes an IPv6-only network', () => {
    expect(lanAddresses({ en0: [v6('2001:db8::5')] })).toEqual(['[2001:db8::5]']);
  });
});

describe('what npm run live prints', () => {
  const wifi = { lo: [v4('127.0.0.1', true)], wlan0: [v4('10.0.0.8')] };
  const offline = { lo: [v4('127.0.0.1', true)] };

  it('names the LAN address when listening everywhere, and says so when there is none', () => {
    expect(audienceHost('0.0.0.0', wifi)).toBe('10.0.0.8');
    expect(audienceHost('0.0.0.0', offline)).toBeUndefined();
    expect(announce('http://127.0.0.1:4180/demo/?lecturer=K', 'http://10.0.0.8:4180/demo/')).toEqual([
      'lecturer: http://127.0.0.1:4180/demo/?lecturer=K',
      'audience: http://10.0.0.8:4180/demo/',
    ]);
    const [, none] = announce('http://127.0.0.1:4180/demo/?lecturer=K', undefined);
    expect(none).toMatch(/^audience: none \(this machine has no network address/);
  });

  it('names the one address it listens on', () => {
    expect(audienceHost('127.0.0.1', wifi)).toBe('127.0.0.1');
    expect(audienceHost('localhost', wifi)).toBe('127.0.0.1');
    expect(audienceHost('10.0.0.8', wifi)).toBe('10.0.0.8');
    expect(audienceHost('::1', wifi)).toBe('[::1]');
  });
});
