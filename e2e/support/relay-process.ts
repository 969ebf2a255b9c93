import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages', 'relay', 'dist', 'cli.js');
const demo = join(root, 'apps', 'demo', 'dist');

/**
 * The built relay CLI running as its own process, serving the built demo app, so a test can stop
 * it politely, kill it with SIGKILL, and start it again on the same port and data directory.
 */
export class RelayProcess {
  readonly dataDir: string;
  port = 0;
  #child: ChildProcess | null = null;
  #output = '';

  constructor(dataDir = mkdtempSync(join(tmpdir(), 'allmende-e2e-'))) {
    this.dataDir = dataDir;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Everything the relay printed, for failure messages. */
  get output(): string {
    return this.#output;
  }

  /** Starts the relay (on a free port the first time, on the same port afterwards) and waits until it listens. */
  async start(): Promise<void> {
    if (this.#child) throw new Error('relay already running');
    const child = spawn(process.execPath, [cli, '--host', '127.0.0.1', '--port', String(this.port), '--data', this.dataDir, '--static', demo], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`relay did not start:\n${this.#output}`)), 15_000);
      const onData = (chunk: Buffer) => {
        this.#output += chunk.toString();
        const match = /listening on http:\/\/[^:]+:(\d+)/.exec(this.#output);
        if (match) {
          clearTimeout(timer);
          this.port = Number(match[1]);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => { this.#output += chunk.toString(); });
      child.once('exit', (code) => {
        clearTimeout(timer);
        this.#child = null;
        reject(new Error(`relay exited with ${code} before listening:\n${this.#output}`));
      });
    });
  }

  /** Sends SIGTERM and waits for a clean exit; returns the exit code. */
  async stop(): Promise<number | null> {
    return this.#signal('SIGTERM');
  }

  /** Kills the process with SIGKILL: no flush, no goodbye, as in a crash. */
  async kill(): Promise<void> {
    await this.#signal('SIGKILL');
  }

  async #signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.#child;
    if (!child) return null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    const code = await exited;
    this.#child = null;
    return code;
  }
}
