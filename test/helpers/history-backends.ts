// The history tests that hold for both backends run once per backend: SQLite in the test's folder,
// and PostgreSQL in a database of the test file's own (its history schema dropped before each test).
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { HistoryStore } from '../../src/history/history-store.ts';
import { HISTORY_SCHEMA } from '../../src/history/postgres-history-sql.ts';
import { describeWithPostgres, freshDatabase, type TestDatabase } from './postgres.ts';

export interface HistoryBackend {
  name: 'SQLite' | 'PostgreSQL';
  /** A new, empty history (`dir` is the test's own folder, the SQLite dataDir). */
  fresh(dir: string, key: Buffer): Promise<HistoryStore>;
  /** The same history again, as another process would open it. */
  reopen(dir: string, key: Buffer): Promise<HistoryStore>;
  /** The PostgreSQL database's URL (PostgreSQL only). */
  url?: string;
}

const sqlite: HistoryBackend = {
  name: 'SQLite',
  fresh: (dir, key) => HistoryStore.open(dir, key),
  reopen: (dir, key) => HistoryStore.open(dir, key),
};

function postgres(): HistoryBackend {
  let db: TestDatabase | undefined;
  const backend: HistoryBackend = {
    name: 'PostgreSQL',
    async fresh(_dir, key) {
      const c = new pg.Client({ connectionString: db!.url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${HISTORY_SCHEMA} CASCADE`).finally(() => c.end());
      return HistoryStore.openPostgres(db!.url, key);
    },
    reopen: (_dir, key) => HistoryStore.openPostgres(db!.url, key),
  };
  beforeAll(async () => {
    db = await freshDatabase();
    backend.url = db.url;
  });
  // Every store a test opened is closed in its afterEach, before the database goes.
  afterAll(async () => db?.drop());
  return backend;
}

/** `body` once per backend; the PostgreSQL one is skipped (with the reason) when no PostgreSQL is available. */
export function describeHistoryBackends(name: string, body: (backend: HistoryBackend) => void): void {
  describe(`${name} (SQLite)`, () => body(sqlite));
  describeWithPostgres(`${name} (PostgreSQL)`, () => body(postgres()));
}
