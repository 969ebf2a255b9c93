import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

function run(args: string[]): { child: ReturnType<typeof spawn>; stdout: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, exit };
}

describe('allmende-relay CLI', () => {
  it('starts, announces itself once, serves, and exits 0 on SIGTERM', async () => {
    expect(existsSync(cli), 'build first: pnpm --filter @allmende/relay build').toBe(true);
    const root = await mkdtemp(join(tmpdir(), 'allmende-relay-cli-'));
    const dataDir = join(root, 'nested', 'data');
    try {
      const relay = run(['--port', '0', '--host', '127.0.0.1', '--data', dataDir]);
      const url = await new Promise<string>((resolve, reject) => {
        relay.child.stdout?.on('data', () => {
          const match = /allmende-relay listening on (http:\/\/\S+)\n/.exec(relay.stdout());
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        void relay.exit.then((code) => reject(new Error(`exited early with ${String(code)}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await stat(dataDir)).isDirectory()).toBe(true);
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });

      relay.child.kill('SIGTERM');
      expect(await relay.exit).toBe(0);
      expect(relay.stdout().trim().split('\n')).toEqual([`allmende-relay listening on ${url}`]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('prints usage for --help and exits 0', async () => {
    const help = run(['--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout()).toContain('--data <dir>');
  });

  it('refuses an invalid port with exit code 2', async () => {
    const bad = run(['--port', 'eighty', '--data', join(tmpdir(), 'never-created')]);
    expect(await bad.exit).toBe(2);
  });
});
