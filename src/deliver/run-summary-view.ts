// What notifications may say about a run: counts and names from the results, never raw AWS data.
import { FRAMEWORK_IDS } from '../catalog/catalog-schema.ts';
import type { IterableResults } from '../results/run-results.ts';
import { FRAMEWORK_NAMES } from '../catalog/framework-names.ts';


export interface RunSummaryView {
  organization: string;
  runId: string;
  startedAt: string;
  runDate: string;
  accounts: number;
  regions: number;
  findings: IterableResults['summary']['findings'];
  controls: IterableResults['summary']['controls'];
  failingControls: number;
  oneFailing: boolean;
  acceptedRisk: number;
  ok: boolean;
  frameworks: { id: string; name: string; met: number; notMet: number; unknown: number; manual: number }[];
  expiredExceptions: string;
  expiredManualEvidence: string;
  evidenceErrors: number;
  package: string;
  uploadedTo?: string;
}

export function runSummaryView(results: IterableResults, packagePath: string, uploadedTo?: string): RunSummaryView {
  const s = results.summary;
  const failing = s.controls.fail ?? 0;
  return {
    organization: results.run.organization,
    runId: results.run.id,
    startedAt: results.run.startedAt,
    runDate: results.run.startedAt.slice(0, 10),
    accounts: results.run.scope.accounts.length,
    regions: results.run.scope.regions.length,
    findings: s.findings,
    controls: s.controls,
    failingControls: failing,
    oneFailing: failing === 1,
    acceptedRisk: s.acceptedRisk ?? 0,
    ok: failing === 0 && (s.controls.unknown ?? 0) === 0,
    frameworks: FRAMEWORK_IDS.filter((fw) => results.run.frameworks.includes(fw)).map((fw) => {
      const r: Partial<Record<string, number>> = s.requirements[fw] ?? {};
      return { id: fw, name: FRAMEWORK_NAMES[fw], met: r.met ?? 0, notMet: r.not_met ?? 0, unknown: r.unknown ?? 0, manual: r.manual ?? 0 };
    }),
    expiredExceptions: (results.exceptions ?? []).filter((e) => e.status === 'expired').map((e) => e.id).join(', '),
    expiredManualEvidence: (results.manualEvidence ?? []).filter((e) => e.status === 'expired').map((e) => e.title).join(', '),
    evidenceErrors: s.evidence.errors,
    package: packagePath,
    ...(uploadedTo ? { uploadedTo } : {}),
  };
}
