// GuardDuty detectors of each region in scope. A region with no detector fails: GuardDuty is off there.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Finding } from '../finding.ts';
import { accountResource, judgeCall, listAt, targets, type Verdict } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export function guardDutyDetectors(ctx: RuleContext<'guardduty.ListDetectors' | 'guardduty.GetDetector'>, judge: (detector: EvidenceResponse<'guardduty.GetDetector'>, id: string) => Verdict): Finding[] {
  return targets(ctx, 'regional').flatMap((where) => {
    const listed = listAt(ctx, 'guardduty.ListDetectors', where, (r) => r.DetectorIds);
    if (!listed.ok) return [ctx.finding('unknown', where, accountResource(where), `Could not list GuardDuty detectors: ${listed.error}`, listed.records)];
    if (listed.items.length === 0) return [ctx.finding('fail', where, accountResource(where), `GuardDuty has no detector in ${where.region}: threat detection is off in this region.`, listed.records)];
    return listed.items.map((id) =>
      judgeCall(ctx, where, { type: 'AWS::GuardDuty::Detector', id, arn: `arn:aws:guardduty:${where.region}:${where.account}:detector/${id}` }, ctx.evidence.call('guardduty.GetDetector', where, { DetectorId: id }), { ok: (d) => judge(d, id) }, listed.records),
    );
  });
}
