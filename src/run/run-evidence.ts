// One evidence run: collect the union of what the controls need, evaluate, map, and assemble results.
import { randomUUID } from 'node:crypto';
import type { Catalog } from '../catalog/load-catalog.ts';
import { ClientFactory } from '../collect/client-factory.ts';
import type { Collector } from '../collect/collector.ts';
import { selectCollectors } from '../collect/collector-registry.ts';
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { ResponseFilter } from '../collect/evidence-middleware.ts';
import { MemoryEvidence } from '../collect/evidence-sink.ts';
import { runCollection } from '../collect/run-collection.ts';
import type { PreparedSource } from '../collect/source.ts';
import type { ProoflineConfig } from '../config/config-schema.ts';
import { evaluateControls } from '../evaluate/evaluate-controls.ts';
import type { Rule } from '../evaluate/rule.ts';
import { applyExceptions } from '../exceptions/apply-exceptions.ts';
import type { RiskException } from '../exceptions/exceptions-schema.ts';
import { applyManualEvidence } from '../map/apply-manual-evidence.ts';
import { mapRequirements } from '../map/map-requirements.ts';
import { buildResults } from '../results/build-results.ts';
import type { ManualEvidenceEntry, RunResults } from '../results/run-results.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';

export interface RunEvidenceOptions {
  catalog: Catalog;
  rules: ReadonlyMap<string, Rule>;
  collectors: Collector[];
  source: PreparedSource;
  config: ProoflineConfig;
  /** Evaluation time; defaults to the run's start. */
  evaluatedAt?: Date;
  now?: () => Date;
  filter?: ResponseFilter;
  perAccountConcurrency?: number;
  /** Calls in flight per service x account x region, and follow-up calls per collector. */
  callConcurrency?: number;
  fanOutConcurrency?: number;
  onCall?: ConstructorParameters<typeof ClientFactory>[0]['onCall'];
  onCollectorDone?: Parameters<typeof runCollection>[0]['onCollectorDone'];
  /** Accepted risks (src/exceptions): matching failures are annotated, never hidden. */
  exceptions?: readonly RiskException[];
  /** Attested files (src/manual-evidence) that settle manual requirements. */
  manualEvidence?: readonly ManualEvidenceEntry[];
}

export interface RunEvidenceOutput {
  results: RunResults;
  records: EvidenceRecord[];
}

export function neededEvidenceKeys(catalog: Catalog): string[] {
  return [...new Set(catalog.controls.flatMap((c) => c.evidence))].sort();
}

export async function runEvidence(opts: RunEvidenceOptions): Promise<RunEvidenceOutput> {
  const now = opts.now ?? (() => new Date());
  const startedAt = now();
  const sink = new MemoryEvidence();
  const factory = new ClientFactory({
    sink,
    responder: opts.source.responder,
    credentialsFor: opts.source.credentialsFor,
    clientConfig: opts.source.clientConfig as never,
    filter: opts.filter,
    now,
    callConcurrency: opts.callConcurrency,
    onCall: opts.onCall,
  });
  for (const record of opts.source.preflight ?? []) sink.add(record);
  const { selected } = selectCollectors(opts.collectors, neededEvidenceKeys(opts.catalog));
  try {
    await runCollection({ factory, sink, scope: opts.source.scope, collectors: selected, now, perAccountConcurrency: opts.perAccountConcurrency, fanOutConcurrency: opts.fanOutConcurrency, onCollectorDone: opts.onCollectorDone });
  } finally {
    factory.destroy();
  }
  const records = sink.all();
  const evaluatedAt = opts.evaluatedAt ?? startedAt;
  const evaluation = evaluateControls(opts.catalog.controls, opts.rules, records, opts.source.scope, {
    now: evaluatedAt,
    allowedRegions: opts.config.allowedRegions,
    accessKeyMaxAgeDays: opts.config.accessKeyMaxAgeDays,
    logRetentionMinDays: opts.config.logRetentionMinDays,
  });
  const requirements = applyManualEvidence(mapRequirements(opts.catalog, evaluation.controls), opts.manualEvidence ?? []);
  const built = buildResults(
    {
      id: randomUUID(),
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      evaluatedAt: evaluatedAt.toISOString(),
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      organization: opts.config.organization,
      source: { kind: opts.source.kind, ...(opts.source.location ? { location: opts.source.location } : {}) },
      scope: opts.source.scope,
      frameworks: opts.config.frameworks,
      catalogDigest: opts.catalog.digest,
    },
    opts.catalog,
    evaluation,
    requirements,
    records,
  );
  const withManual = opts.manualEvidence?.length ? { ...built, manualEvidence: [...opts.manualEvidence] } : built;
  const results = applyExceptions(withManual, opts.exceptions ?? [], evaluatedAt);
  return { results, records };
}
