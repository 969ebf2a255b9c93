// The CLI's operations surface: JSON logs with ids and no content, health, readiness and metrics.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cleanups, eventually, makeDataDir, runCleanups } from './auth.test-support.js';
import { spawnCli, type RunningCli } from './cli.test-support.js';
import { signDevelopmentToken } from './token-command.js';
import { opsFromFlags } from './ops-flags.js';

const secret = 'cli-ops-test-secret-that-is-long-enough-01';

afterEach(() => runCleanups());

async function start(args: string[], env: Record<string, string> = {}): Promise<RunningCli & { url: string }> {
  const relay = spawnCli(['--port', '0', '--static', 'none', '--data', await makeDataDir(), ...args], { env, cleanups, stopWith: 'SIGTERM' });
  const url = await new Promise<string>((resolve, reject) => {
    relay.child.stdout.on('data', () => {
      const match = /allmende-relay listening on (http:\/\/\S+)\n/.exec(relay.stdout());
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void relay.exit.then((code) => reject(new Error(`exited early with ${String(code)}: ${relay.stderr()}`)));
  });
  return { ...relay, url };
}

function connect(url: string, name: string, token: string): { provider: WebsocketProvider; text: Y.Text } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws'), name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { provider, text: doc.getText('content') };
}

function jsonLines(relay: RunningCli): Array<Record<string, unknown>> {
  return relay.rawStderr().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('allmende-relay operations', () => {
  it('logs JSON lines with document and user ids and never document content', async () => {
    const relay = await start([], { JWT_SECRET: secret });
    const writerToken = await signDevelopmentToken({ secret, sub: 'u-writer', name: 'Writer', access: ['team/*=write'] });
    const readerToken = await signDevelopmentToken({ secret, sub: 'u-reader', name: 'Reader', access: ['team/*=read'] });
    const writer = connect(relay.url, 'team/secret-plans', writerToken);
    const reader = connect(relay.url, 'team/secret-plans', readerToken);
    writer.text.insert(0, 'CONFIDENTIAL-CONTENT-1');
    await vi.waitFor(() => expect(reader.text.toString()).toBe('CONFIDENTIAL-CONTENT-1'), eventually);
    reader.text.insert(0, 'CONFIDENTIAL-CONTENT-2');
    await vi.waitFor(() => expect(jsonLines(relay).some((entry) => String(entry['msg']).startsWith('dropped an update'))).toBe(true), eventually);

    const dropped = jsonLines(relay).find((entry) => String(entry['msg']).startsWith('dropped an update'))!;
    expect(dropped).toMatchObject({ level: 40, document: 'team/secret-plans', user: 'u-reader', service: 'allmende-relay' });
    expect(typeof dropped['time']).toBe('string');
    expect(relay.rawStderr()).not.toContain('CONFIDENTIAL');
    expect(relay.rawStderr()).not.toContain(writerToken);
    for (const line of relay.rawStderr().split('\n').filter((text) => text !== '')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('answers /healthz, /readyz and /metrics, and closes clients with 1001 on SIGTERM', async () => {
    const relay = await start(['--log-format', 'text']);
    expect(await (await fetch(`${relay.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${relay.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
    // Development mode: the token parameter is not looked at.
    const client = connect(relay.url, 'ops/doc', 'none');
    await vi.waitFor(() => expect(client.provider.synced).toBe(true), eventually);
    client.text.insert(0, 'x');
    const response = await fetch(`${relay.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const metrics = await response.text();
    for (const name of [
      'allmende_relay_connections', 'allmende_relay_documents_loaded', 'allmende_relay_messages_received_total',
      'allmende_relay_received_bytes_total', 'allmende_relay_messages_sent_total', 'allmende_relay_sent_bytes_total',
      'allmende_relay_update_apply_seconds_bucket', 'allmende_relay_persist_seconds_bucket',
      'allmende_relay_rejected_messages_total', 'allmende_relay_redis_errors_total', 'allmende_relay_database_errors_total',
      'allmende_relay_process_cpu_seconds_total',
    ]) expect(metrics, name).toContain(name);
    expect(relay.stderr()).toMatch(/^\d{4}-\d\d-\d\dT.* DEVELOPMENT MODE/m);

    const closed = new Promise<number>((resolve) => client.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)));
    relay.child.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await relay.exit).toBe(0);
  });

  it('refuses bad storage and logging settings with exit code 2, naming the flag', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['--database-url', 'mysql://db/x'], {}, /--database-url must be a PostgreSQL URL/],
      [['--redis-url', 'redis://127.0.0.1:1'], {}, /--redis-url needs --database-url/],
      [[], { REDIS_URL: 'http://redis' }, /--redis-url must be a Redis URL/],
      [['--log-level', 'loud'], {}, /--log-level must be one of debug, info, warn, error, silent/],
      [['--log-format', 'xml'], {}, /--log-format must be json or text/],
      [['--compact-after', '0'], {}, /--compact-after must be a positive number/],
    ];
    const dataDir = await makeDataDir();
    const runs = cases.map(([args, env]) => spawnCli(['--port', '0', '--data', dataDir, ...args], { env, cleanups }));
    for (const [i, run] of runs.entries()) {
      expect(await run.exit, run.stderr()).toBe(2);
      expect(run.stderr()).toMatch(cases[i]![2]);
    }
  });

  it('reads the presence refresh interval from the flag or the environment and refuses a bad one', () => {
    expect(opsFromFlags({ 'presence-refresh-ms': '500' }, {}).presenceRefreshMs).toBe(500);
    expect(opsFromFlags({}, { PRESENCE_REFRESH_MS: '750' }).presenceRefreshMs).toBe(750);
    expect(opsFromFlags({}, {}).presenceRefreshMs).toBeUndefined();
    for (const bad of ['5', 'soon', '-100', '1.5']) {
      expect(() => opsFromFlags({ 'presence-refresh-ms': bad }, {})).toThrow(/--presence-refresh-ms must be a whole number of milliseconds of at least 10/);
    }
  });
});
