import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cleanups, eventually, makeDataDir, runCleanups } from './auth.test-support.js';
import { spawnCli, type RunningCli } from './cli.test-support.js';

const secret = 'cli-test-secret-that-is-long-enough-0001';

afterEach(() => runCleanups());


function run(args: string[], env: Record<string, string> = {}): RunningCli {
  return spawnCli(args, { env, cleanups });
}

async function start(args: string[], env: Record<string, string> = {}): Promise<RunningCli & { url: string }> {
  const relay = run(['--port', '0', '--static', 'none', '--data', await makeDataDir(), ...args], env);
  const url = await new Promise<string>((resolve, reject) => {
    relay.child.stdout?.on('data', () => {
      const match = /allmende-relay listening on (http:\/\/\S+)\n/.exec(relay.stdout());
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void relay.exit.then((code) => reject(new Error(`exited early with ${String(code)}: ${relay.stderr()}`)));
  });
  return { ...relay, url };
}

async function mint(args: string[], env: Record<string, string> = {}): Promise<string> {
  const command = run(['token', ...args], env);
  expect(await command.exit, command.stderr()).toBe(0);
  return command.stdout().trim();
}

function connect(url: string, name: string, token: string): { provider: WebsocketProvider; doc: Y.Doc; closed: Promise<{ code: number; reason: string }> } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws'), name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => provider.once('closed', (event) => resolve(event)));
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { provider, doc, closed };
}

describe('allmende-relay token', () => {
  it('prints an HS256 token that a relay with the same secret accepts', async () => {
    const token = await mint(['--secret', secret, '--sub', 'u-ada', '--name', 'Ada', '--access', 'team/*=write', '--access', 'public/**=read', '--expires-in', '2h']);
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'u-ada', name: 'Ada', access: ['team/*=write', 'public/**=read'] });
    expect(claims.exp! - claims.iat!).toBe(7200);

    const relay = await start([], { JWT_SECRET: secret });
    expect(relay.stderr()).not.toMatch(/DEVELOPMENT MODE/);
    await vi.waitFor(() => expect(relay.stderr()).toContain('accepting HS256 tokens signed with the shared secret'), eventually);
    const writer = connect(relay.url, 'team/minutes', token);
    const reader = connect(relay.url, 'public/news', token);
    await vi.waitFor(() => expect(writer.provider.synced && reader.provider.synced).toBe(true), eventually);
    const forbidden = connect(relay.url, 'hr/salaries', token);
    expect(await forbidden.closed).toMatchObject({ code: 4403 });
    const forged = connect(relay.url, 'team/minutes', await mint(['--secret', 'x'.repeat(40), '--sub', 'u-eve', '--access', '**=write']));
    expect(await forged.closed).toEqual({ code: 4401, reason: 'bad token signature' });
  });

  it('sets audience and issuer, and takes the secret from JWT_SECRET', async () => {
    const token = await mint(['--sub', 'u1', '--access', 'a=read', '--audience', 'allmende', '--issuer', 'https://portal.example'], { JWT_SECRET: secret });
    expect(decodeJwt(token)).toMatchObject({ sub: 'u1', name: 'u1', aud: 'allmende', iss: 'https://portal.example' });
  });

  it('refuses bad arguments with exit code 2 and a reason', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--sub', 'u1', '--access', 'a=read'], /--secret \(or JWT_SECRET\) is required/],
      [['--secret', 'short', '--sub', 'u1', '--access', 'a=read'], /at least 32 bytes/],
      [['--secret', secret, '--access', 'a=read'], /--sub is required/],
      [['--secret', secret, '--sub', 'u1'], /at least one access entry/],
      [['--secret', secret, '--sub', 'u1', '--access', 'a=admin'], /role must be one of/],
      [['--secret', secret, '--sub', 'u1', '--access', 'a=read', '--expires-in', 'soon'], /expires-in must be a time span/],
      [['--secret', secret, '--sub', 'u1', '--access', 'a=read', '--bogus'], /Unknown option '--bogus'/],
    ];
    const commands = cases.map(([args]) => run(['token', ...args]));
    const exits = await Promise.all(commands.map((command) => command.exit));
    cases.forEach(([args, reason], i) => {
      expect(exits[i], args.join(' ')).toBe(2);
      expect(commands[i]!.stderr()).toMatch(reason);
      expect(commands[i]!.stdout()).toBe('');
    });
  });
});

describe('allmende-relay authentication flags', () => {
  it('warns loudly in development mode and refuses a non-loopback host unless allowed', async () => {
    const local = await start([]);
    expect(local.stderr()).toMatch(/DEVELOPMENT MODE[\s\S]*only from this machine/);

    const refused = run(['--host', '0.0.0.0', '--port', '0', '--data', await makeDataDir()]);
    expect(await refused.exit).toBe(2);
    expect(refused.stderr()).toMatch(/refusing to listen on 0\.0\.0\.0 without authentication/);
    expect(refused.stderr()).toMatch(/--allow-insecure-dev/);

    const allowed = await start(['--host', '0.0.0.0', '--allow-insecure-dev']);
    expect(allowed.stderr()).toMatch(/DEVELOPMENT MODE[\s\S]*FROM THE NETWORK \(0\.0\.0\.0\)/);
    const allowedByEnv = await start(['--host', '0.0.0.0'], { ALLOW_INSECURE_DEV: '1' });
    expect(allowedByEnv.stderr()).toMatch(/FROM THE NETWORK/);
    const secured = await start(['--host', '0.0.0.0', '--jwt-secret', secret]);
    expect(secured.stderr()).not.toMatch(/DEVELOPMENT MODE/);
  });

  it('refuses token settings without a secret or issuer, and a bad clock tolerance', async () => {
    const dataDir = await makeDataDir();
    const withoutKey = run(['--audience', 'allmende', '--port', '0', '--data', dataDir]);
    expect(await withoutKey.exit).toBe(2);
    expect(withoutKey.stderr()).toMatch(/need --jwt-secret or --oidc-issuer/);
    const badTolerance = run(['--jwt-secret', secret, '--clock-tolerance', 'lots', '--port', '0', '--data', dataDir]);
    expect(await badTolerance.exit).toBe(2);
    expect(badTolerance.stderr()).toMatch(/--clock-tolerance must be a number of seconds/);
  });

  it('lists the authentication flags and the token command in --help', async () => {
    const help = run(['--help']);
    expect(await help.exit).toBe(0);
    for (const flag of ['--jwt-secret', '--oidc-issuer', '--audience', '--allow-insecure-dev', 'allmende-relay token']) expect(help.stdout()).toContain(flag);
    const tokenHelp = run(['token', '--help']);
    expect(await tokenHelp.exit).toBe(0);
    expect(tokenHelp.stdout()).toContain('--access <P=ROLE>');
  });
});
