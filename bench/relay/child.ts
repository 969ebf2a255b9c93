// A child process of the relay benchmark that speaks in lines: commands on stdin, answers on stdout.
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** A `node --import tsx <script>` child whose stdout lines can be awaited. */
export class LineProcess {
  readonly #child: ChildProcessByStdio<Writable, Readable, Readable>;
  readonly #label: string;
  #output = '';
  #errors = '';
  readonly #waiters: Array<() => void> = [];

  /** Starts `script` with `args` and Node flags `flags`; `label` names it in errors. */
  constructor(label: string, script: string, args: string[], flags: string[], cwd: string) {
    this.#label = label;
    this.#child = spawn(process.execPath, [...flags, '--import', 'tsx', script, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.stdout.on('data', (chunk: Buffer) => {
      this.#output += chunk.toString();
      for (const waiter of this.#waiters.splice(0)) waiter();
    });
    this.#child.stderr.on('data', (chunk: Buffer) => (this.#errors += chunk.toString()));
    this.#child.on('exit', () => {
      for (const waiter of this.#waiters.splice(0)) waiter();
    });
  }

  /** How much output there is so far: pass it to {@link nextLine} to wait for an answer to a later command. */
  get mark(): number {
    return this.#output.length;
  }

  /** Resolves with the rest of the first line after `from` that starts with `prefix`; rejects if the child exits first. */
  nextLine(prefix: string, from = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        // Complete lines only: a long answer arrives in several chunks.
        const complete = this.#output.slice(from, this.#output.lastIndexOf('\n') + 1);
        const line = complete.split('\n').find((candidate) => candidate.startsWith(prefix));
        if (line !== undefined) resolve(line.slice(prefix.length));
        else if (this.#child.exitCode !== null || this.#child.signalCode !== null) reject(new Error(`${this.#label} exited: ${this.#errors}`));
        else this.#waiters.push(check);
      };
      check();
    });
  }

  /** Sends one command line. */
  command(line: string): void {
    this.#child.stdin.write(`${line}\n`);
  }

  /** Sends `signal` and resolves once the child has exited. */
  async stop(signal: NodeJS.Signals): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.kill(signal);
    await exited;
  }
}
