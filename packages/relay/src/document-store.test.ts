// The storage suite: the same behaviour checked against SQLite and a real PostgreSQL server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStore } from './document-store.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore, sqliteFileName } from './sqlite-store.js';
import { createDatabase, freePort, startPostgres, type TestServer } from './servers.test-support.js';
import { currentSchemaVersion, migrationsTable } from './store-migrations.js';

let postgres: TestServer;
let databases = 0;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A place to keep one store's data, and how to open a store on it (again). */
interface Backend {
  open(): Promise<DocumentStore>;
  /** Runs SQL directly against the storage, outside the store. */
  sql(statement: string): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'allmende-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, sqliteFileName);
  return {
    open: async () => track(new SqliteStore(file)),
    sql: (statement) => {
      const db = new Database(file);
      db.exec(statement);
      db.close();
      return Promise.resolve();
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const url = await createDatabase(postgres.url, `store_${++databases}`);
  return {
    open: async () => track(await PostgresStore.open({ connectionString: url })),
    sql: async (statement) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(statement);
      await client.end();
    },
  };
}

function track(store: DocumentStore): DocumentStore {
  cleanups.push(() => store.close());
  return store;
}

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('document store on %s', (engine, makeBackend) => {
  it('returns no rows for a document it never stored', async () => {
    const store = await (await makeBackend()).open();
    expect(await store.load('nothing/here')).toEqual([]);
  });

  it('returns appended updates in order, byte for byte, with increasing ids, per document', async () => {
    const store = await (await makeBackend()).open();
    const first = await store.append('a', bytes(0, 1, 2, 0, 255));
    const other = await store.append('b', bytes(9));
    const second = await store.append('a', new Uint8Array(70_000).fill(7));
    expect(second).toBeGreaterThan(first);
    expect(other).not.toBe(first);
    const rows = await store.load('a');
    expect(rows.map((row) => row.id)).toEqual([first, second]);
    expect([...rows[0]!.data]).toEqual([0, 1, 2, 0, 255]);
    expect(rows[1]!.data.byteLength).toBe(70_000);
    expect((await store.load('b')).map((row) => [...row.data])).toEqual([[9]]);
  });

  it('lists row ids and loads chosen rows, skipping ids that are gone', async () => {
    const store = await (await makeBackend()).open();
    const a = await store.append('listed', bytes(1));
    const b = await store.append('listed', bytes(2));
    await store.append('elsewhere', bytes(3));
    expect((await store.listIds('listed')).sort((x, y) => x - y)).toEqual([a, b]);
    const rows = await store.loadRows('listed', [b, 999_999]);
    expect(rows.map((row) => [row.id, [...row.data]])).toEqual([[b, [2]]]);
  });

  it('keeps every one of many concurrent appends, each under the id it was given', async () => {
    const store = await (await makeBackend()).open();
    const appends = Array.from({ length: 400 }, (_, i) => store.append(`doc-${i % 3}`, bytes(i % 256, Math.floor(i / 256))));
    const ids = await Promise.all(appends);
    expect(new Set(ids).size).toBe(400);
    const byId = new Map<number, number[]>();
    for (const name of ['doc-0', 'doc-1', 'doc-2']) for (const row of await store.load(name)) byId.set(row.id, [...row.data]);
    expect(byId.size).toBe(400);
    ids.forEach((id, i) => expect(byId.get(id)).toEqual([i % 256, Math.floor(i / 256)]));
  });

  it('compacts exactly the rows it is given and leaves rows appended meanwhile', async () => {
    const store = await (await makeBackend()).open();
    const a = await store.append('doc', bytes(1));
    const b = await store.append('doc', bytes(2));
    const later = await store.append('doc', bytes(3));
    const merged = await store.compact('doc', [a, b], bytes(1, 2));
    expect(merged).not.toBeNull();
    const rows = await store.load('doc');
    expect(rows.map((row) => [...row.data]).sort()).toEqual([[1, 2], [3]]);
    expect(rows.some((row) => row.id === later)).toBe(true);
    // Rows already gone (compacted by another instance) are simply not there to delete.
    await store.compact('doc', [a, later], bytes(1, 3));
    expect((await store.load('doc')).map((row) => [...row.data]).sort()).toEqual([[1, 2], [1, 3]]);
  });

  it('keeps its content across closing and reopening, and records its schema version once', async () => {
    const backend = await makeBackend();
    const store = await backend.open();
    await store.append('kept', bytes(4, 2));
    await store.close();
    const reopened = await backend.open();
    expect((await reopened.load('kept')).map((row) => [...row.data])).toEqual([[4, 2]]);
    await reopened.ping();
  });

  it('refuses a database migrated by a newer relay, naming both versions', async () => {
    const backend = await makeBackend();
    await (await backend.open()).close();
    const future = currentSchemaVersion + 1;
    await backend.sql(
      engine === 'SQLite'
        ? `INSERT INTO ${migrationsTable} (version, description, applied_at) VALUES (${future}, 'from the future', 'now')`
        : `INSERT INTO ${migrationsTable} (version, description) VALUES (${future}, 'from the future')`,
    );
    await expect(backend.open()).rejects.toThrow(new RegExp(`schema version ${currentSchemaVersion + 1}, this relay understands up to ${currentSchemaVersion}`));
  });

  it('rejects appends after it was closed', async () => {
    const store = await (await makeBackend()).open();
    await store.close();
    await expect(store.append('late', bytes(1))).rejects.toThrow();
  });
});

describe('SQLite store', () => {
  it('opens a database of the relay before migrations were recorded, keeping its rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allmende-store-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, sqliteFileName);
    const legacy = new Database(file);
    legacy.exec(`CREATE TABLE document_updates (id INTEGER PRIMARY KEY AUTOINCREMENT, document TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX document_updates_by_document ON document_updates (document, id);
      PRAGMA user_version = 1;
      INSERT INTO document_updates (document, data) VALUES ('old', x'0102');`);
    legacy.close();
    const store = track(new SqliteStore(file));
    expect((await store.load('old')).map((row) => [...row.data])).toEqual([[1, 2]]);
    const check = new Database(file, { readonly: true });
    expect(check.prepare(`SELECT version FROM ${migrationsTable}`).all()).toEqual([{ version: 1 }]);
    check.close();
  });
});

describe('PostgreSQL store', () => {
  it('skips compacting while another instance holds the document, changing nothing', async () => {
    const url = await createDatabase(postgres.url, `store_${++databases}`);
    const store = track(await PostgresStore.open({ connectionString: url }));
    const a = await store.append('busy', bytes(1));
    const b = await store.append('busy', bytes(2));
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    cleanups.push(() => other.end());
    await other.query('BEGIN');
    await other.query("SELECT pg_advisory_xact_lock(hashtextextended('allmende-compact:' || $1, 0))", ['busy']);
    expect(await store.compact('busy', [a, b], bytes(1, 2))).toBeNull();
    expect((await store.load('busy')).map((row) => row.id)).toEqual([a, b]);
    await other.query('COMMIT');
    expect(await store.compact('busy', [a, b], bytes(1, 2))).not.toBeNull();
    expect((await store.load('busy')).map((row) => [...row.data])).toEqual([[1, 2]]);
  });

  it('migrates once when several relays start at the same time', async () => {
    const url = await createDatabase(postgres.url, `store_${++databases}`);
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open({ connectionString: url })));
    for (const store of stores) track(store);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM ${migrationsTable}`);
    await client.end();
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('rejects a URL that is not a PostgreSQL URL and a server that does not answer', async () => {
    await expect(PostgresStore.open({ connectionString: 'mysql://localhost/x' })).rejects.toThrow(/must start with postgres:\/\//);
    const port = await freePort();
    const errors: Error[] = [];
    await expect(PostgresStore.open({ connectionString: `postgres://nobody@127.0.0.1:${port}/x`, onError: (error) => errors.push(error) })).rejects.toThrow(/ECONNREFUSED/);
    expect(errors.length).toBeGreaterThan(0);
  });
});
