// vitest globalSetup: the real PostgreSQL the queue, history and scheduler tests use. A URL given in
// PROOFLINE_TEST_PG_URL (.ci/run starts one) is used as is; otherwise, when PostgreSQL 15's binaries
// are installed, a throwaway cluster is started for this vitest run (scripts/throwaway-postgres.sh)
// and stopped at the end, after every test file has closed its pools; otherwise the tests that need it
// fail, saying what is missing (test/helpers/postgres.ts). One cluster per vitest run, never one per file.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL the tests use; undefined: none, and `pgMissingReason` says why. */
    pgUrl: string | undefined;
    pgMissingReason: string;
  }
}

const PG_BIN = '/usr/lib/postgresql/15/bin';
const SCRIPT = join(import.meta.dirname, '../../scripts/throwaway-postgres.sh');

/** Connections still open when the cluster is about to stop: a test file that left a pool or client open. */
async function leftoverConnections(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url, application_name: 'proofline-test-teardown' });
  await c.connect();
  try {
    const r = await c.query<{ datname: string; application_name: string; n: number }>(
      `SELECT datname, application_name, count(*)::int AS n FROM pg_stat_activity
       WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    return r.rows.map((x) => `${x.n} x ${x.application_name || '(no application_name)'} on ${x.datname}`);
  } finally {
    await c.end();
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.PROOFLINE_TEST_PG_URL || undefined;
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgMissingReason', '');
    return undefined;
  }
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    project.provide('pgUrl', undefined);
    project.provide('pgMissingReason', `no PostgreSQL 15 binaries in ${PG_BIN} (apt-get install postgresql-15) and PROOFLINE_TEST_PG_URL is not set`);
    return undefined;
  }
  const url = execFileSync('bash', [SCRIPT, 'start'], { encoding: 'utf8' }).trim();
  project.provide('pgUrl', url);
  project.provide('pgMissingReason', '');
  return async () => {
    const left = await leftoverConnections(url).catch((err: Error) => [`(could not list connections: ${err.message})`]);
    if (left.length) console.warn(`throwaway PostgreSQL: connections still open at the end of the run (a test left a pool open): ${left.join(', ')}`);
    execFileSync('bash', [SCRIPT, 'stop', url.slice(url.indexOf('host=') + 5)]);
  };
}
