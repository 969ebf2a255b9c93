import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages', 'relay', 'dist', 'cli.js');

/**
 * The built relay CLI as its own process, as an operator runs it (the approach of
 * e2e/support/relay-process.ts): on a free port, serving `staticDir`, with a connection limit per
 * address high enough for a browser and the remote typists on one machine.
 */
export class RelayProcess {
  port = 0;
  #child: ChildProcess | null = null;
  #output = '';

  constructor(readonly options: { dataDir: string; staticDir: string }) {}

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Starts the relay and waits until it listens. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, [cli, '--host', '127.0.0.1', '--port', '0', '--data', this.options.dataDir,
      '--static', this.options.staticDir, '--connections-per-address', '1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    // Never leave a relay behind, also when the benchmark fails or is interrupted.
    const killOnExit = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`relay did not start:\n${this.#output}`)), 15_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        this.#output += chunk.toString();
        const match = /listening on http:\/\/[^:]+:(\d+)/.exec(this.#output);
        if (match) {
          clearTimeout(timer);
          this.port = Number(match[1]);
          resolve();
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => {
        this.#output += chunk.toString();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        this.#child = null;
        reject(new Error(`relay exited with ${code} before listening:\n${this.#output}`));
      });
    });
  }

  /** Everything the relay printed, for failure messages. */
  get output(): string {
    return this.#output;
  }

  /** Sends SIGTERM and waits for the process to exit. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
    this.#child = null;
  }
}
