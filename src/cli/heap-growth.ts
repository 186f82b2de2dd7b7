// How far V8 lets the heap grow past what survived its last full collection before it collects again.
// Its own policy grows the limit up to 4x when collections are cheap next to the program's work: a
// `proofline run` of 100k findings peaked at about 1 GB, mostly garbage not yet collected (the evidence
// records, evaluation and results are large and short-lived). Growing 50 % at a time it peaked at 680 MB
// for 4 % more CPU; 30 %, 620 MB for 13 % more (docs/performance.md). PROOFLINE_HEAP_GROWING_PERCENT
// changes it; 0 keeps V8's own policy (the fastest, the largest). Set at start-up; V8 reads it each time
// it sets the next limit.
import { setFlagsFromString } from 'node:v8';
import { UsageError } from './exit-codes.ts';

export const HEAP_GROWTH_VARIABLE = 'PROOFLINE_HEAP_GROWING_PERCENT';
export const DEFAULT_HEAP_GROWING_PERCENT = 50;
const MAX_PERCENT = 1000;

export function heapGrowingPercent(env: NodeJS.ProcessEnv): number {
  const text = env[HEAP_GROWTH_VARIABLE];
  if (text === undefined || text === '') return DEFAULT_HEAP_GROWING_PERCENT;
  const percent = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(percent <= MAX_PERCENT)) throw new UsageError({ file: HEAP_GROWTH_VARIABLE, message: `"${text}" is not a whole number of percent from 0 (V8's own policy) to ${MAX_PERCENT}` });
  return percent;
}

export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  const percent = heapGrowingPercent(env);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
