/**
 * One step of the storage schema: its version and the statements that take a store from the
 * previous version to it, per engine. Steps run in order, each in its own transaction, and each
 * applied version is recorded in the table `allmende_schema_migrations`.
 */
export interface Migration {
  /** Consecutive from 1. */
  readonly version: number;
  /** What the step does, recorded with it. */
  readonly description: string;
  /** The statements for SQLite. */
  readonly sqlite: string;
  /** The statements for PostgreSQL. */
  readonly postgres: string;
}

/** The name of the table that records which migrations were applied. */
export const migrationsTable = 'allmende_schema_migrations';

/** Every migration this relay knows, in order; the last one's version is the schema version it needs. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'document update log',
    sqlite: `
      CREATE TABLE IF NOT EXISTS document_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS document_updates_by_document ON document_updates (document, id);`,
    postgres: `
      CREATE TABLE IF NOT EXISTS document_updates (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        document TEXT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX IF NOT EXISTS document_updates_by_document ON document_updates (document, id);`,
  },
];

/** The schema version this relay needs: that of its last migration. */
export const currentSchemaVersion = migrations[migrations.length - 1]!.version;

/**
 * Returns the migrations still to apply to a store whose applied versions are `applied`; throws a
 * `RangeError` when the store was migrated by a newer relay (it has versions this one does not know).
 */
export function pendingMigrations(applied: readonly number[]): Migration[] {
  const newest = Math.max(0, ...applied);
  if (newest > currentSchemaVersion) {
    throw new RangeError(
      `the database has schema version ${newest}, this relay understands up to ${currentSchemaVersion}; run a relay at least as new as the one that migrated it`,
    );
  }
  const done = new Set(applied);
  return migrations.filter((migration) => !done.has(migration.version));
}
