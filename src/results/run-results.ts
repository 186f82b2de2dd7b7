// The run's results: the one model every renderer, the store and `diff` read. Documented in README.
import type { FrameworkId, MappingStrength, Severity } from '../catalog/catalog-schema.ts';
import type { EvidenceOutcome, EvidenceError } from '../collect/evidence-record.ts';
import type { RegionSelection, SourceVerification } from '../collect/source.ts';
import type { Scope } from '../collect/target.ts';
import type { ScopeStatement } from './scope-statement.ts';
import type { Rows } from '../util/json-rows.ts';
import type { StatusCounts } from '../evaluate/control-status.ts';
import type { ControlOutcome } from '../map/control-outcome.ts';
import type { Finding } from '../evaluate/finding.ts';
import type { RequirementResults, RequirementStatus } from '../map/map-requirements.ts';
import type { ManualEvidenceEntry } from '../manual-evidence/manual-evidence-entry.ts';

export type { ManualEvidenceEntry };

export const RESULTS_SCHEMA = 'proofline-results';
/** 2: mapping strength, hybrid coverage, attested/expired controls, inherited_no_evidence, no partial, scope. */
export const RESULTS_SCHEMA_VERSION = 2;

export interface RunMetadata {
  id: string;
  startedAt: string;
  finishedAt: string;
  /** The time rules judged ages against (equal to startedAt unless overridden). */
  evaluatedAt: string;
  tool: { name: string; version: string };
  organization: string;
  /**
   * recordedAt: a replay's recording date (the snapshot's createdAt); the evidence was not collected at run time.
   * verification: replayed evidence, checked against its package's signed manifest or not (SourceVerification).
   */
  source: { kind: 'live' | 'snapshot' | 'simulated'; location?: string; recordedAt?: string; verification?: SourceVerification };
  scope: Scope;
  /** How the regions were chosen, and the evidence records (ec2.DescribeRegions) the choice rests on. */
  regionSelection: RegionSelection;
  /** Every parameter rules and the roll-up judged by. */
  parameters: RunParameters;
  /** Earliest and latest collectedAt of the run's evidence records; absent when there are none. */
  collectionWindow?: { from: string; to: string };
  frameworks: FrameworkId[];
  catalogDigest: string;
}

export interface RunParameters {
  /** Regions where data may reside (empty: every region in scope). */
  allowedRegions: string[];
  accessKeyMaxAgeDays: number;
  logRetentionMinDays: number;
  /** Who may invoke Bedrock models, and where; absent when not configured. */
  bedrockExpectedInvocations?: { principals: string[]; regions: string[] };
  certificateExpiryWindowDays: number;
  passwordMinLength: number;
  passwordReusePrevention: number;
  /** Open scan findings at these severities make a scan satisfy nothing. */
  scanDisqualifyingSeverities: string[];
}

export interface ControlEntry {
  id: string;
  title: string;
  severity: Severity;
  automation: 'automated' | 'manual';
  services: string[];
  practices: string[];
  check: string;
  rationale: string;
  remediation: string;
  /** Evaluated status; a manual control reads attested / expired / manual from its attested evidence. */
  status: ControlOutcome;
  counts: StatusCounts;
  mappings: { framework: FrameworkId; requirement: string; strength: MappingStrength; justification: string }[];
  /** Ids of the attested files that name the control (supplied for review). */
  manualEvidence?: string[];
  /** Failing findings covered by an active exception (still failing, shown as accepted risk). */
  acceptedRisk?: number;
}

export interface EvidenceEntry {
  id: string;
  key: string;
  account: string;
  region: string;
  outcome: EvidenceOutcome;
  collectedAt: string;
  requestId?: string;
  sha256: string;
  /** Path inside the package. */
  file: string;
  error?: EvidenceError;
}

export interface RunSummary {
  findings: StatusCounts;
  controls: Record<ControlOutcome, number>;
  /** Per selected framework. */
  requirements: Partial<Record<FrameworkId, Record<RequirementStatus, number>>>;
  evidence: { records: number; ok: number; notConfigured: number; errors: number };
  /** Failing findings accepted as risk by an active exception. */
  acceptedRisk?: number;
}

/** Set on a failing finding an exception matches; status stays fail. */
export interface FindingException {
  id: string;
  /** accepted: the exception applies; expired: it matched but its expiry has passed, so it no longer applies. */
  status: 'accepted' | 'expired';
  approver: string;
  approvedOn: string;
  expiresOn: string;
  justification: string;
}

/**
 * firstSeen (failing and unknown findings of scheduled runs): start time of the first run, in the run
 * history, of the unbroken series of runs up to this one in which the finding was failing or unknown.
 */
export type ResultFinding = Finding & { exception?: FindingException; firstSeen?: string };

/** An exception from the exceptions file, as of the run (src/exceptions). */
export interface ExceptionEntry {
  id: string;
  controlId: string;
  resource: string;
  account?: string;
  region?: string;
  justification: string;
  approver: string;
  approvedOn: string;
  expiresOn: string;
  status: 'active' | 'expired';
  /** Failing findings it matched in this run. */
  matchedFindings: number;
}

export interface RunResults {
  schema: typeof RESULTS_SCHEMA;
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  run: RunMetadata;
  summary: RunSummary;
  /** What was examined and what was not (services, operations, resource types, limited requirements). */
  scope: ScopeStatement;
  controls: ControlEntry[];
  findings: ResultFinding[];
  requirements: RequirementResults;
  evidence: EvidenceEntry[];
  exceptions?: ExceptionEntry[];
  manualEvidence?: ManualEvidenceEntry[];
}

/**
 * RunResults as the package's renderers read it: the findings and evidence entries are Rows, which in a
 * package are results.json's rows read from disk as they are iterated (util/json-rows.ts), so a run's
 * size does not stay in memory while it renders. An in-memory RunResults is one too.
 */
export type IterableResults = Omit<RunResults, 'findings' | 'evidence'> & { findings: Rows<ResultFinding>; evidence: Rows<EvidenceEntry> };

/** The results without their findings and evidence entries (results.json's head). */
export type ResultsHead = Omit<RunResults, 'findings' | 'evidence'>;
