import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { accessGrantsFromClaims } from './access-claims.js';

const minimumSecretBytes = 32;

/** Options for {@link signDevelopmentToken}. */
export interface DevelopmentTokenOptions {
  /** The relay's HS256 secret (`--jwt-secret`), at least 32 bytes. */
  secret: string;
  /** The user id (`sub`). */
  sub: string;
  /** The display name (`name`) the relay stamps on presence; defaults to `sub`. */
  name?: string;
  /** Access entries such as `team-a/*=write`, written to the `access` claim. */
  access: readonly string[];
  /** Lifetime, such as `1h`, `30m` or `2d` (jose's time span syntax); defaults to `1h`. */
  expiresIn?: string;
  /** The `aud` claim, for a relay started with an audience. */
  audience?: string;
  /** The `iss` claim, for a relay started with `--jwt-issuer`. */
  issuer?: string;
}

/**
 * Signs an HS256 token the relay accepts when started with the same secret: for development,
 * tests and scripts. Production tokens come from an identity provider. Throws a `RangeError` or
 * `TypeError` for a short secret, an empty `sub`, a malformed access entry or lifetime.
 */
export async function signDevelopmentToken(options: DevelopmentTokenOptions): Promise<string> {
  const { secret, sub, name = sub, access, expiresIn = '1h', audience, issuer } = options;
  if (typeof secret !== 'string' || new TextEncoder().encode(secret).byteLength < minimumSecretBytes) {
    throw new RangeError(`the secret must be at least ${minimumSecretBytes} bytes long, as the relay requires`);
  }
  if (typeof sub !== 'string' || sub === '') throw new TypeError('the token needs a non-empty sub (user id)');
  if (!Array.isArray(access) || access.length === 0) {
    throw new TypeError('the token needs at least one access entry, such as "team-a/*=write"; without one it opens nothing');
  }
  // Parsed only to refuse typos now rather than at connect time.
  accessGrantsFromClaims({ access: [...access] });
  const jwt = new SignJWT({ name, access: [...access] }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(sub).setIssuedAt();
  try {
    jwt.setExpirationTime(expiresIn);
  } catch {
    throw new RangeError(`expires-in must be a time span such as 30s, 15m, 1h or 7d, got ${JSON.stringify(expiresIn)}`);
  }
  if (audience !== undefined) jwt.setAudience(audience);
  if (issuer !== undefined) jwt.setIssuer(issuer);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** Usage of the `token` subcommand. */
export const tokenUsage = `Usage: allmende-relay token --secret <secret> --sub <id> --access <PATTERN=ROLE> [options]

Prints an HS256 token for a relay started with the same --jwt-secret, for
development and tests. Production tokens come from your identity provider.

Options:
  --secret <s>          the relay's JWT secret, at least 32 bytes (env JWT_SECRET)
  --sub <id>            user id (sub claim)
  --name <name>         display name stamped on presence (default: the sub)
  --access <P=ROLE>     access entry, repeatable: a document name pattern and
                        none, read, comment or write, e.g. 'team-a/*=write'
  --expires-in <span>   lifetime such as 30s, 15m, 1h, 7d (default 1h)
  --audience <aud>      aud claim, for a relay started with --audience
  --issuer <iss>        iss claim, for a relay started with --jwt-issuer
  -h, --help            show this help and exit
`;

/**
 * Runs `allmende-relay token ARGS`: prints a token to stdout and resolves with the exit status
 * (0, or 2 for bad arguments, with the reason on stderr).
 */
export async function runTokenCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const { values } = parseArgs({
      args,
      options: {
        secret: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        access: { type: 'string', multiple: true },
        'expires-in': { type: 'string' },
        audience: { type: 'string' },
        issuer: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help === true) {
      process.stdout.write(tokenUsage);
      return 0;
    }
    const secret = values.secret ?? env['JWT_SECRET'];
    if (secret === undefined) throw new TypeError('--secret (or JWT_SECRET) is required');
    if (values.sub === undefined) throw new TypeError('--sub is required');
    const token = await signDevelopmentToken({
      secret,
      sub: values.sub,
      access: values.access ?? [],
      ...(values.name === undefined ? {} : { name: values.name }),
      ...(values['expires-in'] === undefined ? {} : { expiresIn: values['expires-in'] }),
      ...(values.audience === undefined ? {} : { audience: values.audience }),
      ...(values.issuer === undefined ? {} : { issuer: values.issuer }),
    });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`allmende-relay token: ${error instanceof Error ? error.message : String(error)}\n\n${tokenUsage}`);
    return 2;
  }
}
