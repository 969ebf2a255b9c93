import type { RelayAuthOptions } from './authenticator.js';

/** The command-line flags for authentication, in `node:util` `parseArgs` form. */
export const authFlagOptions = {
  'jwt-secret': { type: 'string' },
  'jwt-issuer': { type: 'string' },
  'oidc-issuer': { type: 'string' },
  audience: { type: 'string', multiple: true },
  'clock-tolerance': { type: 'string' },
  'allow-insecure-dev': { type: 'boolean' },
} as const;

/** The parsed values of {@link authFlagOptions}. */
export interface AuthFlagValues {
  'jwt-secret'?: string;
  'jwt-issuer'?: string;
  'oidc-issuer'?: string;
  audience?: string[];
  'clock-tolerance'?: string;
  'allow-insecure-dev'?: boolean;
}

/** The authentication part of the CLI usage text. */
export const authUsage = `Authentication (without a secret or issuer the relay runs in development mode,
where anyone may write, and binds only to loopback):
  --jwt-secret <s>        HS256 secret, at least 32 bytes (env JWT_SECRET;
                          prefer the environment: flags show up in ps)
  --jwt-issuer <iss>      iss that HS256 tokens must carry (env JWT_ISSUER)
  --oidc-issuer <url>     OIDC issuer whose JWKS verifies RS256/ES256 tokens,
                          e.g. https://id.example.org/realms/office (env OIDC_ISSUER)
  --audience <aud>        aud every token must contain, repeatable
                          (env JWT_AUDIENCE, comma-separated)
  --clock-tolerance <s>   seconds of clock skew allowed on exp/nbf
                          (env JWT_CLOCK_TOLERANCE, default 30)
  --allow-insecure-dev    allow development mode on a non-loopback --host
                          (env ALLOW_INSECURE_DEV=1)
`;

/**
 * Reads the authentication settings from flags, falling back to the environment (empty variables
 * count as unset). Returns `auth: undefined` for development mode. Throws a `RangeError` for a bad
 * clock tolerance.
 */
export function authFromFlags(values: AuthFlagValues, env: NodeJS.ProcessEnv): { auth: RelayAuthOptions | undefined; allowInsecureDevMode: boolean } {
  const read = (flag: string | undefined, name: string): string | undefined => flag ?? (env[name] === '' ? undefined : env[name]);
  const jwtSecret = read(values['jwt-secret'], 'JWT_SECRET');
  const jwtIssuer = read(values['jwt-issuer'], 'JWT_ISSUER');
  const oidcIssuer = read(values['oidc-issuer'], 'OIDC_ISSUER');
  const audience = values.audience ?? read(undefined, 'JWT_AUDIENCE')?.split(',').map((a) => a.trim()).filter((a) => a !== '');
  const toleranceText = read(values['clock-tolerance'], 'JWT_CLOCK_TOLERANCE');
  const allowInsecureDevMode = values['allow-insecure-dev'] === true || /^(1|true|yes)$/i.test(env['ALLOW_INSECURE_DEV'] ?? '');
  if (jwtSecret === undefined && oidcIssuer === undefined) {
    if (jwtIssuer !== undefined || audience !== undefined || toleranceText !== undefined) {
      throw new RangeError('--jwt-issuer, --audience and --clock-tolerance need --jwt-secret or --oidc-issuer');
    }
    return { auth: undefined, allowInsecureDevMode };
  }
  let clockToleranceSeconds: number | undefined;
  if (toleranceText !== undefined) {
    clockToleranceSeconds = /^\d+$/.test(toleranceText) ? Number(toleranceText) : Number.NaN;
    if (!(clockToleranceSeconds <= 600)) throw new RangeError(`--clock-tolerance must be a number of seconds from 0 to 600, got "${toleranceText}"`);
  }
  const auth: RelayAuthOptions = {
    ...(jwtSecret === undefined ? {} : { jwtSecret }),
    ...(jwtIssuer === undefined ? {} : { jwtIssuer }),
    ...(oidcIssuer === undefined ? {} : { oidcIssuer }),
    ...(audience === undefined || audience.length === 0 ? {} : { audience }),
    ...(clockToleranceSeconds === undefined ? {} : { clockToleranceSeconds }),
  };
  return { auth, allowInsecureDevMode };
}
