// A real PostgreSQL for the queue, history and scheduler tests: PROOFLINE_TEST_PG_URL (.ci/run starts
// a cluster and exports it), else the throwaway cluster test/helpers/postgres-global-setup.ts started
// for this vitest run. Each test file gets a database of its own (created here, dropped after), so
// workers of one file never claim another file's shards. Without PostgreSQL the tests fail, saying
// what is missing: a skip would leave the queue, history and scheduler behaviour unchecked. A test file ends every pool and
// client it opened before it drops its database (a dropped or stopped database's idle connections
// would otherwise raise 57P01 errors in the pools still holding them).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject, it } from 'vitest';

export const TEST_PG_URL = inject('pgUrl');

/** describe() when a test PostgreSQL is available; otherwise one failing test that says what is missing. */
export function describeWithPostgres(name: string, body: () => void): void {
  if (TEST_PG_URL) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it('needs a PostgreSQL (PROOFLINE_TEST_PG_URL, or the binaries for a throwaway cluster)', () => {
      throw new Error(`no PostgreSQL for the tests: ${inject('pgMissingReason')}`);
    });
  });
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function freshDatabase(): Promise<TestDatabase> {
  const name = `proofline_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(TEST_PG_URL!, name),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
