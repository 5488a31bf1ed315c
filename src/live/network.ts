/** The address phones in the hall reach this machine at. */
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

/** Interfaces of containers, VMs and VPN tunnels: their addresses are not on the hall's network. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap|wg|zt|tailscale|lo)/i;

const privateV4 = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);

/**
 * LAN addresses, best first: IPv4 on a physical interface in a private range, then other IPv4, then
 * global IPv6. Loopback and link-local addresses (169.254/16, fe80::/10) are never returned.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  const found: { address: string; rank: number }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal) continue;
      const virtual = VIRTUAL.test(name) ? 10 : 0;
      if (info.family === 'IPv4') {
        if (info.address.startsWith('169.254.') || info.address.startsWith('127.')) continue;
        found.push({ address: info.address, rank: (privateV4(info.address) ? 0 : 1) + virtual });
      } else if (info.family === 'IPv6') {
        const a = info.address.toLowerCase();
        if (a === '::1' || a.startsWith('fe80') || info.scopeid) continue;
        found.push({ address: `[${a}]`, rank: 2 + virtual });
      }
    }
  }
  return found.sort((x, y) => x.rank - y.rank).map((f) => f.address);
}

/**
 * The host the audience URL names for a server listening on `listenHost`: every interface → the best
 * LAN address (none when there is none); one address → that address (loopback only → loopback).
 */
export function audienceHost(listenHost: string, interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>): string | undefined {
  if (listenHost === '0.0.0.0' || listenHost === '::' || listenHost === '') return lanAddresses(interfaces)[0];
  if (listenHost === 'localhost') return '127.0.0.1';
  return listenHost.includes(':') ? `[${listenHost}]` : listenHost;
}

/** The two lines `npm run live` prints for people and scripts. */
export function announce(lecturerUrl: string, audienceUrl: string | undefined): [string, string] {
  return [
    `lecturer: ${lecturerUrl}`,
    audienceUrl
      ? `audience: ${audienceUrl}`
      : 'audience: none (this machine has no network address: join the room network, then run npm run live again)',
  ];
}
