// Runs the project's real collectors (those the catalog needs) against a synthetic account, the same
// path `proofline run` takes against AWS: client factory, evidence middleware, SDK retry, paginators.
import { loadProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { ClientFactory } from '../../src/collect/client-factory.ts';
import type { OperationPace } from '../../src/collect/operation-pacing.ts';
import { loadCollectors, selectCollectors } from '../../src/collect/collector-registry.ts';
import type { Collector } from '../../src/collect/collector.ts';
import type { EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { MemoryEvidence } from '../../src/collect/evidence-sink.ts';
import { runCollection } from '../../src/collect/run-collection.ts';
import type { SimulatedAwsOptions } from '../../src/collect/simulated-aws.ts';
import { neededEvidenceKeys } from '../../src/run/collect-evidence.ts';
import { SYNTHETIC_RECORDED_AT } from './plan.ts';
import { syntheticAccount, type SyntheticAccount } from './synthetic-aws.ts';

export interface CollectOptions extends SimulatedAwsOptions {
  /** SDK client settings; the live source's (adaptive retry, 8 attempts) by default. */
  clientConfig?: (service: string) => Record<string, unknown>;
  perAccountConcurrency?: number;
  fanOutConcurrency?: number;
  /** Fixed record time (snapshots) instead of the clock. */
  fixedTime?: boolean;
  /** Paces started from earlier runs' rates (src/collect/learned-rates.ts); they hold this run's afterwards. */
  paces?: Map<string, OperationPace>;
}

export interface SyntheticCollection {
  account: SyntheticAccount;
  records: EvidenceRecord[];
  collectors: number;
  ms: number;
}

/** The client settings live runs use (src/collect/live/live-source.ts), so retries behave as they would against AWS. */
export const LIVE_LIKE_CLIENT_CONFIG = (service: string) => ({ retryMode: 'adaptive', maxAttempts: 8, ...(service === 's3' ? { followRegionRedirects: true } : {}) });

/**
 * The collectors a run would select (the catalog's evidence keys). While the catalog is being edited
 * it may not load; then every collector runs, which is what a complete catalog selects anyway.
 */
export async function collectorsToRun(): Promise<Collector[]> {
  try {
    const { catalog, collectors } = await loadProjectCatalog();
    return selectCollectors(collectors, neededEvidenceKeys(catalog)).selected;
  } catch {
    return loadCollectors();
  }
}

export async function collectSynthetic(size: number, opts: CollectOptions = {}): Promise<SyntheticCollection> {
  const selected = await collectorsToRun();
  const account = syntheticAccount(size, opts);
  const sink = new MemoryEvidence();
  const now = opts.fixedTime ? () => SYNTHETIC_RECORDED_AT : () => new Date();
  const clientConfig = opts.clientConfig ?? LIVE_LIKE_CLIENT_CONFIG;
  const factory = new ClientFactory({ sink, responder: account.responder, clientConfig: (service) => clientConfig(service), now, paces: opts.paces });
  const started = performance.now();
  try {
    await runCollection({ factory, sink, scope: account.scope, collectors: selected, now, perAccountConcurrency: opts.perAccountConcurrency, fanOutConcurrency: opts.fanOutConcurrency });
  } finally {
    factory.destroy();
  }
  return { account, records: sink.all(), collectors: selected.length, ms: performance.now() - started };
}
