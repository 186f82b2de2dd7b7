// The one model every renderer reads (PDF, XLSX, OSCAL, templates). Built from RunResults; templates see
// only this, never raw AWS data.
import type { Coverage, FrameworkId, MappingStrength, Severity } from '../../catalog/catalog-schema.ts';
import type { StatusCounts } from '../../evaluate/control-status.ts';
import type { ControlOutcome } from '../../map/control-outcome.ts';
import type { RequirementStatus } from '../../map/requirement-status.ts';
import type { EvidenceEntry, ResultFinding, RunSummary } from '../../results/run-results.ts';
import type { ScopeView } from './scope-view.ts';
import type { SignerDescription } from '../../sign/signing-identity.ts';
import type { TeamValues } from '../tracker/team-columns.ts';
import type { TrackerView } from '../tracker/carry-over.ts';
import type { Rows } from '../../util/json-rows.ts';

export interface RunView {
  id: string;
  organization: string;
  startedAt: string;
  finishedAt: string;
  evaluatedAt: string;
  toolName: string;
  toolVersion: string;
  catalogDigest: string;
  source: string;
  accounts: string[];
  regions: string[];
  frameworkNames: string[];
}

export interface RequirementView {
  framework: FrameworkId;
  id: string;
  title: string;
  kind?: string;
  coverage: Coverage;
  status: RequirementStatus;
  reason: string;
  /** "x of y primary controls pass", shown next to the status. */
  primaryPassed: number;
  primaryTotal: number;
  /** Every mapped control, primary first, with its strength and the mapping's justification. */
  controls: { id: string; title: string; status: ControlOutcome; strength: MappingStrength; justification: string }[];
  /** inherited: the provider documents relied on and whether they are attached. */
  providerEvidence?: { name: string; attached: boolean }[];
}

export interface FrameworkView {
  id: FrameworkId;
  name: string;
  counts: Record<RequirementStatus, number>;
  requirements: RequirementView[];
}

export interface ControlView {
  id: string;
  title: string;
  severity: Severity;
  automation: 'automated' | 'manual';
  status: ControlOutcome;
  check: string;
  rationale: string;
  remediation: string;
  counts: StatusCounts;
  /** "HIPAA 164.312(a)(1)" style citations. */
  requirements: string[];
  /** Every failing finding (never a sample); an accepted exception is noted on the finding, which still fails. */
  failing: Rows<ResultFinding>;
  /** Every finding that could not be evaluated. */
  unknown: Rows<ResultFinding>;
  /** Evidence records the control's findings cite. */
  evidence: Rows<EvidenceEntry>;
}

export interface GapView {
  controlId: string;
  title: string;
  severity: Severity;
  status: ControlOutcome;
  failing: number;
  unknown: number;
}

/** An accepted risk or exception (filled by the exceptions feature; rendered when present). */
export interface ExceptionView {
  id: string;
  controlId: string;
  /** Resource id, or undefined when the exception covers the whole control. */
  resource?: string;
  reason: string;
  approver: string;
  approvedAt?: string;
  expiresAt: string;
  status: 'active' | 'expired';
  /** Failing findings it covered in this run. */
  matchedFindings?: number;
}

/** An attested file supplied by people, for review (rendered when present). */
export interface ManualEvidenceView {
  /** What the file is supplied for: "HIPAA 164.316(a)", "control backup-restores-tested", "provider evidence: AWS BAA". */
  suppliedFor: string[];
  title: string;
  /** What the file contains, when Proofline can read it (a scan's severity counts, hosts and dates). */
  contents?: string;
  /** Why it satisfies nothing (e.g. open critical or high scan findings). */
  disqualifiedBy?: string;
  file?: string;
  sha256?: string;
  attestedBy?: string;
  renewalDate?: string;
  status: 'current' | 'expired' | 'missing';
}

/**
 * One request of the PBC (provided-by-client) list: a requirement that needs something from the
 * organization (attested evidence, or the provider documents an inherited requirement relies on).
 */
export interface PbcItemView {
  /** Stable key, matched when the team's Owner / Due date are carried over: "<framework>:<requirement>". */
  id: string;
  framework: FrameworkId;
  /** "HIPAA 164.308(a)(1)(ii)(A)" */
  requirement: string;
  title: string;
  /** What to supply, and why the report needs it. */
  supply: string;
  /** The team's values carried from the previous tracker (Owner, Due date, Status, Comments). */
  team: TeamValues;
}

/** One earlier run in the observation window (rendered when present). */
export interface HistoryPointView {
  runId: string;
  startedAt: string;
  findings: StatusCounts;
  /** Counts of the earlier run's controls (runs before control attestations count only evaluated statuses). */
  controls: Pick<Record<ControlOutcome, number>, 'fail' | 'unknown'>;
}

export interface ViewModel {
  run: RunView;
  scope: ScopeView;
  signer: SignerDescription;
  summary: RunSummary;
  frameworks: FrameworkView[];
  controls: ControlView[];
  topGaps: GapView[];
  /** Requirements that need attested evidence (status manual). */
  manualRequests: RequirementView[];
  /** The PBC list: manual requirements and inherited ones whose provider documents are not attached. */
  pbc: PbcItemView[];
  /** The remediation tracker's carried team columns and resolved findings. */
  tracker: TrackerView;
  /** Every evidence record, by file. */
  evidence: Rows<EvidenceEntry>;
  exceptions?: ExceptionView[];
  manualEvidence?: ManualEvidenceView[];
  history?: HistoryPointView[];
}
