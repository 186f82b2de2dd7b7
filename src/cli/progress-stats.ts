// Counts what a collection did, per account / region / service and in total: calls, errors by kind,
// time. Pure bookkeeping for the progress display and the end-of-run summary.
import type { CallEvent } from '../collect/client-factory.ts';

export interface RowStats {
  account: string;
  region: string;
  service: string;
  calls: number;
  errors: number;
  /** Summed call time (calls overlap, so this is work done, not elapsed time). */
  ms: number;
  lastAt: number;
}

export class ProgressStats {
  readonly rows = new Map<string, RowStats>();
  readonly errorsByKind = new Map<string, number>();
  calls = 0;
  errors = 0;
  notConfigured = 0;
  readonly startedAt: number;

  constructor(private readonly clock: () => number = Date.now) {
    this.startedAt = clock();
  }

  add(e: CallEvent): RowStats {
    const key = `${e.account}|${e.region}|${e.service}`;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { account: e.account, region: e.region, service: e.service, calls: 0, errors: 0, ms: 0, lastAt: 0 }));
    row.calls++;
    row.ms += e.ms;
    row.lastAt = this.clock();
    this.calls++;
    if (e.outcome === 'not_configured') this.notConfigured++;
    if (e.outcome === 'error') {
      row.errors++;
      this.errors++;
      const kind = e.errorName ?? 'Error';
      this.errorsByKind.set(kind, (this.errorsByKind.get(kind) ?? 0) + 1);
    }
    return row;
  }

  elapsedMs(): number {
    return this.clock() - this.startedAt;
  }
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - m * 60)).padStart(2, '0')}s`;
}

/** The end-of-collection summary: calls, errors by kind, duration. */
export function formatCollectionSummary(stats: ProgressStats): string {
  const kinds = [...stats.errorsByKind.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const lines = [
    `Collection: ${stats.calls} calls in ${formatDuration(stats.elapsedMs())} (${stats.errors} errors, ${stats.notConfigured} not configured)`,
    ...kinds.map(([kind, n]) => `  ${String(n).padStart(6)}  ${kind}`),
  ];
  return lines.join('\n') + '\n';
}
