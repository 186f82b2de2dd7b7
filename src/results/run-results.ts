// The run's results: the one model every renderer, the store and `diff` read. Documented in README.
import type { FrameworkId, Severity } from '../catalog/catalog-schema.ts';
import type { EvidenceOutcome, EvidenceError } from '../collect/evidence-record.ts';
import type { Scope } from '../collect/target.ts';
import type { ControlStatus, StatusCounts } from '../evaluate/control-status.ts';
import type { Finding } from '../evaluate/finding.ts';
import type { RequirementResults, RequirementStatus } from '../map/map-requirements.ts';

export const RESULTS_SCHEMA = 'proofline-results';
export const RESULTS_SCHEMA_VERSION = 1;

export interface RunMetadata {
  id: string;
  startedAt: string;
  finishedAt: string;
  /** The time rules judged ages against (equal to startedAt unless overridden). */
  evaluatedAt: string;
  tool: { name: string; version: string };
  organization: string;
  source: { kind: 'live' | 'snapshot' | 'simulated'; location?: string };
  scope: Scope;
  frameworks: FrameworkId[];
  catalogDigest: string;
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
  status: ControlStatus;
  counts: StatusCounts;
  mappings: { framework: FrameworkId; requirement: string }[];
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
  controls: Record<ControlStatus, number>;
  requirements: Record<FrameworkId, Record<RequirementStatus, number>>;
  evidence: { records: number; ok: number; notConfigured: number; errors: number };
}

export interface RunResults {
  schema: typeof RESULTS_SCHEMA;
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  run: RunMetadata;
  summary: RunSummary;
  controls: ControlEntry[];
  findings: Finding[];
  requirements: RequirementResults;
  evidence: EvidenceEntry[];
}
