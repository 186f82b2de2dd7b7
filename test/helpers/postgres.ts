// A real PostgreSQL for the queue and history tests: .ci/run starts a throwaway cluster and exports
// PROOFLINE_TEST_PG_URL. Each test file gets a database of its own (created here, dropped after), so
// workers of one file never claim another file's shards. Without the variable the tests are skipped
// with a message, except in CI (CI=true), where its absence fails them.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

export const TEST_PG_URL = process.env.PROOFLINE_TEST_PG_URL || undefined;

/** describe() when a test PostgreSQL is available; otherwise a skip (locally) or a failure (CI). */
export function describeWithPostgres(name: string, body: () => void): void {
  if (TEST_PG_URL) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs a PostgreSQL (PROOFLINE_TEST_PG_URL, started by .ci/run)', () => {
        throw new Error('PROOFLINE_TEST_PG_URL is not set: .ci/run must start the throwaway PostgreSQL cluster');
      });
    });
    return;
  }
  console.warn(`skipped "${name}": set PROOFLINE_TEST_PG_URL to a PostgreSQL 15 URL (bash .ci/run starts one) to run it`);
  describe.skip(name, body);
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
