// The embedded history backend: one SQLite file under the data directory (WAL, no server). Statements
// run synchronously; a write transaction is BEGIN IMMEDIATE (SQLite's writer lock, across processes),
// and transactions of this process wait for each other, since they share one connection.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { HistorySql, HistoryStatements } from './history-sql.ts';
import { migrate } from './migrations.ts';

export class SqliteHistorySql implements HistorySql {
  readonly db: Database.Database;
  readonly openedAtVersion: number;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly location: string) {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    this.db = new Database(location);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    this.openedAtVersion = this.db.pragma('user_version', { simple: true }) as number;
    migrate(this.db);
  }

  private prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.prepare(sql).all(...params) as T[];
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.prepare(sql).run(...params).changes;
  }

  async schemaVersion(): Promise<number> {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  transaction<T>(fn: (tx: HistoryStatements) => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this);
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
