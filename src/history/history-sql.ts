// What the history store needs of a database, the same for SQLite and PostgreSQL: statements with `?`
// placeholders, and write transactions that exclude every other writer of the history (other
// processes and hosts included), so the chain's next entry is computed from the true last one.
export interface HistoryStatements {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface HistorySql extends HistoryStatements {
  /** Where the history is, for messages (a file, or a URL without its password). */
  readonly location: string;
  /** The schema version before this process migrated it (0: a new history). */
  readonly openedAtVersion: number;
  schemaVersion(): Promise<number>;
  /** One writer at a time; rolled back if `fn` throws. */
  transaction<T>(fn: (tx: HistoryStatements) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` placeholders as PostgreSQL's `$1, $2...` (the history's statements have no `?` in literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
