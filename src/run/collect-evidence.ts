// The collect stage of a run: the union of the evidence keys the controls need, gathered once by the
// collectors that produce them, over every target of the source's scope.
import type { Catalog } from '../catalog/load-catalog.ts';
import { ClientFactory } from '../collect/client-factory.ts';
import type { Collector } from '../collect/collector.ts';
import { selectCollectors } from '../collect/collector-registry.ts';
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { ResponseFilter } from '../collect/evidence-middleware.ts';
import { MemoryEvidence } from '../collect/evidence-sink.ts';
import { runCollection } from '../collect/run-collection.ts';
import type { PreparedSource } from '../collect/source.ts';

export interface CollectEvidenceOptions {
  catalog: Catalog;
  collectors: Collector[];
  source: PreparedSource;
  now?: () => Date;
  filter?: ResponseFilter;
  /** Key of the redaction HMAC; default: the installation's key (samples and tests pass SAMPLE_REDACTION_KEY). */
  redactionKey?: Uint8Array;
  perAccountConcurrency?: number;
  /** Calls in flight per service x account x region, and follow-up calls per collector. */
  callConcurrency?: number;
  fanOutConcurrency?: number;
  onCall?: ConstructorParameters<typeof ClientFactory>[0]['onCall'];
  /** Paces started from earlier runs' rates; they hold this run's rates afterwards (learned-rates.ts). */
  paces?: ConstructorParameters<typeof ClientFactory>[0]['paces'];
  onCollectorDone?: Parameters<typeof runCollection>[0]['onCollectorDone'];
  /**
   * Takes each account's records (sorted by id) as soon as its collection has ended, so the run can
   * evaluate and store them and let them go while other accounts are collected. The records handed
   * here are not returned; what is returned are the rest (any account the scope does not name). The
   * promise it returns settles once the account is stored: a collect function may wait for it before
   * handing over the next (the distributed one does, reading each account's shards from its store once
   * every shard is done; the in-process collection does not: its accounts finish as their calls do).
   */
  onAccountCollected?: (account: string, records: EvidenceRecord[]) => void | Promise<void>;
}

export function neededEvidenceKeys(catalog: Catalog): string[] {
  return [...new Set(catalog.controls.flatMap((c) => c.evidence))].sort();
}

/** Every evidence record of the run (failed calls included), sorted by id. */
export async function collectEvidence(opts: CollectEvidenceOptions): Promise<EvidenceRecord[]> {
  const { selected } = selectCollectors(opts.collectors, neededEvidenceKeys(opts.catalog));
  return collectWith(opts, selected, opts.source.preflight ?? []);
}

/**
 * A recording answers from disk with no latency to hide: a few calls in flight keep the CPU busy, while
 * live concurrency (64 collectors an account, every resource of a list started at once) only keeps
 * thousands of pending calls alive until the heap's next full collection (at 10,000 resources ~60 MB
 * of peak RSS for no gain in time). Explicit settings still win.
 */
export const REPLAY_CONCURRENCY = { perAccount: 8, total: 32, calls: 4, fanOut: 8 } as const;

/** Runs the given collectors over the source's scope with the run's client settings (one run, or one shard of it). */
export async function collectWith(opts: Omit<CollectEvidenceOptions, 'catalog' | 'collectors'>, collectors: Collector[], preflight: readonly EvidenceRecord[]): Promise<EvidenceRecord[]> {
  const handOver = opts.onAccountCollected;
  const now = opts.now ?? (() => new Date());
  const replay = opts.source.kind === 'snapshot';
  const sink = new MemoryEvidence();
  const factory = new ClientFactory({
    sink,
    responder: opts.source.responder,
    credentialsFor: opts.source.credentialsFor,
    clientConfig: opts.source.clientConfig as never,
    callDeadlineMs: opts.source.callDeadlineMs,
    filter: opts.filter,
    redactionKey: opts.redactionKey,
    now,
    callConcurrency: opts.callConcurrency ?? (replay ? REPLAY_CONCURRENCY.calls : undefined),
    onCall: opts.onCall,
    paces: opts.paces,
  });
  for (const record of preflight) sink.add(record);
  try {
    await runCollection({ factory, sink, scope: opts.source.scope, collectors, now, perAccountConcurrency: opts.perAccountConcurrency ?? (replay ? REPLAY_CONCURRENCY.perAccount : undefined), totalConcurrency: replay ? REPLAY_CONCURRENCY.total : undefined,
      fanOutConcurrency: opts.fanOutConcurrency ?? (replay ? REPLAY_CONCURRENCY.fanOut : undefined), onCollectorDone: opts.onCollectorDone,
      onAccountDone: handOver && ((account) => void handOver(account, sink.take(account))) });
  } finally {
    factory.destroy();
  }
  return sink.all();
}
