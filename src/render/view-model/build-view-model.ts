// RunResults (+ signer, + optional exceptions/manual evidence/history) -> ViewModel.
import { DEFAULT_FRAMEWORKS, inFrameworkOrder } from '../../catalog/catalog-schema.ts';
import type { ControlOutcome } from '../../map/control-outcome.ts';
import { zeroStatusCounts } from '../../map/requirement-status.ts';
import { describeScan } from '../../manual-evidence/nessus-summary.ts';
import type { IterableResults, RunResults } from '../../results/run-results.ts';
import type { SignerDescription } from '../../sign/signing-identity.ts';
import { buildScopeView } from './scope-view.ts';
import { FRAMEWORK_NAMES, FRAMEWORK_SHORT, SEVERITY_RANK } from './labels.ts';
import type { ControlView, ExceptionView, FrameworkView, GapView, HistoryPointView, ManualEvidenceView, ViewModel } from './view-model.ts';
import { carryOver, type TrackerInputs } from '../tracker/carry-over.ts';
import { pbcItems } from './pbc-items.ts';
import { rowsByControl } from './control-rows.ts';

export interface ViewModelExtras {
  exceptions?: ExceptionView[];
  manualEvidence?: ManualEvidenceView[];
  history?: HistoryPointView[];
  /** The previous tracker and run, for the team columns and the Resolved sheet. */
  tracker?: TrackerInputs;
}

const STATUS_ORDER: Record<ControlOutcome, number> = { fail: 0, expired: 1, unknown: 2, manual: 3, attested: 4, pass: 5, not_applicable: 6 };
export const TOP_GAPS = 10;

/** The evidence source as the report shows it; replayed evidence says loudly whether it was verified. */
export function sourceLabel(source: RunResults['run']['source']): string {
  const where = source.location ? `${source.kind} (${source.location})` : source.kind;
  if (!source.verification) return where;
  return source.verification.status === 'verified' ? `${where}; source verified: ${source.verification.detail}` : `${where}; UNVERIFIED SOURCE: ${source.verification.detail}`;
}

export function buildViewModel(results: IterableResults, signer: SignerDescription, extras: ViewModelExtras = {}): ViewModel {
  const { run } = results;
  const frameworks = inFrameworkOrder(run.frameworks.length ? run.frameworks : DEFAULT_FRAMEWORKS).filter((fw) => results.requirements[fw]);
  // Each control's failing, unknown and cited rows, picked from the results rather than copied out of them.
  const rows = rowsByControl(results);

  const controls: ControlView[] = results.controls
    .map((c) => ({
      id: c.id,
      title: c.title,
      severity: c.severity,
      automation: c.automation,
      status: c.status,
      check: c.check,
      rationale: c.rationale,
      remediation: c.remediation,
      counts: c.counts,
      requirements: c.mappings.filter((m) => frameworks.includes(m.framework)).map((m) => `${FRAMEWORK_SHORT[m.framework]} ${m.requirement} (${m.strength})`),
      ...rows.of(c.id),
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id.localeCompare(b.id));

  const titleOf = new Map(results.controls.map((c) => [c.id, c.title]));
  const frameworkViews: FrameworkView[] = frameworks.map((fw) => ({
    id: fw,
    name: FRAMEWORK_NAMES[fw],
    counts: results.summary.requirements[fw] ?? zeroStatusCounts(),
    requirements: (results.requirements[fw] ?? []).map((r) => ({
      framework: fw,
      id: r.id,
      title: r.title,
      ...(r.kind ? { kind: r.kind } : {}),
      coverage: r.coverage,
      status: r.status,
      reason: r.reason,
      primaryPassed: r.primaryPassed,
      primaryTotal: r.primaryTotal,
      controls: r.controls.map((c) => ({ id: c.id, title: titleOf.get(c.id) ?? c.id, status: c.status, strength: c.strength, justification: c.justification })),
      ...(r.providerEvidence ? { providerEvidence: r.providerEvidence } : {}),
    })),
  }));

  const topGaps: GapView[] = controls
    .filter((c) => c.status === 'fail' || c.status === 'unknown' || c.status === 'expired')
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.failing.length - a.failing.length || a.id.localeCompare(b.id))
    .slice(0, TOP_GAPS)
    .map((c) => ({ controlId: c.id, title: c.title, severity: c.severity, status: c.status, failing: c.failing.length, unknown: c.unknown.length }));

  // Exceptions and manual evidence come with the results (src/exceptions, src/manual-evidence); extras may add more.
  const exceptions: ExceptionView[] = [
    ...(results.exceptions ?? []).map((e) => ({ id: e.id, controlId: e.controlId, ...(e.resource && e.resource !== '*' ? { resource: e.resource } : {}), reason: e.justification, approver: e.approver, approvedAt: e.approvedOn, expiresAt: e.expiresOn, status: e.status, matchedFindings: e.matchedFindings })),
    ...(extras.exceptions ?? []),
  ];
  const manualEvidence: ManualEvidenceView[] = [
    ...(results.manualEvidence ?? []).map((m) => ({
      suppliedFor: [
        ...m.requirements.filter((r) => frameworks.includes(r.framework)).map((r) => `${FRAMEWORK_SHORT[r.framework]} ${r.requirement}`),
        ...m.controls.map((id) => `control ${id}`),
        ...m.providerEvidence.map((name) => `provider evidence: ${name}`),
      ],
      title: m.title,
      ...(m.scan ? { contents: describeScan(m.scan) } : {}),
      ...(m.disqualifiedBy ? { disqualifiedBy: m.disqualifiedBy } : {}),
      file: m.file,
      sha256: m.sha256,
      attestedBy: `${m.attestedBy} (${m.attestedOn})`,
      renewalDate: m.renewBy,
      status: m.status,
    })),
    ...(extras.manualEvidence ?? []),
  ];

  const tracker = carryOver(results, extras.tracker);
  return {
    run: {
      id: run.id,
      organization: run.organization,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      evaluatedAt: run.evaluatedAt,
      toolName: run.tool.name,
      toolVersion: run.tool.version,
      catalogDigest: run.catalogDigest,
      source: sourceLabel(run.source),
      accounts: run.scope.accounts,
      regions: run.scope.regions,
      frameworkNames: frameworks.map((f) => FRAMEWORK_NAMES[f]),
    },
    scope: buildScopeView(results),
    signer,
    summary: results.summary,
    frameworks: frameworkViews,
    controls,
    topGaps,
    manualRequests: frameworkViews.flatMap((f) => f.requirements.filter((r) => r.status === 'manual')),
    pbc: pbcItems(frameworkViews, tracker.pbc),
    tracker,
    evidence: rows.evidenceByFile,
    ...(exceptions.length ? { exceptions } : {}),
    ...(manualEvidence.length ? { manualEvidence } : {}),
    ...(extras.history?.length ? { history: extras.history } : {}),
  };
}
