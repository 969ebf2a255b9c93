// Several relays sharing their documents through a real PostgreSQL and a real Redis.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRelay, type Relay } from './index.js';
import { PostgresStore } from './postgres-store.js';
import { spawnCli, type RunningCli } from './cli.test-support.js';
import { createDatabase, freePort, startPostgres, startRedis, type TestServer } from './servers.test-support.js';

let postgres: TestServer;
let redis: TestServer;
let databases = 0;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const eventually = { timeout: 15_000, interval: 50 };

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
}

function connect(wsUrl: string, name: string, user?: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  provider.awareness.setLocalState(user === undefined ? null : { user });
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider, text: doc.getText('content') };
}

function synced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => client.provider.once('sync', (isSynced: boolean) => isSynced && resolve()));
}

async function newDatabase(): Promise<string> {
  return createDatabase(postgres.url, `scale_${++databases}`);
}

const relayLogs: string[] = [];

async function startShared(databaseUrl: string, options: { compactAfter?: number } = {}): Promise<Relay> {
  const relay = await startRelay({ port: 0, databaseUrl, redisUrl: redis.url, limits: { connectionsPerAddress: 1000 }, logger: (line) => relayLogs.push(line), ...options });
  cleanups.push(() => relay.close());
  return relay;
}

/** Reads a document straight from PostgreSQL, as a fresh relay would. */
async function storedText(databaseUrl: string, name: string): Promise<string> {
  const store = await PostgresStore.open({ connectionString: databaseUrl });
  try {
    const doc = new Y.Doc();
    for (const row of await store.load(name)) Y.applyUpdate(doc, row.data);
    return doc.getText('content').toString();
  } finally {
    await store.close();
  }
}

describe('relays sharing PostgreSQL and Redis', () => {
  it('pass edits and presence between clients on different instances', async () => {
    const databaseUrl = await newDatabase();
    const [a, b] = await Promise.all([startShared(databaseUrl), startShared(databaseUrl)]);
    const ada = connect(a.wsUrl, 'team/minutes', 'ada');
    const bob = connect(b.wsUrl, 'team/minutes', 'bob');
    await Promise.all([synced(ada), synced(bob)]);

    ada.text.insert(0, 'from A');
    await vi.waitFor(() => expect(bob.text.toString()).toBe('from A'), eventually);
    bob.text.insert(6, ', from B');
    await vi.waitFor(() => expect(ada.text.toString()).toBe('from A, from B'), eventually);
    await vi.waitFor(() => expect(bob.provider.awareness.getStates().get(ada.doc.clientID)).toEqual({ user: 'ada' }), eventually);
    await vi.waitFor(() => expect(ada.provider.awareness.getStates().get(bob.doc.clientID)).toEqual({ user: 'bob' }), eventually);

    // Bob's tab closes: his presence disappears on the other instance too.
    bob.provider.destroy();
    await vi.waitFor(() => expect(ada.provider.awareness.getStates().has(bob.doc.clientID)).toBe(false), eventually);
  });

  it('gives an instance that loads a document the current state, including updates in flight', async () => {
    const databaseUrl = await newDatabase();
    const [a, b] = await Promise.all([startShared(databaseUrl), startShared(databaseUrl)]);
    const writer = connect(a.wsUrl, 'late/load');
    await synced(writer);
    // Keeps typing while the other instance loads the document.
    let typed = '';
    const typing = setInterval(() => {
      const letter = String.fromCharCode(97 + (typed.length % 26));
      typed += letter;
      writer.text.insert(writer.text.length, letter);
    }, 5);
    cleanups.push(() => clearInterval(typing));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(b.loadedDocuments).toBe(0);
    const reader = connect(b.wsUrl, 'late/load');
    await synced(reader);
    await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(typing);
    await vi.waitFor(() => expect(reader.text.toString()).toBe(typed), eventually);
    expect(writer.text.toString()).toBe(typed);
  });

  it('compacts concurrently on three instances without losing an update', async () => {
    const databaseUrl = await newDatabase();
    const relays = await Promise.all([1, 2, 3].map(() => startShared(databaseUrl, { compactAfter: 4 })));
    const writers = relays.map((relay) => connect(relay.wsUrl, 'busy'));
    await Promise.all(writers.map(synced));
    const expected: string[] = [];
    for (let round = 0; round < 40; round++) {
      writers.forEach((writer, i) => {
        const token = `<${i}.${round}>`;
        expected.push(token);
        writer.text.insert(writer.text.length, token);
      });
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const complete = (text: string): boolean => expected.every((token) => text.includes(token));
    await vi.waitFor(() => expect(writers.every((writer) => complete(writer.text.toString()))).toBe(true), eventually);
    const texts = writers.map((writer) => writer.text.toString());
    expect(new Set(texts).size).toBe(1);
    await vi.waitFor(async () => expect(await storedText(databaseUrl, 'busy')).toBe(texts[0]), eventually);

    // The log stays short: each instance merges what it holds, one at a time per document.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM document_updates WHERE document = 'busy'");
    await client.end();
    expect(Number(rows[0]!.n)).toBeLessThan(40);
  });

  it('catches up from the database on what Redis dropped while it was down', async () => {
    const databaseUrl = await newDatabase();
    let ownRedis = await startRedis();
    cleanups.push(() => ownRedis.stop());
    const start = async (): Promise<Relay> => {
      const relay = await startRelay({ port: 0, databaseUrl, redisUrl: ownRedis.url });
      cleanups.push(() => relay.close());
      return relay;
    };
    const [a, b] = await Promise.all([start(), start()]);
    const ada = connect(a.wsUrl, 'outage');
    const bob = connect(b.wsUrl, 'outage');
    await Promise.all([synced(ada), synced(bob)]);
    ada.text.insert(0, 'before ');
    await vi.waitFor(() => expect(bob.text.toString()).toBe('before '), eventually);

    await ownRedis.stop();
    ada.text.insert(7, 'during the outage');
    // Stored by A; its publish fails once ioredis gives up retrying, so only the database has it,
    // and B's periodic catch-up (every 2 s) reads it from there while Redis is still down.
    await vi.waitFor(async () => expect(await storedText(databaseUrl, 'outage')).toBe('before during the outage'), eventually);
    await vi.waitFor(() => expect(bob.text.toString()).toBe('before during the outage'), eventually);
    ownRedis = await startRedis(ownRedis.port);
    // And the fan-out works again, both ways.
    bob.text.insert(0, '>');
    await vi.waitFor(() => expect(ada.text.toString()).toBe('>before during the outage'), eventually);
  });

  it('removes presence whose removal Redis lost, and keeps presence that is still refreshed', async () => {
    const databaseUrl = await newDatabase();
    let ownRedis = await startRedis();
    cleanups.push(() => ownRedis.stop());
    const logs: string[] = [];
    const start = async (): Promise<Relay> => {
      const relay = await startRelay({ port: 0, databaseUrl, redisUrl: ownRedis.url, presenceRefreshMs: 200, logger: (line) => logs.push(line) });
      cleanups.push(() => relay.close());
      return relay;
    };
    const [a, b] = await Promise.all([start(), start()]);
    const ada = connect(a.wsUrl, 'cursors', 'ada');
    const cyd = connect(a.wsUrl, 'cursors', 'cyd');
    const bob = connect(b.wsUrl, 'cursors', 'bob');
    await Promise.all([synced(ada), synced(cyd), synced(bob)]);
    await vi.waitFor(() => {
      expect(bob.provider.awareness.getStates().get(ada.doc.clientID)).toEqual({ user: 'ada' });
      expect(bob.provider.awareness.getStates().get(cyd.doc.clientID)).toEqual({ user: 'cyd' });
    }, eventually);

    // Ada leaves while Redis is down: A's removal is never delivered to B.
    await ownRedis.stop();
    ada.provider.destroy();
    // Until ioredis gave up on the publish (three retries), so it is not sent when Redis is back.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    ownRedis = await startRedis(ownRedis.port);
    // Without the refresh, B would keep Ada's cursor until the 30 s awareness timeout (longer than `eventually`).
    await vi.waitFor(() => expect(bob.provider.awareness.getStates().has(ada.doc.clientID)).toBe(false), eventually);
    expect(logs.some((line) => line.includes('presence states that other relay instances no longer announce'))).toBe(true);
    // Cyd is still on A, whose refreshes reach B again: B shows her once more, and keeps showing her.
    // (Her client renews its state within 15 s; B takes the refresh even if it dropped her during the outage.)
    await vi.waitFor(() => expect(bob.provider.awareness.getStates().get(cyd.doc.clientID)).toEqual({ user: 'cyd' }), { timeout: 20_000, interval: 50 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(bob.provider.awareness.getStates().get(cyd.doc.clientID)).toEqual({ user: 'cyd' });
  }, 60_000);

  it('reports readiness and metrics, and is not ready while Redis is down', async () => {
    const databaseUrl = await newDatabase();
    const ownRedis = await startRedis();
    cleanups.push(() => ownRedis.stop());
    const relay = await startRelay({ port: 0, databaseUrl, redisUrl: ownRedis.url });
    cleanups.push(() => relay.close());
    const ready = await fetch(`${relay.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });

    const client = connect(relay.wsUrl, 'metered');
    await synced(client);
    client.text.insert(0, 'counted');
    await vi.waitFor(async () => expect(await storedText(databaseUrl, 'metered')).toBe('counted'), eventually);
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toMatch(/^allmende_relay_connections 1$/m);
    expect(metrics).toMatch(/^allmende_relay_documents_loaded 1$/m);
    expect(metrics).toMatch(/^allmende_relay_persist_seconds_count [1-9]/m);
    expect(metrics).toMatch(/^allmende_relay_update_apply_seconds_count [1-9]/m);
    expect(metrics).toMatch(/^allmende_relay_messages_received_total\{kind="update"\} [1-9]/m);

    await ownRedis.stop();
    const notReady = await fetch(`${relay.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready', checks: { database: 'ok', redis: 'unreachable' } });
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    await vi.waitFor(async () => expect(await (await fetch(`${relay.url}/metrics`)).text()).toMatch(/^allmende_relay_redis_errors_total [1-9]/m), eventually);
  });
});

describe('three relay processes with PostgreSQL and Redis', () => {
  async function startProcess(port: number, databaseUrl: string): Promise<RunningCli> {
    const relay = spawnCli(['--port', String(port), '--static', 'none', '--connections-per-address', '1000', '--compact-after', '25'], {
      env: { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, LOG_LEVEL: 'info', LOG_FORMAT: 'text' },
      cleanups,
    });
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (relay.stdout().includes('listening on')) {
          clearInterval(check);
          resolve();
        }
      }, 20);
      void relay.exit.then((code) => {
        clearInterval(check);
        reject(new Error(`relay exited early with ${String(code)}: ${relay.stderr()}`));
      });
    });
    return relay;
  }

  it('converge for 30 clients on three instances, one SIGKILLed and restarted mid-run, losing nothing', async () => {
    const databaseUrl = await newDatabase();
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    const processes = await Promise.all(ports.map((port) => startProcess(port, databaseUrl)));
    // 18 clients on one shared document, 12 on four others (three each), spread over the instances.
    const names = ['shared', 'other/1', 'other/2', 'other/3', 'other/4'];
    const clients = Array.from({ length: 30 }, (_, i) => {
      const name = i < 18 ? 'shared' : names[1 + ((i - 18) % 4)]!;
      return { name, instance: i % 3, tokens: [] as string[], ...connect(`ws://127.0.0.1:${ports[i % 3]!}`, name, `user-${i}`) };
    });
    await Promise.all(clients.map(synced));

    const type = (round: number): void => {
      for (const [i, client] of clients.entries()) {
        const token = `<${i}.${round}>`;
        client.tokens.push(token);
        client.text.insert(client.text.length, token);
      }
    };
    for (let round = 0; round < 10; round++) {
      type(round);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // Whatever an observer on instance 0 has received from the others was broadcast; once instance 1
    // is killed, all of it must be in the database.
    const observer = clients.find((client) => client.instance === 0 && client.name === 'shared')!;
    await new Promise((resolve) => setTimeout(resolve, 100));
    processes[1]!.child.kill('SIGKILL');
    await processes[1]!.exit;
    const seen = observer.text.toString();
    const stored = await storedText(databaseUrl, 'shared');
    const broadcastTokens = seen.match(/<\d+\.\d+>/g) ?? [];
    expect(broadcastTokens.length).toBeGreaterThan(100);
    for (const token of broadcastTokens) expect(stored).toContain(token);

    // The killed instance's clients keep typing offline, then it comes back on the same port.
    for (let round = 10; round < 15; round++) {
      type(round);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const killed = processes[1]!;
    processes[1] = await startProcess(ports[1]!, databaseUrl);
    for (let round = 15; round < 20; round++) {
      type(round);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const dumpLogs = (): string => processes.map((relay, i) => `--- instance ${i}:\n${relay.stderr()}`).join('\n');
    const killedLogs = killed.stderr();
    for (const name of names) {
      const group = clients.filter((client) => client.name === name);
      const expected = group.flatMap((client) => client.tokens);
      await vi.waitFor(() => {
        for (const [index, client] of group.entries()) {
          const text = client.text.toString();
          const missing = expected.filter((token) => !text.includes(token));
          expect(missing, `client ${index} of "${name}" on instance ${client.instance} lacks these; logs:\n${dumpLogs()}\n--- killed instance 1:\n${killedLogs}`).toEqual([]);
        }
      }, { timeout: 30_000, interval: 100 });
      const texts = new Set(group.map((client) => client.text.toString()));
      expect(texts.size).toBe(1);
      await vi.waitFor(async () => expect(await storedText(databaseUrl, name)).toBe([...texts][0]), eventually);
    }

    // A fresh client on each instance, with nothing local, gets everything.
    const sharedText = observer.text.toString();
    for (const port of ports) {
      const fresh = connect(`ws://127.0.0.1:${port}`, 'shared');
      await synced(fresh);
      await vi.waitFor(() => expect(fresh.text.toString()).toBe(sharedText), eventually);
    }
  }, 90_000);
});
