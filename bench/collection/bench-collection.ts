// Collection of a synthetic account against simulated AWS limits: calls, throttles, wall time, and
// wall time over the lower bound that the limits impose for the calls that were needed.
import { callConcurrencyFor, DEFAULT_MAX_CALLS_IN_FLIGHT } from '../../src/collect/client-factory.ts';
import { DEFAULT_PER_ACCOUNT_CONCURRENCY } from '../../src/collect/run-collection.ts';
import { isServiceId } from '../../src/collect/services.ts';
import { learnedRates, pacesFrom } from '../../src/collect/learned-rates.ts';
import { HistoryStore } from '../../src/history/history-store.ts';
import { collectSynthetic } from '../generate/collect-synthetic.ts';
import { totalResources } from '../generate/plan.ts';
import { AwsLimits, type LimitsConfig, type RateLimit } from './aws-limits.ts';
import { avoidableCalls } from './avoidable-calls.ts';
import { collectionBound, type CollectionBound } from './collection-bound.ts';
import { callTimeline, type OperationTimeline } from './call-timeline.ts';

/**
 * Assumed AWS limits. AWS publishes few per-operation rates; these are in the range of the documented
 * and observed ones (Describe/List calls in the tens per second, IAM lower, S3 bucket settings higher),
 * chosen so that on the 10k account some operations are rate-bound and some are latency-bound.
 */
export const DEFAULT_LIMITS: LimitsConfig = {
  latencyMs: 40,
  defaultLimit: { rate: 25, burst: 50 },
  limits: {
    'iam.GetAccountAuthorizationDetails': { rate: 5, burst: 5 },
    'iam.GetLoginProfile': { rate: 20, burst: 20 },
    'iam.ListMFADevices': { rate: 20, burst: 20 },
    'iam.ListAccessKeys': { rate: 20, burst: 20 },
  },
};
const S3_BUCKET_LIMIT = { rate: 100, burst: 100 };
/** The bench's own history key: learned rates are outside the keyed chain, no run is recorded. */
const BENCH_HISTORY_KEY = Buffer.alloc(32, 0x62);

export interface CollectionBenchOptions {
  size: number;
  /** Also run the collection without latency or limits, to measure what the CPU alone needs. */
  machineFloor?: boolean;
  limits?: LimitsConfig;
  /**
   * Every limit's rate and burst times this factor (default 1). Below 1 the run is bound by the limits
   * rather than by this machine's CPU, so pacing is measured apart from CPU contention.
   */
  limitsScale?: number;
  perAccountConcurrency?: number;
  /** Bound per ctx.forEach; unset (the default): none, calls are bounded by the client factory. */
  fanOutConcurrency?: number;
  /** Skip the limited run: only the machine floor (profiling the CPU per call). */
  floorOnly?: boolean;
  /**
   * A run history folder (SQLite): the limited run starts each operation from the rates kept there by
   * the previous bench run (none the first time: cold) and keeps what it learned for the next (warm).
   */
  learnedRatesDir?: string;
  /** Also report the timeline of this many operations, those that finished last (call-timeline.ts). */
  timeline?: number;
}

export interface CollectionBenchResult {
  size: number;
  resources: number;
  collectors: number;
  records: number;
  calls: number;
  callsPerResource: number;
  attempts: number;
  throttles: number;
  throttlesByKey: Record<string, number>;
  errorRecords: number;
  duplicates: { key: string; count: number }[];
  avoidable: { key: string; count: number }[];
  wallSeconds: number;
  /** CPU time of the collecting process: a single Node thread cannot finish faster than this. */
  cpuSeconds: number;
  bound: CollectionBound;
  ratio: number;
  /** Wall time over the larger of the limits' bound and the CPU time (what this machine could do). */
  ratioWithCpu: number;
  /** Wall time of the same collection with no latency and no limits, on this machine now: its CPU floor. */
  machineFloorSeconds?: number;
  /** Wall time over the larger of the limits' bound and the machine floor. */
  ratioWithMachine?: number;
  /** With learnedRatesDir: operations started from a kept rate, and rates kept for the next run. */
  learnedRates?: { startedFrom: number; kept: number };
  settings: { latencyMs: number; perAccountConcurrency: number; fanOutConcurrency?: number; callsInFlightPerService: Record<string, number>; callsInFlightTotal: number };
  genericKeys: string[];
  /** With `timeline`: the operations that finished last, when they started and how fast they ran. */
  timeline?: OperationTimeline[];
}

export async function benchCollection(opts: CollectionBenchOptions): Promise<CollectionBenchResult> {
  const perAccountConcurrency = opts.perAccountConcurrency ?? DEFAULT_PER_ACCOUNT_CONCURRENCY;
  const fanOutConcurrency = opts.fanOutConcurrency;
  const given = opts.limits ?? DEFAULT_LIMITS;
  const base = scaledLimits({ ...given, limits: { ...s3Limits(), ...given.limits } }, opts.limitsScale ?? 1);
  const limits = new AwsLimits(base);
  // A tiny warm-up run pays module loading, so neither measured run does.
  await collectSynthetic(20, { perAccountConcurrency, fanOutConcurrency });
  const machineFloorSeconds = opts.machineFloor || opts.floorOnly ? (await collectSynthetic(opts.size, { perAccountConcurrency, fanOutConcurrency })).ms / 1000 : undefined;
  if (opts.floorOnly) return { size: opts.size, machineFloorSeconds } as CollectionBenchResult;
  const history = opts.learnedRatesDir ? await HistoryStore.open(opts.learnedRatesDir, BENCH_HISTORY_KEY) : undefined;
  const paces = history ? pacesFrom(await history.learnedRates()) : undefined;
  const startedFrom = paces?.size ?? 0;
  const cpuBefore = process.cpuUsage();
  const run = await collectSynthetic(opts.size, { beforeAnswer: limits.beforeAnswer, perAccountConcurrency, fanOutConcurrency, paces });
  const cpu = process.cpuUsage(cpuBefore);
  const kept = paces ? learnedRates(paces, new Date()) : [];
  if (history) {
    await history.saveLearnedRates(kept);
    await history.close();
  }
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const answered = limits.log.answered();
  // Calls in flight are bounded by the client factory's defaults (the bench passes none).
  const inFlightPerService = (service: string) => (isServiceId(service) ? callConcurrencyFor(service) : callConcurrencyFor('sts'));
  const bound = collectionBound(answered, { latencyMs: base.latencyMs, inFlightPerAccount: DEFAULT_MAX_CALLS_IN_FLIGHT, inFlightPerService, limitFor: (k) => limits.limitFor(k) });
  const services = [...new Set(answered.map((c) => c.key.slice(0, c.key.indexOf('.'))))].sort();
  const resources = totalResources(run.account.plan);
  const wallSeconds = run.ms / 1000;
  return {
    size: opts.size,
    resources,
    collectors: run.collectors,
    records: run.records.length,
    calls: answered.length,
    callsPerResource: answered.length / resources,
    attempts: limits.attempts,
    throttles: limits.throttleCount,
    throttlesByKey: Object.fromEntries([...limits.throttles].sort((a, b) => b[1] - a[1])),
    errorRecords: run.records.filter((r) => r.outcome === 'error').length,
    duplicates: limits.log.duplicates(),
    avoidable: avoidableCalls(run.records),
    wallSeconds,
    cpuSeconds,
    bound,
    ratio: wallSeconds / bound.boundSeconds,
    ratioWithCpu: wallSeconds / Math.max(bound.boundSeconds, cpuSeconds),
    ...(machineFloorSeconds !== undefined ? { machineFloorSeconds, ratioWithMachine: wallSeconds / Math.max(bound.boundSeconds, machineFloorSeconds) } : {}),
    ...(history ? { learnedRates: { startedFrom, kept: kept.length } } : {}),
    settings: { latencyMs: base.latencyMs, perAccountConcurrency, ...(fanOutConcurrency ? { fanOutConcurrency } : {}), callsInFlightPerService: Object.fromEntries(services.map((s) => [s, inFlightPerService(s)])), callsInFlightTotal: DEFAULT_MAX_CALLS_IN_FLIGHT },
    genericKeys: run.account.genericKeys(),
    ...(opts.timeline ? { timeline: callTimeline(limits.log.calls, (k) => limits.limitFor(k), opts.timeline) } : {}),
  };
}

function scaledLimits(config: LimitsConfig, factor: number): LimitsConfig {
  if (factor === 1) return config;
  const scale = (l: RateLimit): RateLimit => ({ rate: l.rate * factor, burst: Math.max(1, Math.round(l.burst * factor)) });
  return { ...config, defaultLimit: scale(config.defaultLimit), limits: Object.fromEntries(Object.entries(config.limits ?? {}).map(([k, l]) => [k, scale(l)])) };
}

function s3Limits(): Record<string, { rate: number; burst: number }> {
  const ops = ['GetBucketLocation', 'GetBucketEncryption', 'GetPublicAccessBlock', 'GetBucketPolicy', 'GetBucketPolicyStatus', 'GetBucketVersioning', 'GetBucketLogging', 'GetBucketLifecycleConfiguration', 'GetObjectLockConfiguration', 'GetBucketTagging', 'GetBucketReplication', 'GetBucketAcl', 'GetBucketOwnershipControls'];
  return Object.fromEntries(ops.map((op) => [`s3.${op}`, S3_BUCKET_LIMIT]));
}

function timelineRows(args: string[]): number | undefined {
  const arg = args.find((a) => a === '--timeline' || a.startsWith('--timeline='));
  return arg === undefined ? undefined : Number(arg.slice('--timeline='.length) || 8);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // tsx bench/collection/bench-collection.ts <size> [fanOut] [perAccount] [--machine-floor] [--floor-only] [--learned-rates=<dir>] [--timeline[=<rows>]]: one JSON line.
  // Collection alone at 10k: `npx tsx bench/collection/bench-collection.ts 10000 --machine-floor`.
  // Cold, then warm: the same command twice with one --learned-rates=<dir> (a new folder the first time).
  // --limits-scale=0.1: every limit a tenth, so the limits, not the CPU, bound the run.
  const args = process.argv.slice(2);
  const [size, fanOut, perAccount] = args.filter((a) => !a.startsWith('--')).map(Number);
  const learnedRatesDir = args.find((a) => a.startsWith('--learned-rates='))?.slice('--learned-rates='.length);
  const limitsScale = Number(args.find((a) => a.startsWith('--limits-scale='))?.slice('--limits-scale='.length) ?? 1);
  const r = await benchCollection({ size: size || 1000, fanOutConcurrency: fanOut || undefined, perAccountConcurrency: perAccount || undefined, machineFloor: args.includes('--machine-floor'), floorOnly: args.includes('--floor-only'), learnedRatesDir, limitsScale, timeline: timelineRows(args) });
  process.stdout.write(JSON.stringify(r) + '\n');
}
