import { isIP } from 'node:net';

/**
 * Tells whether `host` is a loopback interface (`localhost`, `127.0.0.0/8`, `::1`), which only
 * programs on the same machine can reach.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(bare) || bare.startsWith('::ffff:127.');
  return false;
}

/**
 * Checks that a relay without authentication binds only to loopback, unless the operator insists;
 * throws a `RangeError` explaining both ways out otherwise.
 */
export function checkDevModeHost(host: string, allowInsecure: boolean): void {
  if (allowInsecure || isLoopbackHost(host)) return;
  throw new RangeError(
    `refusing to listen on ${host} without authentication, where anyone on the network could read and change every document. ` +
      'Configure a JWT secret or an OIDC issuer, or allow it explicitly (--allow-insecure-dev, or allowInsecureDevMode: true).',
  );
}

/** The warning the relay logs at start in development mode, one line per entry. */
export function devModeWarning(host: string): string[] {
  const reach = isLoopbackHost(host) ? `only from this machine (${host})` : `FROM THE NETWORK (${host})`;
  return [
    '************************************************************************',
    '*  DEVELOPMENT MODE: no JWT secret and no OIDC issuer configured.',
    '*  Anyone who can connect may read and change every document,',
    `*  reachable ${reach}.`,
    '*  For anything but local development set --jwt-secret (JWT_SECRET)',
    '*  or --oidc-issuer (OIDC_ISSUER) and --audience.',
    '************************************************************************',
  ];
}
