import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir, runCleanups, startTestRelay, testSecret, cleanups } from './auth.test-support.js';
import { spawnCli } from './cli.test-support.js';

afterEach(() => runCleanups());

async function startCli(args: string[]): Promise<string> {
  const relay = spawnCli(['--port', '0', '--static', 'none', '--data', await makeDataDir(), ...args], { cleanups });
  return new Promise<string>((resolve, reject) => {
    relay.child.stdout.on('data', () => {
      const match = /allmende-relay listening on (http:\/\/\S+)\n/.exec(relay.stdout());
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void relay.exit.then((code) => reject(new Error(`exited early with ${String(code)}: ${relay.stderr()}`)));
  });
}

function post(url: string): Promise<Response> {
  return fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ document: 'notes', access: 'write' }) });
}

describe('development link tokens are never issued by a relay that checks tokens', () => {
  it('the CLI with a JWT secret answers 404, without one it issues a token', async () => {
    const production = await post(await startCli(['--jwt-secret', testSecret]));
    expect(production.status).toBe(404);
    expect(await production.json()).toEqual({ error: expect.stringMatching(/not in development mode/) });

    const development = await post(await startCli([]));
    expect(development.status).toBe(200);
    expect(await development.json()).toMatchObject({ document: 'notes', access: 'write', token: expect.any(String) });
  });

  it('a relay with authentication refuses to issue link tokens, and answers 404 on the endpoint', async () => {
    await expect(startTestRelay({ auth: { jwtSecret: testSecret }, devLinkTokens: true })).rejects.toThrow(/development mode only/);
    const relay = await startTestRelay({ auth: { jwtSecret: testSecret } });
    const response = await post(relay.url);
    expect(response.status).toBe(404);
  });

  it('a development relay issues none unless asked to (library use)', async () => {
    const relay = await startTestRelay();
    expect((await post(relay.url)).status).toBe(404);
  });
});
