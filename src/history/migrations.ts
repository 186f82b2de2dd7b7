// Versioned schema migrations of the run history, the same list for both backends, applied in order:
// SQLite records the last one applied in PRAGMA user_version, PostgreSQL in the schema_version table of
// its proofline_history schema (postgres-history-sql.ts). `postgres` replaces `sql` where the dialects differ.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  postgres?: string;
}

/** Version 1 in either dialect: they differ only in the binary type of the stored results. */
const runsV1 = (binary: 'BLOB' | 'BYTEA') => `
      CREATE TABLE runs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
        error TEXT,
        package_path TEXT,
        manifest_sha256 TEXT,
        previous_manifest_sha256 TEXT,
        results_sha256 TEXT,
        summary_json TEXT,
        previous_entry_sha256 TEXT,
        entry_sha256 TEXT NOT NULL
      );
      CREATE INDEX runs_started_at ON runs (started_at);
      CREATE TABLE run_results (
        run_id TEXT PRIMARY KEY REFERENCES runs (id),
        results_gzip ${binary} NOT NULL
      );`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs with hash-chained entries',
    sql: runsV1('BLOB'),
    postgres: runsV1('BYTEA'),
  },
  {
    version: 2,
    description: 'retention: packages pruned while the chain entry stays',
    sql: `ALTER TABLE runs ADD COLUMN pruned_at TEXT;`,
  },
  {
    version: 3,
    description: 'keyed chain: HMAC per entry and per pruning, keyed head, migration notes (the re-keying itself runs in code)',
    sql: `
      ALTER TABLE runs ADD COLUMN entry_mac TEXT;
      ALTER TABLE runs ADD COLUMN pruned_mac TEXT;
      CREATE TABLE history_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    version: 4,
    description: 'learned call rates per account x region x operation (collection hints, outside the keyed chain)',
    sql: `
      CREATE TABLE operation_rates (
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        operation TEXT NOT NULL,
        rate DOUBLE PRECISION NOT NULL,
        learned_at TEXT NOT NULL,
        PRIMARY KEY (account, region, operation)
      );`,
  },
];

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new Error(`history database is at schema version ${current}, newer than this Proofline (${latest})`);
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
