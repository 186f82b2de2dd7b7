// OCSF 1.2.0 Compliance Finding events (class_uid 2003, category Findings) for SIEMs and data lakes,
// one per evaluated finding: pass, fail and unknown (not applicable findings judged no resource).
// Required attributes of the class: activity_id, category_uid, class_uid, type_uid, time, severity_id,
// metadata (product.vendor_name, version), finding_info (uid, title), compliance (standards), and
// cloud (provider) for the cloud profile. Proofline's own fields (run, evidence) go under `unmapped`.
import type { ControlEntry, IterableResults, ResultFinding, RunResults } from '../../results/run-results.ts';
import { isRegionName } from '../../util/aws-ids.ts';
import { FRAMEWORK_NAMES } from '../view-model/labels.ts';
import { controlOf, controlRequirementRefs, exportedControls, frameworksOf } from './export-common.ts';
import { partitionOf } from './asff.ts';

export const OCSF_VERSION = '1.2.0';
const CLASS = { uid: 2003, name: 'Compliance Finding' };
const CATEGORY = { uid: 2, name: 'Findings' };
const ACTIVITY = { uid: 1, name: 'Create' };

const SEVERITY: Record<ControlEntry['severity'], { id: number; name: string }> = {
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

/** compliance.status_id: 1 Pass, 2 Warning ("did not yield a result due to missing information"), 3 Fail. */
const COMPLIANCE_STATUS: Record<'pass' | 'fail' | 'unknown', { id: number; name: string }> = {
  pass: { id: 1, name: 'Pass' },
  unknown: { id: 2, name: 'Warning' },
  fail: { id: 3, name: 'Fail' },
};

export interface OcsfComplianceFinding {
  activity_id: number;
  activity_name: string;
  category_uid: number;
  category_name: string;
  class_uid: number;
  class_name: string;
  type_uid: number;
  type_name: string;
  time: number;
  severity_id: number;
  severity: string;
  status_id: number;
  status: string;
  message: string;
  metadata: { version: string; product: { name: string; vendor_name: string; version: string }; uid: string; correlation_uid: string; profiles: string[] };
  cloud: { provider: 'AWS'; region?: string; account: { uid: string; type_id: 10; type: 'AWS Account' } };
  finding_info: { uid: string; title: string; desc: string; created_time: number; types: string[]; data_sources: string[] };
  compliance: { standards: string[]; requirements: string[]; control: string; status_id: number; status: string; status_detail: string };
  resource: { uid: string; name: string; type: string; region?: string; cloud_partition: string };
  remediation: { desc: string };
  unmapped: { proofline: { run_id: string; evaluated_at: string; finding_status: string; evidence: string[]; exception?: ResultFinding['exception'] } };
}

/** The frameworks the control is mapped to; a control mapped to none is checked against the catalog's practices alone. */
function standardsOf(control: ControlEntry, results: Pick<RunResults, 'run'>): string[] {
  const names = frameworksOf(control, results.run.frameworks).map((fw) => FRAMEWORK_NAMES[fw]);
  return names.length ? names : ['AWS AI security best practices (Proofline catalog)'];
}

export function isExportedToOcsf(f: ResultFinding): f is ResultFinding & { status: 'pass' | 'fail' | 'unknown' } {
  return f.status !== 'not_applicable';
}

export function ocsfEvent(f: ResultFinding & { status: 'pass' | 'fail' | 'unknown' }, control: ControlEntry, results: Pick<RunResults, 'run'>, evidenceKeys: ReadonlyMap<string, string>): OcsfComplianceFinding {
  const { run } = results;
  const time = Date.parse(run.evaluatedAt);
  const severity = SEVERITY[control.severity];
  const status = COMPLIANCE_STATUS[f.status];
  const region = isRegionName(f.region) ? f.region : undefined;
  const partitionRegion = region ?? run.scope.regions[0] ?? 'us-east-1';
  return {
    activity_id: ACTIVITY.uid,
    activity_name: ACTIVITY.name,
    category_uid: CATEGORY.uid,
    category_name: CATEGORY.name,
    class_uid: CLASS.uid,
    class_name: CLASS.name,
    type_uid: CLASS.uid * 100 + ACTIVITY.uid,
    type_name: `${CLASS.name}: ${ACTIVITY.name}`,
    time,
    severity_id: severity.id,
    severity: severity.name,
    status_id: 1,
    status: 'New',
    message: f.reason,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Proofline', vendor_name: 'Proofline', version: run.tool.version },
      uid: `${run.id}/${f.id}`,
      correlation_uid: run.id,
      profiles: ['cloud'],
    },
    cloud: { provider: 'AWS', ...(region ? { region } : {}), account: { uid: f.account, type_id: 10, type: 'AWS Account' } },
    finding_info: {
      uid: f.id,
      title: control.title,
      desc: control.check,
      created_time: time,
      types: ['Compliance'],
      data_sources: [...new Set(f.evidence.map((id) => evidenceKeys.get(id) ?? id))],
    },
    compliance: {
      standards: standardsOf(control, results),
      requirements: controlRequirementRefs(control, run.frameworks),
      control: control.id,
      status_id: status.id,
      status: status.name,
      status_detail: f.reason,
    },
    resource: { uid: f.resource.arn ?? f.resource.id, name: f.resource.id, type: f.resource.type, ...(region ? { region } : {}), cloud_partition: partitionOf(partitionRegion) },
    remediation: { desc: control.remediation },
    unmapped: { proofline: { run_id: run.id, evaluated_at: run.evaluatedAt, finding_status: f.status, evidence: f.evidence, ...(f.exception ? { exception: f.exception } : {}) } },
  };
}

/** Every pass, fail and unknown finding as an OCSF Compliance Finding, in results order. */
export function* ocsfEvents(results: IterableResults): Generator<OcsfComplianceFinding> {
  const controls = exportedControls(results);
  const keys = new Map<string, string>();
  for (const e of results.evidence) keys.set(e.id, e.key);
  for (const f of results.findings) if (isExportedToOcsf(f)) yield ocsfEvent(f, controlOf(controls, f), results, keys);
}
