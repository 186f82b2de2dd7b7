// `proofline run` against live AWS starts from the call rates the history keeps (learned-rates.ts) and
// keeps its own there, when there is a history (dataDir or history.url): a one-off run never creates
// one, and without one it starts as before, unpaced until AWS throttles.
import { learnedRates, pacesFrom } from '../collect/learned-rates.ts';
import type { OperationPace } from '../collect/operation-pacing.ts';
import { HistoryNotFoundError } from './history-store.ts';
import { openExistingHistory, type HistoryConfig } from './open-history.ts';

export interface HistoryRates {
  paces: Map<string, OperationPace>;
  /** Writes what the paces learned back into the history (nothing without one). */
  keep(now: Date): Promise<void>;
}

export async function historyRates(config: HistoryConfig, env: NodeJS.ProcessEnv = process.env): Promise<HistoryRates> {
  const store = await openExistingHistory(config, env).catch((err: unknown) => {
    if (err instanceof HistoryNotFoundError) return undefined;
    throw err;
  });
  if (!store) return { paces: new Map(), keep: async () => {} };
  try {
    const paces = pacesFrom(await store.learnedRates());
    return {
      paces,
      async keep(now) {
        const again = await openExistingHistory(config, env);
        try {
          await again.saveLearnedRates(learnedRates(paces, now));
        } finally {
          await again.close();
        }
      },
    };
  } finally {
    await store.close();
  }
}
