// Call rates carried from one run to the next (kept in the run history): a run starts each account x
// region x operation from the rate the last run ended with, instead of finding it again by being
// throttled. Only operations that were paced are kept (AWS throttled them, or they started paced): the
// rate AWS was measured to allow, else the pace's last rate.
import { OperationPace } from './operation-pacing.ts';

export interface LearnedRate {
  account: string;
  region: string;
  /** `<service>.<Operation>`. */
  operation: string;
  /** Calls per second. */
  rate: number;
  learnedAt: string;
}

/** Rates outside this range are not taken from the history (an edited row must not stall a run). */
const MAX_RATE = 10_000;
const MIN_RATE = 0.5;

const keyOf = (r: Pick<LearnedRate, 'account' | 'region' | 'operation'>) => `${r.account}|${r.region}|${r.operation}`;

/** Paces for the client factory, started from earlier runs' rates. */
export function pacesFrom(rates: readonly LearnedRate[]): Map<string, OperationPace> {
  const paces = new Map<string, OperationPace>();
  for (const r of rates) if (Number.isFinite(r.rate) && r.rate >= MIN_RATE && r.rate <= MAX_RATE) paces.set(keyOf(r), new OperationPace(r.rate));
  return paces;
}

/** The rates of one account x region (a distributed run's shard), for the worker that collects it. */
export function ratesOf(paces: ReadonlyMap<string, OperationPace>, target: { account: string; region: string }, at: Date): LearnedRate[] {
  return learnedRates(paces, at).filter((r) => r.account === target.account && r.region === target.region);
}

/** Rates learned elsewhere (a worker's shard) kept in the run's paces, for the next run. */
export function keepRates(paces: Map<string, OperationPace>, rates: readonly LearnedRate[]): void {
  for (const [key, pace] of pacesFrom(rates)) paces.set(key, pace);
}

/** What the run's paces ended with, for the next run. */
export function learnedRates(paces: ReadonlyMap<string, OperationPace>, at: Date): LearnedRate[] {
  const out: LearnedRate[] = [];
  for (const [key, pace] of paces) {
    if (!Number.isFinite(pace.learned)) continue;
    const [account, region, operation] = key.split('|');
    out.push({ account, region, operation, rate: Math.round(pace.learned * 1000) / 1000, learnedAt: at.toISOString() });
  }
  return out.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}
