// Shared by the storage and scale-out tests: starts real PostgreSQL and Redis servers (Debian's
// postgresql and redis-server packages) on 127.0.0.1 with free ports in temporary directories.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';

/** Resolves with a TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A server process started for the tests. */
export interface TestServer {
  /** Its URL, such as `redis://127.0.0.1:6379` or `postgres://allmende@127.0.0.1:5432/postgres`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function postgresBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin;
  }
  throw new Error('PostgreSQL is not installed: the storage and scale-out tests need the Debian package postgresql (apt-get install postgresql)');
}

function findOnPath(binary: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, binary))) return join(dir, binary);
  }
  return existsSync(join('/usr/bin', binary)) ? join('/usr/bin', binary) : null;
}

// PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
function asServerUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function retry<T>(what: string, attempt: () => Promise<T>, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`${what} did not start: ${error instanceof Error ? error.message : String(error)}\n${output()}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Starts a PostgreSQL server (trust authentication, user `allmende`) in a temporary directory. */
export async function startPostgres(): Promise<TestServer> {
  const bin = postgresBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'allmende-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const [initdb, initArgs] = asServerUser(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'allmende', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const [postgres, args] = asServerUser(join(bin, 'postgres'), [
    '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    // Test data need not survive a power loss; commits still wait for the WAL write.
    '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ]);
  const child = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `postgres://allmende@127.0.0.1:${port}/postgres`;
  await retry('PostgreSQL', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.end();
  }, child, () => output);
  return {
    url,
    port,
    async stop() {
      child.kill('SIGINT');
      await waitForExit(child, 10_000);
      running.delete(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a fresh database on the server at `serverUrl` and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return serverUrl.replace(/\/[^/]*$/, `/${name}`);
}

/** Starts a Redis server without persistence in a temporary directory; `port` reuses a port (for a restart). */
export async function startRedis(port?: number): Promise<TestServer> {
  const binary = findOnPath('redis-server');
  if (binary === null) throw new Error('redis-server is not installed: the scale-out tests need the Debian package redis-server (apt-get install redis-server)');
  const dir = mkdtempSync(join(tmpdir(), 'allmende-redis-'));
  const chosen = port ?? (await freePort());
  const child = spawn(binary, ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `redis://127.0.0.1:${chosen}`;
  await retry('Redis', async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    // Refused connections while the server starts are expected; connect() reports them.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
    } finally {
      client.disconnect();
    }
  }, child, () => output);
  return {
    url,
    port: chosen,
    async stop() {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
      running.delete(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
