// Resolves `--from/--to` or a named observation window into an inclusive UTC day range.
import type { ObservationWindow } from '../config/operations-config.ts';
import { InputError, type InputProblem } from '../util/input-error.ts';

export class PeriodError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'PeriodError';
  }
}

export interface Period {
  name?: string;
  from: string;
  to: string;
  /** ISO instants bounding the runs' startedAt. */
  fromInstant: string;
  toInstant: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function resolvePeriod(opts: { from?: string; to?: string; window?: string }, windows: readonly ObservationWindow[]): Period {
  let name: string | undefined;
  let { from, to } = opts;
  if (opts.window) {
    const w = windows.find((x) => x.name === opts.window);
    if (!w) throw new PeriodError({ file: '--window', message: `no observation window named "${opts.window}" in the config (known: ${windows.map((x) => x.name).join(', ') || 'none'})` });
    ({ name, from, to } = { name: w.name, from: from ?? w.from, to: to ?? w.to });
  }
  if (!from || !to) throw new PeriodError({ file: '--from, --to', message: 'give --from and --to (YYYY-MM-DD), or --window <name>' });
  for (const [flag, v] of [['--from', from], ['--to', to]] as const) {
    if (!DAY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new PeriodError({ file: flag, message: `"${v}" is not a date (YYYY-MM-DD)` });
  }
  if (from > to) throw new PeriodError({ file: '--from', message: `${from} is after --to ${to}` });
  return { ...(name ? { name } : {}), from, to, fromInstant: `${from}T00:00:00.000Z`, toInstant: `${to}T23:59:59.999Z` };
}
