#!/usr/bin/env node
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type AuthFlagValues, authFlagOptions, authFromFlags, authUsage } from './auth-flags.js';
import { checkDevModeHost } from './dev-mode.js';
import { type LimitFlagValues, limitFlagOptions, limitsFromFlags, limitsUsage } from './limit-flags.js';
import { startRelay } from './relay.js';
import { runTokenCommand } from './token-command.js';
import { type OpsFlagValues, opsFlagOptions, opsFromFlags, opsUsage } from './ops-flags.js';
import { createCliLogger } from './cli-logger.js';
import { resolveStaticDirOption } from './static-dir-option.js';

// The demo app's build output when the relay runs from the repository (dist/cli.js → apps/demo/dist).
const demoBuild = fileURLToPath(new URL('../../../apps/demo/dist', import.meta.url));

const usage = `Usage: allmende-relay [options]
       allmende-relay token --secret <s> --sub <id> --access <PATTERN=ROLE> ...
                            (prints a development token; see token --help)

Runs the Allmende relay: a y-websocket server with SQLite (or PostgreSQL)
persistence that can also serve the demo app. GET /healthz answers while the
process runs, GET /readyz when the database and Redis answer, GET /metrics
serves Prometheus metrics. In development mode (no secret, no issuer)
POST /dev/token issues sharing-link tokens for one document and one role.

Options:
  --port <n>      TCP port (env PORT, default 8080; 0 picks a free port)
  --host <addr>   interface to bind (env HOST, default 127.0.0.1; 0.0.0.0 for all)
  --data <dir>    directory for the SQLite database, created if missing
                  (env DATA_DIR, default ./data)
  --static <dir>  serve the files in <dir>, with index.html for app routes;
                  "none" serves no files (env STATIC_DIR, default: the demo
                  app's build, apps/demo/dist, if the relay runs from the
                  repository and it was built; otherwise no files)
  -h, --help      show this help and exit

${opsUsage}
${authUsage}
${limitsUsage}
SIGTERM and SIGINT stop accepting connections, close clients with 1001 (going
away) so they reconnect elsewhere, store what is pending and exit with 0.
`;

/** Parses the command line and environment, starts the relay and handles signals. */
async function main(): Promise<void> {
  if (process.argv[2] === 'token') {
    process.exitCode = await runTokenCommand(process.argv.slice(3), process.env);
    return;
  }
  let values: { port?: string; host?: string; data?: string; static?: string; help?: boolean } & AuthFlagValues & LimitFlagValues & OpsFlagValues;
  try {
    ({ values } = parseArgs({
      options: {
        ...authFlagOptions,
        ...limitFlagOptions,
        ...opsFlagOptions,
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        static: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`allmende-relay: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help === true) {
    process.stdout.write(usage);
    return;
  }

  const portText = values.port ?? process.env['PORT'] ?? '8080';
  const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    process.stderr.write(`allmende-relay: --port must be a number from 0 to 65535, got "${portText}"\n`);
    process.exit(2);
  }
  const host = values.host ?? process.env['HOST'] ?? '127.0.0.1';
  let authSettings: ReturnType<typeof authFromFlags>;
  let limitSettings: ReturnType<typeof limitsFromFlags>;
  let ops: ReturnType<typeof opsFromFlags>;
  try {
    ops = opsFromFlags(values, process.env);
    limitSettings = limitsFromFlags(values, process.env);
    authSettings = authFromFlags(values, process.env);
    if (authSettings.auth === undefined) checkDevModeHost(host, authSettings.allowInsecureDevMode);
  } catch (error) {
    process.stderr.write(`allmende-relay: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const log = createCliLogger(ops);
  const { staticDir, message } = resolveStaticDirOption(values.static ?? process.env['STATIC_DIR'], demoBuild);
  log(message);

  const relay = await startRelay({
    port,
    host,
    dataDir: resolve(values.data ?? process.env['DATA_DIR'] ?? 'data'),
    ...(ops.databaseUrl === undefined ? {} : { databaseUrl: ops.databaseUrl }),
    ...(ops.redisUrl === undefined ? {} : { redisUrl: ops.redisUrl }),
    ...(ops.redisPrefix === undefined ? {} : { redisPrefix: ops.redisPrefix }),
    ...(ops.compactAfter === undefined ? {} : { compactAfter: ops.compactAfter }),
    ...(ops.presenceRefreshMs === undefined ? {} : { presenceRefreshMs: ops.presenceRefreshMs }),
    processMetrics: true,
    ...(staticDir === undefined ? {} : { staticDir }),
    logger: log,
    // Without authentication the relay also issues sharing links (POST /dev/token), as the demo app's Share needs.
    ...(authSettings.auth === undefined ? { devLinkTokens: true } : { auth: authSettings.auth }),
    allowInsecureDevMode: authSettings.allowInsecureDevMode,
    limits: limitSettings.limits,
    trustProxy: limitSettings.trustProxy,
  });
  process.stdout.write(`allmende-relay listening on ${relay.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down`, { level: 'warn' });
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`allmende-relay: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`allmende-relay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
