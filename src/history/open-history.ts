// Opens a dataDir's history with this installation's history key ($PROOFLINE_HOME/history.key).
import { prooflineHome } from '../util/proofline-home.ts';
import { loadHistoryKey } from './history-key.ts';
import { HistoryStore } from './history-store.ts';

export async function openHistory(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<HistoryStore> {
  return HistoryStore.open(dataDir, loadHistoryKey(prooflineHome(env)));
}

/** For reading commands: a dataDir without a history is an error (a mistyped dataDir), never a new one. */
export async function openExistingHistory(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<HistoryStore> {
  return HistoryStore.openExisting(dataDir, () => loadHistoryKey(prooflineHome(env)));
}
