// GuardDuty findings of High or Critical severity (7.0 and above) are triaged within a week: a finding
// first seen more than the threshold ago and still not archived is a threat signal nobody has closed.
// ListFindings (filtered to unarchived, severity >= 7) gives ids; GetFindings gives each one's details.
import { GUARDDUTY_UNTRIAGED_HIGH_CRITERIA } from '../../collect/call-inputs.ts';
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import { accountResource, daysBetween, guarded, listAt, present, required, targets, toDate } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';
import { defineRule } from '../rule.ts';
import { RULE_THRESHOLDS } from '../rule-thresholds.ts';

const MAX_DAYS = RULE_THRESHOLDS.guardDutyHighFindingTriageDays;
type GuardDutyFinding = NonNullable<EvidenceResponse<'guardduty.GetFindings'>['Findings']>[number];
type Keys = 'guardduty.ListDetectors' | 'guardduty.ListFindings' | 'guardduty.GetFindings';

/** Every finding GetFindings returned for this detector in the region, by id, with the records that hold them. */
function detailsById(ctx: RuleContext<Keys>, where: Target, detectorId: string): { byId: Map<string, GuardDutyFinding>; records: EvidenceRecord[]; failures: string[] } {
  const byId = new Map<string, GuardDutyFinding>();
  const records: EvidenceRecord[] = [];
  const failures: string[] = [];
  for (const r of ctx.evidence.records('guardduty.GetFindings', where)) {
    if (r.input.DetectorId !== detectorId) continue;
    records.push(r);
    if (r.outcome !== 'ok') {
      failures.push(`${r.error?.name ?? 'error'}: ${r.error?.message ?? ''}`);
      continue;
    }
    for (const f of (r.response as EvidenceResponse<'guardduty.GetFindings'>).Findings ?? []) if (f.Id) byId.set(f.Id, f);
  }
  return { byId, records, failures };
}

function judgeDetector(ctx: RuleContext<Keys>, where: Target, detectorId: string, listRecords: readonly EvidenceRecord[]): Finding[] {
  const resource = { type: 'AWS::GuardDuty::Detector', id: detectorId, arn: `arn:aws:guardduty:${where.region}:${where.account}:detector/${detectorId}` };
  const listed = ctx.evidence.call('guardduty.ListFindings', where, { DetectorId: detectorId, FindingCriteria: GUARDDUTY_UNTRIAGED_HIGH_CRITERIA });
  if (listed.state !== 'ok') return [ctx.finding('unknown', where, resource, `Could not list the detector's unarchived high-severity findings: ${listed.error}`, [...listRecords, ...listed.records])];
  const details = detailsById(ctx, where, detectorId);
  const records = [...listRecords, ...listed.records, ...details.records];
  return guarded(ctx, where, resource, records, () => {
    const ids = listed.responses.flatMap((r) => required(r, 'FindingIds', 'The GuardDuty findings list'));
    if (ids.length === 0) return ctx.finding('pass', where, resource, 'No unarchived finding of High or Critical severity.', records);
    const missing = ids.filter((id) => !details.byId.has(id));
    const overdue: string[] = [];
    let recent = 0;
    for (const id of ids) {
      const f = details.byId.get(id);
      if (!f) continue;
      const what = `GuardDuty finding ${id}`;
      const age = daysBetween(present(toDate(required(f, 'CreatedAt', what)), 'CreatedAt', `${what} (unreadable date)`), ctx.params.now);
      if (age > MAX_DAYS) overdue.push(`${required(f, 'Type', what)} (severity ${required(f, 'Severity', what)}, ${f.Resource?.ResourceType ?? 'resource'}, first seen ${age} days ago)`);
      else recent++;
    }
    if (overdue.length) return ctx.finding('fail', where, resource, `${overdue.length} finding(s) of High or Critical severity still unarchived more than ${MAX_DAYS} days after first seen: ${overdue.join('; ')}.`, records);
    if (missing.length) return ctx.finding('unknown', where, resource, `The details of ${missing.length} listed finding(s) could not be read${details.failures.length ? ` (${details.failures.join('; ')})` : ''}, so their age is unknown.`, records);
    return ctx.finding('pass', where, resource, `No High or Critical finding has stayed unarchived more than ${MAX_DAYS} days (${recent} newer one(s) within the triage period).`, records);
  });
}

export const rule = defineRule({
  controlId: 'guardduty-high-severity-findings-triaged',
  evidence: ['guardduty.ListDetectors', 'guardduty.ListFindings', 'guardduty.GetFindings'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((where): Finding[] => {
      const detectors = listAt(ctx, 'guardduty.ListDetectors', where, (r) => r.DetectorIds);
      if (!detectors.ok) return [ctx.finding('unknown', where, accountResource(where), `Could not list GuardDuty detectors: ${detectors.error}`, detectors.records)];
      if (detectors.items.length === 0) return [ctx.finding('not_applicable', where, accountResource(where), `No GuardDuty detector in ${where.region}, so no findings to triage (guardduty-enabled judges the missing detector).`, detectors.records)];
      return detectors.items.flatMap((id) => judgeDetector(ctx, where, id, detectors.records));
    }),
});
