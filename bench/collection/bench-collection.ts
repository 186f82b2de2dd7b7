// Collection of a synthetic account against simulated AWS limits: calls, throttles, wall time, and
// wall time over the lower bound that the limits impose for the calls that were needed.
import { collectSynthetic } from '../generate/collect-synthetic.ts';
import { totalResources } from '../generate/plan.ts';
import { AwsLimits, type LimitsConfig } from './aws-limits.ts';
import { avoidableCalls } from './avoidable-calls.ts';
import { collectionBound, type CollectionBound } from './collection-bound.ts';

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

export interface CollectionBenchOptions {
  size: number;
  /** Also run the collection without latency or limits, to measure what the CPU alone needs. */
  machineFloor?: boolean;
  limits?: LimitsConfig;
  perAccountConcurrency?: number;
  fanOutConcurrency?: number;
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
  settings: { latencyMs: number; perAccountConcurrency: number; fanOutConcurrency: number };
  genericKeys: string[];
}

export async function benchCollection(opts: CollectionBenchOptions): Promise<CollectionBenchResult> {
  const perAccountConcurrency = opts.perAccountConcurrency ?? 8;
  const fanOutConcurrency = opts.fanOutConcurrency ?? 4;
  const base = opts.limits ?? DEFAULT_LIMITS;
  const limits = new AwsLimits({ ...base, limits: { ...s3Limits(), ...base.limits } });
  // A tiny warm-up run pays module loading, so neither measured run does.
  await collectSynthetic(20, { perAccountConcurrency, fanOutConcurrency });
  const machineFloorSeconds = opts.machineFloor ? (await collectSynthetic(opts.size, { perAccountConcurrency, fanOutConcurrency })).ms / 1000 : undefined;
  const cpuBefore = process.cpuUsage();
  const run = await collectSynthetic(opts.size, { beforeAnswer: limits.beforeAnswer, perAccountConcurrency, fanOutConcurrency });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const answered = limits.log.answered();
  const bound = collectionBound(answered, { latencyMs: base.latencyMs, inFlightPerAccount: perAccountConcurrency * fanOutConcurrency, limitFor: (k) => limits.limitFor(k) });
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
    settings: { latencyMs: base.latencyMs, perAccountConcurrency, fanOutConcurrency },
    genericKeys: run.account.genericKeys(),
  };
}

function s3Limits(): Record<string, { rate: number; burst: number }> {
  const ops = ['GetBucketLocation', 'GetBucketEncryption', 'GetPublicAccessBlock', 'GetBucketPolicy', 'GetBucketPolicyStatus', 'GetBucketVersioning', 'GetBucketLogging', 'GetBucketLifecycleConfiguration', 'GetObjectLockConfiguration', 'GetBucketTagging', 'GetBucketReplication', 'GetBucketAcl', 'GetBucketOwnershipControls'];
  return Object.fromEntries(ops.map((op) => [`s3.${op}`, S3_BUCKET_LIMIT]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // tsx bench/collection/bench-collection.ts <size> [fanOut] [perAccount] [--machine-floor]: one JSON line
  const args = process.argv.slice(2);
  const [size, fanOut, perAccount] = args.filter((a) => !a.startsWith('--')).map(Number);
  const r = await benchCollection({ size: size || 1000, fanOutConcurrency: fanOut || undefined, perAccountConcurrency: perAccount || undefined, machineFloor: args.includes('--machine-floor') });
  process.stdout.write(JSON.stringify(r) + '\n');
}
