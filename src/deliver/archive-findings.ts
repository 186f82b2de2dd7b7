// Security Hub findings of the previous run that this run no longer reports as failing or unknown:
// each is imported again under the same Id with RecordState ARCHIVED (and Compliance PASSED when the
// finding now passes), so Security Hub stops listing it as active. Only BatchImportFindings is used:
// Workflow is the customer's field, which Security Hub lets a provider set only on a new finding, so
// Workflow RESOLVED takes effect only where the finding was never imported before (then it arrives
// archived and resolved); an existing finding's workflow status stays whatever the team set.
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { asffFinding, type AsffOptions } from '../render/exports/asff.ts';
import { controlOf, truncate } from '../render/exports/export-common.ts';
import type { ControlEntry, IterableResults, ResultFinding, RunMetadata } from '../results/run-results.ts';

/** What the previous run delivered: its metadata, controls and failing/unknown findings. */
export interface PreviousDelivery {
  run: RunMetadata;
  controls: readonly ControlEntry[];
  open: readonly ResultFinding[];
}

const DESCRIPTION_LIMIT = 1024;

function isOpen(status: string | undefined): boolean {
  return status === 'fail' || status === 'unknown';
}

function resolution(now: ResultFinding | undefined): string {
  if (!now) return 'the resource was not found in this run (removed, or no longer in scope)';
  return now.status === 'pass' ? `it passes: ${now.reason}` : `nothing is left to check: ${now.reason}`;
}

export function* archivedFindings(results: IterableResults, previous: PreviousDelivery, opts: AsffOptions = {}): Generator<AwsSecurityFinding> {
  const candidates = new Set(previous.open.map((f) => f.id));
  const current = new Map<string, ResultFinding>();
  for (const f of results.findings) if (candidates.has(f.id)) current.set(f.id, f);
  const controls = new Map(previous.controls.map((c) => [c.id, c]));
  const homeRegion = opts.homeRegion ?? results.run.scope.regions[0] ?? previous.run.scope.regions[0] ?? 'us-east-1';
  for (const f of previous.open) {
    const now = current.get(f.id);
    if (isOpen(now?.status)) continue;
    const before = asffFinding(f, controlOf(controls, f), { run: previous.run }, { homeRegion });
    yield {
      ...before,
      // Security Hub keeps the newer of two updates: this run's time, after the previous import's.
      UpdatedAt: results.run.finishedAt,
      Description: truncate(`Resolved by Proofline run ${results.run.id} (${results.run.evaluatedAt}): ${resolution(now)}`, DESCRIPTION_LIMIT),
      ProductFields: { ...before.ProductFields, 'proofline/Status': now?.status ?? 'not_found', 'proofline/RunId': results.run.id, 'proofline/EvaluatedAt': results.run.evaluatedAt, 'proofline/ResolvedBy': results.run.id },
      Compliance: { ...before.Compliance, Status: now?.status === 'pass' ? 'PASSED' : before.Compliance?.Status },
      Workflow: { Status: 'RESOLVED' },
      RecordState: 'ARCHIVED',
    };
  }
}
