// The call rates collection learned in earlier runs, kept beside the run history in its database.
// Hints for pacing, not evidence: outside the keyed chain (an edited rate can only make a run slower
// or throttled, never change a result).
import type { LearnedRate } from '../collect/learned-rates.ts';
import type { HistorySql } from './history-sql.ts';

export async function readLearnedRates(sql: HistorySql): Promise<LearnedRate[]> {
  const rows = await sql.all<{ account: string; region: string; operation: string; rate: number; learned_at: string }>('SELECT account, region, operation, rate, learned_at FROM operation_rates ORDER BY account, region, operation');
  return rows.map((r) => ({ account: r.account, region: r.region, operation: r.operation, rate: Number(r.rate), learnedAt: r.learned_at }));
}

/** Keeps what a run learned (replacing the earlier rate of each account x region x operation). */
export function writeLearnedRates(sql: HistorySql, rates: readonly LearnedRate[]): Promise<void> {
  return sql.transaction(async (tx) => {
    for (const r of rates)
      await tx.run('INSERT INTO operation_rates (account, region, operation, rate, learned_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, region, operation) DO UPDATE SET rate = excluded.rate, learned_at = excluded.learned_at', [r.account, r.region, r.operation, r.rate, r.learnedAt]);
  });
}
