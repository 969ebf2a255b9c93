/** The command-line flags for storage, scale-out and logging, in `node:util` `parseArgs` form. */
export const opsFlagOptions = {
  'database-url': { type: 'string' },
  'redis-url': { type: 'string' },
  'redis-prefix': { type: 'string' },
  'compact-after': { type: 'string' },
  'presence-refresh-ms': { type: 'string' },
  'log-level': { type: 'string' },
  'log-format': { type: 'string' },
} as const;

/** The parsed values of {@link opsFlagOptions}. */
export type OpsFlagValues = { [Flag in keyof typeof opsFlagOptions]?: string };

/** Log levels the CLI accepts, least to most severe. */
export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** The settings {@link opsFromFlags} reads. */
export interface OpsSettings {
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
  compactAfter?: number;
  presenceRefreshMs?: number;
  logLevel: (typeof logLevels)[number];
  logFormat: 'json' | 'text';
}

/** The storage, scale-out and logging part of the CLI usage text. */
export const opsUsage = `Storage and scale-out:
  --database-url <url>    PostgreSQL instead of SQLite, postgres://user:pw@host:5432/db
                          (env DATABASE_URL; schema migrations run at start)
  --redis-url <url>       share documents with other relays through Redis pub/sub,
                          redis://host:6379/0 (env REDIS_URL; needs --database-url)
  --redis-prefix <p>      prefix of the Redis channel names (env REDIS_PREFIX,
                          default allmende:)
  --compact-after <n>     log rows per document before they are merged into one
                          (env COMPACT_AFTER, default 200)
  --presence-refresh-ms <n>  with --redis-url: how often each relay republishes its
                          clients' presence; presence another relay did not refresh
                          for three intervals is removed (env PRESENCE_REFRESH_MS,
                          default 2000)
Logging (to stderr):
  --log-level <level>     debug, info, warn, error or silent (env LOG_LEVEL, default info)
  --log-format <format>   json (one pino object per line) or text (env LOG_FORMAT,
                          default json)
`;

/**
 * Reads the storage, scale-out and logging settings from flags, falling back to the environment
 * (empty variables count as unset). Throws a `RangeError` naming the flag for a bad value.
 */
export function opsFromFlags(values: OpsFlagValues, env: NodeJS.ProcessEnv): OpsSettings {
  const read = (flag: string | undefined, name: string): string | undefined => flag ?? (env[name] === '' ? undefined : env[name]);
  const databaseUrl = read(values['database-url'], 'DATABASE_URL');
  const redisUrl = read(values['redis-url'], 'REDIS_URL');
  const redisPrefix = read(values['redis-prefix'], 'REDIS_PREFIX');
  const compactText = read(values['compact-after'], 'COMPACT_AFTER');
  const refreshText = read(values['presence-refresh-ms'], 'PRESENCE_REFRESH_MS');
  const level = read(values['log-level'], 'LOG_LEVEL') ?? 'info';
  const format = read(values['log-format'], 'LOG_FORMAT') ?? 'json';
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    throw new RangeError('--database-url must be a PostgreSQL URL such as postgres://user:password@host:5432/database');
  }
  if (redisUrl !== undefined && !/^rediss?:\/\/./.test(redisUrl)) {
    throw new RangeError('--redis-url must be a Redis URL such as redis://host:6379/0');
  }
  if (redisUrl !== undefined && databaseUrl === undefined) {
    throw new RangeError('--redis-url needs --database-url: relays that share documents must share their database (SQLite is for one relay)');
  }
  if (redisPrefix !== undefined && !/^[A-Za-z0-9:._-]{1,64}$/.test(redisPrefix)) {
    throw new RangeError(`--redis-prefix must be 1 to 64 letters, digits or ":._-", got "${redisPrefix}"`);
  }
  let compactAfter: number | undefined;
  if (compactText !== undefined) {
    compactAfter = /^\d{1,9}$/.test(compactText) ? Number(compactText) : 0;
    if (compactAfter < 1) throw new RangeError(`--compact-after must be a positive number of rows, got "${compactText}"`);
  }
  let presenceRefreshMs: number | undefined;
  if (refreshText !== undefined) {
    presenceRefreshMs = /^\d{1,9}$/.test(refreshText) ? Number(refreshText) : 0;
    if (presenceRefreshMs < 10) throw new RangeError(`--presence-refresh-ms must be a whole number of milliseconds of at least 10, got "${refreshText}"`);
  }
  if (!(logLevels as readonly string[]).includes(level)) {
    throw new RangeError(`--log-level must be one of ${logLevels.join(', ')}, got "${level}"`);
  }
  if (format !== 'json' && format !== 'text') throw new RangeError(`--log-format must be json or text, got "${format}"`);
  return {
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(redisUrl === undefined ? {} : { redisUrl }),
    ...(redisPrefix === undefined ? {} : { redisPrefix }),
    ...(compactAfter === undefined ? {} : { compactAfter }),
    ...(presenceRefreshMs === undefined ? {} : { presenceRefreshMs }),
    logLevel: level as OpsSettings['logLevel'],
    logFormat: format,
  };
}
