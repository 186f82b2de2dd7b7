// Worker benchmark: a synthetic Organization (accounts x 4 regions, per-account x region x operation
// rate limits and latency, bench/collection) collected through a real PostgreSQL queue by 1, 2 and 4
// worker processes (bench/workers/synthetic-worker.ts, the same runWorker as `proofline worker`).
// Reported per worker count: wall time of the collection (enqueue to last shard read back), CPU of the
// workers and the run, calls AWS answered, throttled attempts, the limits' lower bound for those calls
// and wall / bound; and whether the results (evaluated as a run does) are identical across counts.
//   tsx bench/workers/bench-workers.ts [accounts=200] [resources per account=20] [worker counts=1,2,4]
// PostgreSQL: PROOFLINE_BENCH_PG_URL or PROOFLINE_TEST_PG_URL; else, as root, a throwaway cluster
// (scripts/throwaway-postgres.sh). Prints one JSON line.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { callConcurrencyFor, DEFAULT_MAX_CALLS_IN_FLIGHT } from '../../src/collect/client-factory.ts';
import { isServiceId } from '../../src/collect/services.ts';
import { simulatedSource } from '../../src/collect/source.ts';
import { configSchema } from '../../src/config/config-schema.ts';
import { loadProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { distributedCollect } from '../../src/run/distributed/collect-distributed.ts';
import { runEvidenceInMemory } from '../../src/run/run-evidence-in-memory.ts';
import { AwsLimits } from '../collection/aws-limits.ts';
import { DEFAULT_LIMITS } from '../collection/bench-collection.ts';
import type { LoggedCall } from '../collection/call-log.ts';
import { collectionBound } from '../collection/collection-bound.ts';
import { syntheticOrganization } from '../generate/synthetic-organization.ts';
import { comparable } from './comparable-results.ts';
import { startWorkers } from './worker-processes.ts';
import { syntheticSourceName } from './synthetic-worker.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Shards each worker process collects at once: enough that one process is CPU-bound, not latency-bound. */
const SHARDS_PER_WORKER = 32;

export interface WorkerBenchRow {
  workers: number;
  wallSeconds: number;
  cpuSeconds: number;
  calls: number;
  attempts: number;
  throttles: number;
  throttlesPerCall: number;
  boundSeconds: number;
  ratio: number;
  speedup?: number;
}

async function withPostgres<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const given = process.env.PROOFLINE_BENCH_PG_URL || process.env.PROOFLINE_TEST_PG_URL;
  if (given) return fn(given);
  const url = execFileSync('bash', [join(ROOT, 'scripts/throwaway-postgres.sh'), 'start'], { encoding: 'utf8' }).trim();
  try {
    return await fn(url);
  } finally {
    execFileSync('bash', [join(ROOT, 'scripts/throwaway-postgres.sh'), 'stop', url.slice(url.indexOf('host=') + 5)]);
  }
}

async function withDatabase<T>(base: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `proofline_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function benchWorkers(accounts: number, size: number, counts: number[]): Promise<{ accounts: number; sizePerAccount: number; regions: number; shardsPerWorker: number; rows: WorkerBenchRow[]; identical: boolean }> {
  const project = await loadProjectCatalog();
  const org = syntheticOrganization(accounts, size);
  const location = syntheticSourceName({ accounts, size, limits: true });
  const source = simulatedSource(org.responder, org.scope, location);
  const limits = new AwsLimits(DEFAULT_LIMITS);
  const rows: WorkerBenchRow[] = [];
  const results: unknown[] = [];
  await withPostgres(async (base) => {
    for (const n of counts) {
      await withDatabase(base, async (url) => {
        const tmp = await mkdtemp(join(tmpdir(), 'proofline-bench-workers-'));
        const workers = await startWorkers(n, url, SHARDS_PER_WORKER, tmp);
        let wallSeconds = 0;
        let runCpu = 0;
        try {
          const collect = distributedCollect({ queueUrl: url, evidenceStore: join(tmp, 'store'), shardTimeoutSeconds: 900, retryLimit: 2, pollMs: 200 });
          const { results: r } = await runEvidenceInMemory({
            ...project,
            source,
            config: configSchema.parse({}),
            evaluatedAt: new Date('2026-11-20T02:00:00Z'),
            collect: async (opts) => {
              const cpu = process.cpuUsage();
              const t0 = performance.now();
              const records = await collect(opts);
              wallSeconds = (performance.now() - t0) / 1000;
              const used = process.cpuUsage(cpu);
              runCpu = (used.user + used.system) / 1e6;
              return records;
            },
          });
          results.push(comparable(r));
        } finally {
          const stats = await workers.stop();
          const answered: LoggedCall[] = stats.flatMap((s) => s.answered.map(([key, account, region, input]) => ({ key, account, region, input, throttled: false })));
          const inFlightPerService = (service: string) => (isServiceId(service) ? callConcurrencyFor(service) : callConcurrencyFor('sts'));
          const bound = collectionBound(answered, { latencyMs: DEFAULT_LIMITS.latencyMs, inFlightPerAccount: DEFAULT_MAX_CALLS_IN_FLIGHT, inFlightPerService, limitFor: (k) => limits.limitFor(k) });
          const throttles = stats.reduce((a, s) => a + s.throttles, 0);
          rows.push({
            workers: n,
            wallSeconds,
            cpuSeconds: runCpu + stats.reduce((a, s) => a + s.cpuSeconds, 0),
            calls: answered.length,
            attempts: stats.reduce((a, s) => a + s.attempts, 0),
            throttles,
            throttlesPerCall: throttles / Math.max(1, answered.length),
            boundSeconds: bound.boundSeconds,
            ratio: wallSeconds / bound.boundSeconds,
          });
          await rm(tmp, { recursive: true, force: true });
        }
      });
    }
  });
  const one = rows.find((r) => r.workers === 1);
  for (const r of rows) if (one) r.speedup = one.wallSeconds / r.wallSeconds;
  const identical = results.every((r) => JSON.stringify(r) === JSON.stringify(results[0]));
  if (!identical && process.env.PROOFLINE_BENCH_DUMP) for (const [i, r] of results.entries()) writeFileSync(`${process.env.PROOFLINE_BENCH_DUMP}-${i}.json`, JSON.stringify(r, null, 1));
  return { accounts, sizePerAccount: size, regions: org.scope.regions.length, shardsPerWorker: SHARDS_PER_WORKER, rows, identical };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [accounts, size, counts] = process.argv.slice(2);
  const r = await benchWorkers(Number(accounts ?? 200), Number(size ?? 20), (counts ?? '1,2,4').split(',').map(Number));
  process.stdout.write(JSON.stringify(r) + '\n');
  process.exit(0);
}

