// Shared by the CLI tests: runs `dist/cli.js` as a child process with a clean environment.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The built CLI the tests run. */
export const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

/** Every environment variable the CLI reads: the tests' settings must not leak in from the shell. */
export const relayEnvironment: ReadonlySet<string> = new Set([
  'ALLOW_INSECURE_DEV', 'COMPACT_AFTER', 'CONNECTIONS_PER_ADDRESS', 'DATABASE_URL', 'DATA_DIR', 'HOST', 'JWT_AUDIENCE', 'JWT_CLOCK_TOLERANCE',
  'JWT_ISSUER', 'JWT_SECRET', 'LOG_FORMAT', 'LOG_LEVEL', 'MAX_BUFFERED_BYTES', 'MAX_DOCUMENT_BYTES', 'MAX_MESSAGE_BYTES', 'MAX_UPDATE_STRUCTS', 'MESSAGES_PER_SECOND',
  'MESSAGE_BURST', 'OIDC_ISSUER', 'PORT', 'PRESENCE_REFRESH_MS', 'PRESENCE_STATES_PER_CONNECTION', 'REENCODE_MEMORY_MB',
  'REDIS_PREFIX', 'REDIS_URL', 'REENCODE_TIMEOUT_MS', 'STATIC_DIR', 'TRUST_PROXY',
]);

/** A running (or finished) CLI process and what it printed so far. */
export interface RunningCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stdout: () => string;
  /** What it wrote to stderr, with each JSON log line shown as its message, so tests can match text. */
  stderr: () => string;
  /** What it wrote to stderr, exactly. */
  rawStderr: () => string;
  exit: Promise<number | null>;
}

/** Options for {@link spawnCli}. */
export interface SpawnCliOptions {
  /** Environment variables for the CLI, on top of the shell's without any relay setting. */
  env?: Record<string, string>;
  cwd?: string;
  /** Where the process's cleanup is registered. */
  cleanups: Array<() => Promise<void> | void>;
  /** How cleanup stops a process still running: SIGTERM waits for the graceful exit. Default SIGKILL. */
  stopWith?: 'SIGKILL' | 'SIGTERM';
}

/** Starts `node dist/cli.js ...args` and registers a cleanup that stops it. */
export function spawnCli(args: string[], options: SpawnCliOptions): RunningCli {
  expect(existsSync(cli), 'build first: pnpm --filter @allmende/relay build').toBe(true);
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (relayEnvironment.has(name)) delete env[name];
  const child = spawn(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, ...options.env },
    cwd: options.cwd,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const signal = options.stopWith ?? 'SIGKILL';
  options.cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (signal === 'SIGTERM') await exit;
  });
  return { child, stdout: () => stdout, stderr: () => logMessages(stderr), rawStderr: () => stderr, exit };
}

/** Turns pino's JSON lines into their messages and leaves other lines (usage, fatal errors) as they are. */
export function logMessages(output: string): string {
  return output
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{')) return line;
      try {
        const entry = JSON.parse(line) as { msg?: unknown };
        return typeof entry.msg === 'string' ? entry.msg : line;
      } catch {
        return line;
      }
    })
    .join('\n');
}
