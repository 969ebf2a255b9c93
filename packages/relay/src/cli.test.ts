import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cli, spawnCli, type RunningCli } from './cli.test-support.js';
import { resolveStaticDirOption } from './static-dir-option.js';
import { sqliteFileName } from './sqlite-store.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const demoBuild = join(packageDir, '..', '..', 'apps', 'demo', 'dist');
const eventually = { timeout: 5000, interval: 20 };

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'allmende-relay-cli-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}



function run(args: string[], options: { cwd?: string } = {}): RunningCli {
  return spawnCli(args, { ...options, cleanups });
}

/** Starts the CLI and resolves with its HTTP URL once it announced itself. */
async function start(args: string[], options: { cwd?: string } = {}): Promise<RunningCli & { url: string }> {
  expect(existsSync(cli), 'build first: pnpm --filter @allmende/relay build').toBe(true);
  const relay = run(['--port', '0', ...args], options);
  const url = await new Promise<string>((resolve, reject) => {
    relay.child.stdout?.on('data', () => {
      const match = /allmende-relay listening on (http:\/\/\S+)\n/.exec(relay.stdout());
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void relay.exit.then((code) => reject(new Error(`exited early with ${String(code)}: ${relay.stderr()}`)));
  });
  return { ...relay, url };
}

interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
}

function connectClient(url: string, name: string): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws'), name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const destroy = (): void => {
    provider.destroy();
    doc.destroy();
  };
  cleanups.push(destroy);
  return { doc, provider, text: doc.getText('content') };
}

function synced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => client.provider.once('sync', (isSynced: boolean) => isSynced && resolve()));
}

function countRows(dataDir: string, name: string): number {
  const db = new Database(join(dataDir, sqliteFileName), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM document_updates WHERE document = ?').get(name);
    return row?.n ?? 0;
  } finally {
    db.close();
  }
}

const navigation = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('allmende-relay CLI', () => {
  it('keeps what clients wrote across SIGTERM and a restart, with the log compacted to one row', async () => {
    const dataDir = join(await makeTempDir(), 'nested', 'data');
    const first = await start(['--host', '127.0.0.1', '--data', dataDir, '--static', 'none']);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await stat(dataDir)).isDirectory()).toBe(true);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok' });

    const alice = connectClient(first.url, 'team/minutes');
    const bob = connectClient(first.url, 'team/minutes');
    await Promise.all([synced(alice), synced(bob)]);
    // One key at a time, so the log has a row per keystroke until it is compacted.
    for (const key of 'kept') alice.text.insert(alice.text.length, key);
    await vi.waitFor(() => expect(bob.text.toString()).toBe('kept'), eventually);
    expect(countRows(dataDir, 'team/minutes')).toBeGreaterThan(1);

    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.stdout().trim().split('\n')).toEqual([`allmende-relay listening on ${first.url}`]);
    expect(first.stderr()).toContain('SIGTERM received, shutting down');
    alice.provider.destroy();
    bob.provider.destroy();
    expect(countRows(dataDir, 'team/minutes')).toBe(1);

    const second = await start(['--data', dataDir, '--static', 'none']);
    const carol = connectClient(second.url, 'team/minutes');
    await synced(carol);
    await vi.waitFor(() => expect(carol.text.toString()).toBe('kept'), eventually);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });

  it('serves the demo app by default when run from the repository, and no files with --static none', async () => {
    const cwd = await makeTempDir();
    const dataDir = join(cwd, 'data');
    const byDefault = await start(['--data', dataDir], { cwd });
    // Without --host the relay must stay on loopback: the demo app is not for the network by default.
    expect(byDefault.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const home = await fetch(`${byDefault.url}/`, { headers: navigation });
    if (existsSync(demoBuild)) {
      expect(home.status).toBe(200);
      expect(await home.text()).toBe(await readFile(join(demoBuild, 'index.html'), 'utf8'));
      expect(byDefault.stderr()).toContain(`serving the demo app from ${demoBuild}`);
    } else {
      expect(home.status).toBe(404);
      expect(byDefault.stderr()).toContain('serving no static files: the demo app is not built');
    }
    byDefault.child.kill('SIGTERM');
    expect(await byDefault.exit).toBe(0);

    const disabled = await start(['--data', dataDir, '--static', 'none'], { cwd });
    expect((await fetch(`${disabled.url}/`, { headers: navigation })).status).toBe(404);
    expect(disabled.stderr()).toContain('serving no static files (--static none)');
    disabled.child.kill('SIGTERM');
    expect(await disabled.exit).toBe(0);
  });

  it('prints usage for --help and exits 0', async () => {
    const help = run(['--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout()).toContain('--data <dir>');
    expect(help.stdout()).toContain('default 127.0.0.1');
  });

  it('refuses an invalid port with exit code 2', async () => {
    const bad = run(['--port', 'eighty', '--data', join(tmpdir(), 'never-created')]);
    expect(await bad.exit).toBe(2);
  });
});

describe('resolveStaticDirOption', () => {
  it('picks the demo build when no directory is given and the build exists', async () => {
    const root = await makeTempDir();
    const build = join(root, 'apps', 'demo', 'dist');
    expect(resolveStaticDirOption(undefined, build)).toMatchObject({ staticDir: undefined });
    expect(resolveStaticDirOption(undefined, build).message).toMatch(/^serving no static files: the demo app is not built at /);

    await mkdir(build, { recursive: true });
    await writeFile(join(build, 'index.html'), '<!doctype html>');
    expect(resolveStaticDirOption(undefined, build)).toEqual({ staticDir: build, message: `serving the demo app from ${build}` });
    expect(resolveStaticDirOption('', build).staticDir).toBe(build);
  });

  it('serves nothing for "none" and the given directory otherwise', async () => {
    const root = await makeTempDir();
    expect(resolveStaticDirOption('none', root)).toEqual({ staticDir: undefined, message: 'serving no static files (--static none)' });
    expect(resolveStaticDirOption(root, join(root, 'unused'))).toEqual({ staticDir: root, message: `serving static files from ${root}` });
    expect(resolveStaticDirOption(join(root, 'missing'), root).message).toMatch(/^warning: the static directory .* does not exist/);
  });
});
