// The worker table `npm run bench` prints, and the targets of issue 13 checked against it.
import { target, type Target } from '../report.ts';
import type { WorkerBenchRow } from './bench-workers.ts';

export interface WorkerBench {
  accounts: number;
  sizePerAccount: number;
  regions: number;
  shardsPerWorker: number;
  rows: WorkerBenchRow[];
  identical: boolean;
}

const f = (n: unknown, d = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(d) : '-');

export function formatWorkerBench(w: WorkerBench): string[] {
  const lines = [`Workers (synthetic Organization: ${w.accounts} accounts x ${w.regions} regions, ${w.sizePerAccount} resources per account, per-account rate limits; PostgreSQL queue; ${w.shardsPerWorker} shards at once per worker)`];
  lines.push(['workers', 'wall s', 'speedup', 'CPU s', 'calls', 'attempts', 'throttles', 'thr/call', 'bound s', 'wall/bound'].map((c) => c.padStart(10)).join(' '));
  for (const r of w.rows) lines.push([r.workers, f(r.wallSeconds), f(r.speedup, 2), f(r.cpuSeconds), r.calls, r.attempts, r.throttles, f(r.throttlesPerCall, 4), f(r.boundSeconds, 2), f(r.ratio, 2)].map((c) => String(c).padStart(10)).join(' '));
  lines.push(`  results identical across worker counts: ${w.identical ? 'yes' : 'NO'}`);
  return lines;
}

export function workerTargets(w: WorkerBench): Target[] {
  const one = w.rows.find((r) => r.workers === 1);
  const two = w.rows.find((r) => r.workers === 2);
  const out: Target[] = [target({ name: 'worker runs give identical results', measure: 'results identical across worker counts (1 yes, 0 no)', value: w.identical ? 1 : 0, comparison: '=', limit: 1, digits: 0 })];
  if (one && two) out.push(target({ name: '2 workers / 1 worker speedup (collection wall time)', measure: 'collection wall, 1 worker / 2 workers', value: two.speedup, comparison: '>=', limit: 1.7 }));
  if (one) {
    const worst = Math.max(...w.rows.map((r) => r.throttlesPerCall));
    out.push(target({ name: 'throttles per call, any worker count vs one process', measure: 'throttled attempts per call, worst worker count', value: worst, comparison: '<=', limit: one.throttlesPerCall, digits: 4 }));
  }
  return out;
}
