// One evidence run: collect (collect-evidence.ts), evaluate, map, and assemble results. Each account is
// evaluated as soon as its collection ends, its findings annotated with accepted risks and
// stored with its records in the run's spool (run-spool.ts), and let go: what the run holds while other
// accounts are collected and the package is written does not grow with the number of accounts. Rules
// read only the account they judge (test/core/evaluation-by-account.test.ts), so this gives the
// findings a whole-run evaluation gives.
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import { MemoryEvidence } from '../collect/evidence-sink.ts';
import type { StoredRecords } from '../collect/snapshot/stored-record.ts';
import type { ProoflineConfig } from '../config/config-schema.ts';
import { controlStatus, countFindings, type ControlResult, type StatusCounts } from '../evaluate/control-status.ts';
import { evaluateControls } from '../evaluate/evaluate-controls.ts';
import type { Rule } from '../evaluate/rule.ts';
import { ExceptionMatcher } from '../exceptions/apply-exceptions.ts';
import type { RiskException } from '../exceptions/exceptions-schema.ts';
import { mapRequirements } from '../map/map-requirements.ts';
import { buildResultsHead } from '../results/build-results.ts';
import { conclusionViolations } from '../results/conclusion-invariant.ts';
import { RunTally } from '../results/run-tally.ts';
import { RULE_THRESHOLDS } from '../evaluate/rule-thresholds.ts';
import { SCAN_DISQUALIFYING_SEVERITIES } from '../manual-evidence/nessus-summary.ts';
import type { IterableResults, ManualEvidenceEntry, ResultFinding } from '../results/run-results.ts';
import { TOOL_NAME, TOOL_VERSION } from '../util/version.ts';
import type { CollectEvidenceOptions } from './collect-evidence.ts';
import { RunSpool } from './run-spool.ts';

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
  /**
   * The folder the run's spool is made in (`.proofline-run-*`, removed by dispose()): the package's output
   * folder, so it is on the disk the package goes to. Default: the system's temporary folder.
   */
  workDir?: string;
}

export interface RunEvidenceOutput {
  /** The results; their findings and evidence entries are rows of the spool's files. */
  results: IterableResults;
  /** The records, as a snapshot stores them, read from the spool. */
  records: StoredRecords;
  /** Removes the spool: the results' rows and the records are unreadable afterwards. */
  dispose(): Promise<void>;
}

export async function runEvidence(opts: RunEvidenceOptions): Promise<RunEvidenceOutput> {
  const now = opts.now ?? (() => new Date());
  const startedAt = now();
  const evaluatedAt = opts.evaluatedAt ?? startedAt;
  const scope = opts.source.scope;
  const ruleParameters = { allowedRegions: opts.config.allowedRegions, accessKeyMaxAgeDays: opts.config.accessKeyMaxAgeDays, logRetentionMinDays: opts.config.logRetentionMinDays, bedrockExpectedInvocations: opts.config.bedrockExpectedInvocations };
  const controls = opts.catalog.controls;
  const controlOrder = new Map(controls.map((c, i) => [c.id, i]));
  const spool = await RunSpool.create(opts.workDir ?? tmpdir());
  try {
    const matcher = new ExceptionMatcher(opts.exceptions ?? [], evaluatedAt);
    const tally = new RunTally();
    const counts = new Map<string, StatusCounts>(controls.map((c) => [c.id, countFindings([])]));
    const inScope = new Set(scope.accounts);
    const stored = new Set<string>();
    let storing: Promise<void> = Promise.resolve();
    // Evaluated at once (synchronously, while its records are whole), accepted risks applied, stored in order.
    const store = (account: string, records: EvidenceRecord[]) => {
      stored.add(account);
      for (const r of records) tally.addRecord(r);
      // Records of an account the scope does not name are kept as evidence; no rule judges them.
      const findings: ResultFinding[] = inScope.has(account) ? evaluateAccount(account, records) : [];
      storing = storing.then(() => spool.add(account, records, findings, controlOrder));
      // A failed store stops the run at the end of collection, not as an unhandled rejection meanwhile.
      storing.catch(() => undefined);
      return storing;
    };
    const evaluateAccount = (account: string, records: EvidenceRecord[]): ResultFinding[] => {
      const evaluation = evaluateControls(controls, opts.rules, records, { ...scope, accounts: [account] }, { now: evaluatedAt, ...ruleParameters });
      for (const c of evaluation.controls) {
        const sum = counts.get(c.controlId)!;
        for (const s of Object.keys(sum) as (keyof StatusCounts)[]) sum[s] += c.counts[s];
      }
      return evaluation.findings.map((f) => {
        tally.addFinding(f);
        return matcher.annotate(f);
      });
    };
    // The in-process collection (and every collector behind it) is loaded only when this run collects.
    const collect = opts.collect ?? (await import('./collect-evidence.ts')).collectEvidence;
    const rest = await collect({ ...opts, now, onAccountCollected: store });
    // What the collection returned instead of handing over (an account no collector ran for, a collect
    // function that hands nothing over), stored account by account as well.
    const leftover = new MemoryEvidence();
    for (const r of rest) {
      if (stored.has(r.account)) throw new Error(`run: evidence of account ${r.account} came after its collection ended`);
      leftover.add(r);
    }
    rest.length = 0;
    for (const account of leftover.accounts()) store(account, leftover.take(account));
    // An account without any evidence is still judged: its findings say what could not be checked.
    for (const account of scope.accounts) if (!stored.has(account)) store(account, []);
    await storing;
    const rows = await spool.finish(controls.map((c) => c.id));

    const controlResults: ControlResult[] = controls.map((c) => (c.automation === 'manual' ? { controlId: c.id, status: 'manual', counts: countFindings([]) } : { controlId: c.id, status: controlStatus(counts.get(c.id)!), counts: counts.get(c.id)! }));
    const requirements = mapRequirements(opts.catalog, controlResults, opts.config.frameworks, opts.manualEvidence ?? []);
    const violations = conclusionViolations(requirements, opts.manualEvidence ?? []);
    // A bug, not bad input: never render a conclusion beyond its evidence.
    if (violations.length) throw new Error(`requirement roll-up says more than its evidence:\n${violations.join('\n')}`);
    const window = tally.window;
    const head = buildResultsHead(
      {
        id: randomUUID(),
        startedAt: startedAt.toISOString(),
        finishedAt: now().toISOString(),
        evaluatedAt: evaluatedAt.toISOString(),
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        organization: opts.config.organization,
        source: { kind: opts.source.kind, ...(opts.source.location ? { location: opts.source.location } : {}), ...(opts.source.recordedAt ? { recordedAt: opts.source.recordedAt } : {}), ...(opts.source.verification ? { verification: opts.source.verification } : {}) },
        scope,
        regionSelection: opts.source.regionSelection,
        parameters: { ...ruleParameters, ...RULE_THRESHOLDS, scanDisqualifyingSeverities: [...SCAN_DISQUALIFYING_SEVERITIES] },
        ...(window ? { collectionWindow: window } : {}),
        frameworks: opts.config.frameworks,
        catalogDigest: opts.catalog.digest,
      },
      opts.catalog,
      controlResults,
      requirements,
      tally,
      opts.manualEvidence ?? [],
    );
    const withManual = opts.manualEvidence?.length ? { ...head, manualEvidence: [...opts.manualEvidence] } : head;
    const results: IterableResults = { ...matcher.settle(withManual), findings: rows.findings, evidence: rows.evidence };
    return { results, records: rows.records, dispose: () => spool.remove() };
  } catch (err) {
    await spool.remove();
    throw err;
  }
}
