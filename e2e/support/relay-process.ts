import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages', 'relay', 'dist', 'cli.js');
/** The built demo app, which the relay serves by default. */
export const demoApp = join(root, 'apps', 'demo', 'dist');
/** The built element harness page (e2e/harness). */
export const elementHarness = join(root, 'e2e', 'harness', 'dist');

/**
 * The built relay CLI running as its own process, serving the built demo app, so a test can stop
 * it politely, kill it with SIGKILL, and start it again on the same port and data directory.
 */
export class RelayProcess {
  readonly dataDir: string;
  readonly staticDir: string;
  readonly extraArgs: readonly string[];
  port = 0;
  #child: ChildProcess | null = null;
  #output = '';

  constructor(options: { dataDir?: string; staticDir?: string; args?: readonly string[] } = {}) {
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'allmende-e2e-'));
    this.staticDir = options.staticDir ?? demoApp;
    this.extraArgs = options.args ?? [];
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

  /**
   * Starts the relay (on a free port the first time, on the same port afterwards) and waits until
   * it listens. A restart retries for a while if the old port is still held (TIME_WAIT, or
   * another test's relay grabbed it in between).
   */
  async start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#startOnce();
        return;
      } catch (error) {
        if (this.port === 0 || attempt >= 20 || !/EADDRINUSE/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  async #startOnce(): Promise<void> {
    this.#output = '';
    if (this.#child) throw new Error('relay already running');
    const child = spawn(process.execPath, [cli, '--host', '127.0.0.1', '--port', String(this.port), '--data', this.dataDir, '--static', this.staticDir, ...this.extraArgs], {
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

/** Mints a development token with the relay CLI's `token` command, as an operator would. */
export function mintToken(options: { secret: string; sub: string; name: string; access: string[]; expiresIn?: string }): string {
  const args = [cli, 'token', '--secret', options.secret, '--sub', options.sub, '--name', options.name];
  for (const rule of options.access) args.push('--access', rule);
  if (options.expiresIn) args.push('--expires-in', options.expiresIn);
  return execFileSync(process.execPath, args, { encoding: 'utf8' }).trim();
}
