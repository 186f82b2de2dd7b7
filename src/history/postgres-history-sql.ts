// The shared history backend: PostgreSQL (history.url / PROOFLINE_HISTORY_URL), for schedulers on
// several hosts. Its tables live in their own schema, proofline_history (the same database may hold
// the queue's pgboss schema and the tick claims); migrations and write transactions take one
// transaction-scoped advisory lock, so two processes never migrate at once or both append run #n.
import pg from 'pg';
import { displayUrl } from '../util/postgres-url.ts';
import { numberedPlaceholders, type HistorySql, type HistoryStatements } from './history-sql.ts';
import { MIGRATIONS } from './migrations.ts';

export const HISTORY_SCHEMA = 'proofline_history';
/** The advisory lock key of history writers: any fixed 64-bit number (0x70726f6f666c696e, "prooflin" in ASCII). */
const WRITER_LOCK = '8102661203843377518';

type Queryable = Pick<pg.ClientBase, 'query'>;

function statements(db: Queryable): HistoryStatements {
  return {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await db.query(numberedPlaceholders(sql), [...params])).rows as T[];
    },
    async get<T>(sql: string, params: readonly unknown[] = []) {
      return (await db.query(numberedPlaceholders(sql), [...params])).rows[0] as T | undefined;
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return (await db.query(numberedPlaceholders(sql), [...params])).rowCount ?? 0;
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(${WRITER_LOCK})`);
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function migrate(pool: pg.Pool): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${HISTORY_SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${HISTORY_SCHEMA}.schema_version (version INTEGER NOT NULL)`);
    const row = (await client.query<{ version: number }>(`SELECT version FROM ${HISTORY_SCHEMA}.schema_version`)).rows[0];
    if (!row) await client.query(`INSERT INTO ${HISTORY_SCHEMA}.schema_version (version) VALUES (0)`);
    const current = row?.version ?? 0;
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (current > latest) throw new Error(`history database is at schema version ${current}, newer than this Proofline (${latest})`);
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.postgres ?? m.sql);
      await client.query(`UPDATE ${HISTORY_SCHEMA}.schema_version SET version = $1`, [m.version]);
    }
    return current;
  });
}

export class PostgresHistorySql implements HistorySql {
  readonly location: string;
  private readonly statements: HistoryStatements;

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
    readonly openedAtVersion: number,
  ) {
    this.location = displayUrl(url);
    this.statements = statements(pool);
  }

  /** Connects and migrates (creating the schema if needed). */
  static async open(url: string): Promise<PostgresHistorySql> {
    const pool = PostgresHistorySql.pool(url);
    try {
      return new PostgresHistorySql(pool, url, await migrate(pool));
    } catch (err) {
      await pool.end();
      throw err;
    }
  }

  /** Whether the database holds a history (reading commands never create one). */
  static async exists(url: string): Promise<boolean> {
    const client = new pg.Client({ connectionString: url, application_name: 'proofline-history' });
    await client.connect();
    try {
      return (await client.query(`SELECT to_regclass('${HISTORY_SCHEMA}.runs') IS NOT NULL AS found`)).rows[0].found === true;
    } finally {
      await client.end();
    }
  }

  private static pool(url: string): pg.Pool {
    const pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'proofline-history', options: `-c search_path=${HISTORY_SCHEMA}` });
    // An idle connection the server ends (restart, failover, 57P01) is dropped by the pool; the next
    // statement connects again. Without a listener its error would end the process.
    pool.on('error', () => {});
    return pool;
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.statements.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.statements.get<T>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.statements.run(sql, params);
  }

  async schemaVersion(): Promise<number> {
    return (await this.pool.query<{ version: number }>(`SELECT version FROM ${HISTORY_SCHEMA}.schema_version`)).rows[0]?.version ?? 0;
  }

  transaction<T>(fn: (tx: HistoryStatements) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) => fn(statements(client)));
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
