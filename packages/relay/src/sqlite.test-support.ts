// Shared by the relay tests: reads and writes the relay's SQLite file directly and synchronously,
// as a second process would, so a test can look at the store in the middle of a broadcast.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, sqliteFileName } from './sqlite-store.js';

function openDatabase(dataDir: string): Database.Database {
  return new Database(join(dataDir, sqliteFileName), { fileMustExist: true });
}

/** Returns the stored updates of document `name` in append order. */
export function readStoredUpdates(dataDir: string, name: string): Uint8Array[] {
  const db = openDatabase(dataDir);
  try {
    return db
      .prepare<[string], { data: Buffer }>('SELECT data FROM document_updates WHERE document = ? ORDER BY id')
      .all(name)
      .map((row) => new Uint8Array(row.data));
  } finally {
    db.close();
  }
}

/** Returns how many log rows document `name` has. */
export function countStoredRows(dataDir: string, name: string): number {
  const db = openDatabase(dataDir);
  try {
    return db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM document_updates WHERE document = ?').get(name)?.n ?? 0;
  } finally {
    db.close();
  }
}

/** Appends raw bytes to the log of document `name`, creating the database if needed. */
export async function appendStoredUpdate(dataDir: string, name: string, bytes: Uint8Array): Promise<void> {
  const store = new SqliteStore(join(dataDir, sqliteFileName));
  try {
    await store.append(name, bytes);
  } finally {
    await store.close();
  }
}
