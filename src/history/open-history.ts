// Opens the run history with this installation's history key ($PROOFLINE_HOME/history.key): in the
// PostgreSQL database of PROOFLINE_HISTORY_URL or history.url when one is given, else in
// <dataDir>/history.sqlite.
import type { ProoflineConfig } from '../config/config-schema.ts';
import { InputError } from '../util/input-error.ts';
import { displayUrl, isPostgresUrl } from '../util/postgres-url.ts';
import { prooflineHome } from '../util/proofline-home.ts';
import { loadHistoryKey } from './history-key.ts';
import { HistoryStore } from './history-store.ts';

export type HistoryConfig = Pick<ProoflineConfig, 'dataDir' | 'history'>;

/** The PostgreSQL history's URL and where it was given, or undefined for the embedded SQLite history. */
export function historyUrlOf(config: HistoryConfig, env: NodeJS.ProcessEnv = process.env): { url: string; from: { file: string; field?: string } } | undefined {
  const fromEnv = env.PROOFLINE_HISTORY_URL || undefined;
  if (fromEnv !== undefined && !isPostgresUrl(fromEnv)) throw new InputError({ file: 'PROOFLINE_HISTORY_URL', message: `"${displayUrl(fromEnv)}" is not a postgres:// or postgresql:// URL` });
  if (fromEnv) return { url: fromEnv, from: { file: 'PROOFLINE_HISTORY_URL' } };
  return config.history?.url ? { url: config.history.url, from: { file: 'config', field: 'history.url' } } : undefined;
}

export async function openHistory(config: HistoryConfig, env: NodeJS.ProcessEnv = process.env): Promise<HistoryStore> {
  const pg = historyUrlOf(config, env);
  const key = loadHistoryKey(prooflineHome(env));
  return pg ? HistoryStore.openPostgres(pg.url, key) : HistoryStore.open(config.dataDir, key);
}

/** For reading commands: a dataDir (or database) without a history is an error (a mistyped path), never a new one. */
export async function openExistingHistory(config: HistoryConfig, env: NodeJS.ProcessEnv = process.env): Promise<HistoryStore> {
  const pg = historyUrlOf(config, env);
  const key = () => loadHistoryKey(prooflineHome(env));
  return pg ? HistoryStore.openExistingPostgres(pg.url, key, pg.from) : HistoryStore.openExisting(config.dataDir, key);
}
