// How a run shows its progress. On a terminal: a live table per account / region / service (calls,
// errors, time), redrawn in place. Not a terminal: one JSON line per finished collector, for logs.
// --quiet: nothing until the summary. Every mode ends with the same summary.
import type { CallEvent } from '../collect/client-factory.ts';
import type { Target } from '../collect/target.ts';
import { formatCollectionSummary, formatDuration, ProgressStats, type RowStats } from './progress-stats.ts';

export type ProgressMode = 'tty' | 'json' | 'quiet';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  rows?: number;
}

export interface CollectorDoneEvent {
  collector: string;
  target: Target;
  ms: number;
  error?: string;
}

const REDRAW_MS = 250;

export function progressMode(out: ProgressOutput, quiet: boolean): ProgressMode {
  if (quiet) return 'quiet';
  return out.isTTY ? 'tty' : 'json';
}

export class Progress {
  readonly stats = new ProgressStats();
  private drawnLines = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly out: ProgressOutput,
    private readonly mode: ProgressMode,
  ) {
    if (mode === 'tty') {
      this.timer = setInterval(() => this.draw(), REDRAW_MS);
      this.timer.unref();
    }
  }

  readonly onCall = (e: CallEvent): void => {
    this.stats.add(e);
  };

  readonly onCollectorDone = (e: CollectorDoneEvent): void => {
    if (this.mode !== 'json') return;
    const line = { event: 'collector', collector: e.collector, account: e.target.account, region: e.target.region, ms: e.ms, ...(e.error ? { error: e.error } : {}) };
    this.out.write(JSON.stringify(line) + '\n');
  };

  /** Stops redrawing and prints the summary. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.mode === 'tty') this.clear();
    if (this.mode === 'json') {
      const s = this.stats;
      this.out.write(JSON.stringify({ event: 'summary', calls: s.calls, errors: s.errors, notConfigured: s.notConfigured, errorsByKind: Object.fromEntries(s.errorsByKind), ms: s.elapsedMs() }) + '\n');
    } else {
      this.out.write(formatCollectionSummary(this.stats));
    }
  }

  private clear(): void {
    if (this.drawnLines) this.out.write(`\x1b[${this.drawnLines}A\x1b[0J`);
    this.drawnLines = 0;
  }

  private draw(): void {
    // Most recently active rows first; as many as fit the terminal.
    const room = Math.max(3, (this.out.rows ?? 24) - 4);
    const rows = [...this.stats.rows.values()].sort((a, b) => b.lastAt - a.lastAt).slice(0, room);
    const lines = [
      `Collecting: ${this.stats.calls} calls, ${this.stats.errors} errors, ${formatDuration(this.stats.elapsedMs())}`,
      ...rows.map(formatRow),
    ];
    if (this.stats.rows.size > rows.length) lines.push(`  ... ${this.stats.rows.size - rows.length} more`);
    this.clear();
    this.out.write(lines.join('\n') + '\n');
    this.drawnLines = lines.length;
  }
}

function formatRow(r: RowStats): string {
  return `  ${r.account.padEnd(12)} ${r.region.padEnd(15)} ${r.service.padEnd(16)} ${String(r.calls).padStart(6)} calls ${String(r.errors).padStart(4)} errors ${formatDuration(r.ms).padStart(7)}`;
}
