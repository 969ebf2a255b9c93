import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { spawnCli, type RunningCli } from './cli.test-support.js';


const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});


async function run(args: string[], env: Record<string, string> = {}): Promise<RunningCli> {
  const dataDir = await mkdtemp(join(tmpdir(), 'allmende-relay-cli-limits-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  return spawnCli(['--port', '0', '--data', dataDir, '--static', 'none', ...args], { env, cleanups, stopWith: 'SIGTERM' });
}

async function listening(relay: RunningCli): Promise<string> {
  await vi.waitFor(() => expect(relay.stdout()).toMatch(/listening on http:\/\//), { timeout: 10_000, interval: 20 });
  return /listening on http:\/\/(\S+)/.exec(relay.stdout())![1]!;
}

function open(url: string): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(url);
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  cleanups.push(() => socket.terminate());
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

describe('allmende-relay limit flags', () => {
  it('applies --max-message-bytes and logs the breach', async () => {
    const relay = await run(['--max-message-bytes', '1KiB']);
    const address = await listening(relay);
    const { socket, closed } = await open(`ws://${address}/cli/size`);
    socket.send(new Uint8Array(4096));
    expect(await closed).toBe(1009);
    await vi.waitFor(() => expect(relay.stderr()).toContain('closing a connection to "cli/size" with 1009: a message larger than 1024 bytes'), {
      timeout: 5000,
      interval: 20,
    });
  });

  it('takes limits from the environment', async () => {
    const relay = await run([], { CONNECTIONS_PER_ADDRESS: '1' });
    const address = await listening(relay);
    await open(`ws://${address}/cli/address`);
    const second = await open(`ws://${address}/cli/address`);
    expect(await second.closed).toBe(4529);
  });

  it('refuses a bad limit with exit code 2, naming the flag', async () => {
    const relay = await run(['--messages-per-second', '0']);
    expect(await relay.exit).toBe(2);
    expect(relay.stderr()).toContain('--messages-per-second must be a positive number');
  });

  it('lists the limit flags in --help', async () => {
    const relay = await run(['--help']);
    expect(await relay.exit).toBe(0);
    for (const flag of ['--max-message-bytes', '--messages-per-second', '--connections-per-address', '--presence-states-per-connection', '--max-document-bytes', '--max-update-structs', '--trust-proxy']) {
      expect(relay.stdout()).toContain(flag);
    }
  });
});
