// One evidence run: collect (collect-evidence.ts), evaluate, map, and assemble results.
import { randomUUID } from 'node:crypto';
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { ProoflineConfig } from '../config/config-schema.ts';
import { evaluateControls } from '../evaluate/evaluate-controls.ts';
import type { Rule } from '../evaluate/rule.ts';
import { applyExceptions } from '../exceptions/apply-exceptions.ts';
import type { RiskException } from '../exceptions/exceptions-schema.ts';
import { mapRequirements } from '../map/map-requirements.ts';
import { buildResults } from '../results/build-results.ts';
import { conclusionViolations } from '../results/conclusion-invariant.ts';
import { collectionWindow } from '../results/scope-statement.ts';
import { RULE_THRESHOLDS } from '../evaluate/rule-thresholds.ts';
import { SCAN_DISQUALIFYING_SEVERITIES } from '../manual-evidence/nessus-summary.ts';
import type { ManualEvidenceEntry, RunResults } from '../results/run-results.ts';
import { TOOL_NAME, TOOL_VERSION } from '../util/version.ts';
import { collectEvidence, type CollectEvidenceOptions } from './collect-evidence.ts';

export interface RunEvidenceOptions extends CollectEvidenceOptions {
  rules: ReadonlyMap<string, Rule>;
  config: ProoflineConfig;
  /** Evaluation time; defaults to the run's start. */
  evaluatedAt?: Date;
  /** Accepted risks (src/exceptions): matching failures are annotated, never hidden. */
  exceptions?: readonly RiskException[];
  /** Attested files (src/manual-evidence) that settle manual requirements. */
  manualEvidence?: readonly ManualEvidenceEntry[];
  /** How evidence is collected: in this process (default), or by workers (src/run/distributed). */
  collect?: (opts: CollectEvidenceOptions) => Promise<EvidenceRecord[]>;
}

export interface RunEvidenceOutput {
  results: RunResults;
  records: EvidenceRecord[];
}

export async function runEvidence(opts: RunEvidenceOptions): Promise<RunEvidenceOutput> {
  const now = opts.now ?? (() => new Date());
  const startedAt = now();
  const records = await (opts.collect ?? collectEvidence)({ ...opts, now });
  const evaluatedAt = opts.evaluatedAt ?? startedAt;
  const ruleParameters = { allowedRegions: opts.config.allowedRegions, accessKeyMaxAgeDays: opts.config.accessKeyMaxAgeDays, logRetentionMinDays: opts.config.logRetentionMinDays, bedrockExpectedInvocations: opts.config.bedrockExpectedInvocations };
  const evaluation = evaluateControls(opts.catalog.controls, opts.rules, records, opts.source.scope, { now: evaluatedAt, ...ruleParameters });
  const window = collectionWindow(records);
  const requirements = mapRequirements(opts.catalog, evaluation.controls, opts.config.frameworks, opts.manualEvidence ?? []);
  const violations = conclusionViolations(requirements, opts.manualEvidence ?? []);
  // A bug, not bad input: never render a conclusion beyond its evidence.
  if (violations.length) throw new Error(`requirement roll-up says more than its evidence:\n${violations.join('\n')}`);
  const built = buildResults(
    {
      id: randomUUID(),
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      evaluatedAt: evaluatedAt.toISOString(),
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      organization: opts.config.organization,
      source: { kind: opts.source.kind, ...(opts.source.location ? { location: opts.source.location } : {}), ...(opts.source.recordedAt ? { recordedAt: opts.source.recordedAt } : {}), ...(opts.source.verification ? { verification: opts.source.verification } : {}) },
      scope: opts.source.scope,
      regionSelection: opts.source.regionSelection,
      parameters: { ...ruleParameters, ...RULE_THRESHOLDS, scanDisqualifyingSeverities: [...SCAN_DISQUALIFYING_SEVERITIES] },
      ...(window ? { collectionWindow: window } : {}),
      frameworks: opts.config.frameworks,
      catalogDigest: opts.catalog.digest,
    },
    opts.catalog,
    evaluation,
    requirements,
    records,
    opts.manualEvidence ?? [],
  );
  const withManual = opts.manualEvidence?.length ? { ...built, manualEvidence: [...opts.manualEvidence] } : built;
  const results = applyExceptions(withManual, opts.exceptions ?? [], evaluatedAt);
  return { results, records };
}
