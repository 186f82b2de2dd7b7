// Open Inspector findings of Critical or High severity on model-serving compute (EC2 instances, ECR
// images, Lambda functions) are fixed within a stated time: Critical within 15 days and High within 30
// of first being observed (the periods of CISA BOD 19-02). Each resource with an overdue finding fails;
// a region with none passes for the resource types Inspector scans there. Where Inspector is not
// enabled, an empty list would prove nothing, so the region is unknown.
import { INSPECTOR_OPEN_SERIOUS_FINDINGS } from '../../collect/call-inputs.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import { accountResource, daysBetween, guarded, present, required, targets, toDate } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';
import { defineRule } from '../rule.ts';
import { RULE_THRESHOLDS } from '../rule-thresholds.ts';

type InspectorFinding = NonNullable<EvidenceResponse<'inspector2.ListFindings'>['findings']>[number];
const LIMIT_DAYS: Record<string, number> = { CRITICAL: RULE_THRESHOLDS.inspectorCriticalRemediationDays, HIGH: RULE_THRESHOLDS.inspectorHighRemediationDays };
const RESOURCE_TYPE: Record<string, string> = { AWS_EC2_INSTANCE: 'AWS::EC2::Instance', AWS_ECR_CONTAINER_IMAGE: 'AWS::ECR::Image', AWS_LAMBDA_FUNCTION: 'AWS::Lambda::Function' };

/** Which resource types Inspector scans here, or why that cannot be said. */
function scannedTypes(ctx: RuleContext<'inspector2.BatchGetAccountStatus'>, where: Target): { types: string[] } | { unknown: string } {
  const call = ctx.evidence.call('inspector2.BatchGetAccountStatus', where, { accountIds: [where.account] });
  if (call.state !== 'ok') return { unknown: `Inspector's account status could not be read: ${call.error}` };
  const account = (call.responses[0]?.accounts ?? []).find((a) => a.accountId === where.account);
  const state = account?.resourceState;
  if (!state) return { unknown: 'Inspector reported no status for this account.' };
  const types = [['ec2', 'EC2 instances'], ['ecr', 'ECR container images'], ['lambda', 'Lambda functions']].filter(([k]) => state[k as 'ec2' | 'ecr' | 'lambda']?.status === 'ENABLED').map(([, name]) => name!);
  return types.length ? { types } : { unknown: 'Inspector scans none of EC2, ECR or Lambda here, so no open finding can be shown or ruled out (inspector-scanning-enabled-for-model-compute fails it).' };
}

function overdueDays(f: InspectorFinding, now: Date): number | undefined {
  const what = `Inspector finding ${f.findingArn ?? ''}`.trim();
  const severity = required(f, 'severity', what);
  const limit = LIMIT_DAYS[severity];
  if (limit === undefined) return undefined; // the filter asked for Critical and High only
  const age = daysBetween(present(toDate(required(f, 'firstObservedAt', what)), 'firstObservedAt', `${what} (unreadable date)`), now);
  return age > limit ? age : undefined;
}

export const rule = defineRule({
  controlId: 'inspector-critical-and-high-vulnerabilities-remediated',
  evidence: ['inspector2.BatchGetAccountStatus', 'inspector2.ListFindings'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((where): Finding[] => {
      const region = accountResource(where);
      const listed = ctx.evidence.call('inspector2.ListFindings', where, { filterCriteria: INSPECTOR_OPEN_SERIOUS_FINDINGS });
      const status = ctx.evidence.call('inspector2.BatchGetAccountStatus', where, { accountIds: [where.account] });
      const records = [...status.records, ...listed.records];
      if (listed.state !== 'ok') return [ctx.finding('unknown', where, region, `Could not list open Inspector findings: ${listed.error}`, records)];
      return guarded(ctx, where, region, records, () => {
        const findings = listed.responses.flatMap((r) => required(r, 'findings', 'The Inspector findings list'));
        const byResource = new Map<string, { type: string; items: string[] }>();
        for (const f of findings) {
          const age = overdueDays(f, ctx.params.now);
          if (age === undefined) continue;
          const res = required(f, 'resources', 'An Inspector finding')[0];
          const id = required(res, 'id', 'The resource of an Inspector finding');
          const entry = byResource.get(id) ?? { type: RESOURCE_TYPE[res?.type ?? ''] ?? 'AWS::Inspector2::Resource', items: [] };
          entry.items.push(`${f.packageVulnerabilityDetails?.vulnerabilityId ?? f.title ?? 'finding'} (${f.severity}, open ${age} days${f.fixAvailable === 'YES' ? ', fix available' : ''})`);
          byResource.set(id, entry);
        }
        const overdue = [...byResource].map(([id, e]) =>
          ctx.finding('fail', where, { type: e.type, id }, `Open past the remediation period (Critical ${LIMIT_DAYS.CRITICAL} days, High ${LIMIT_DAYS.HIGH} days): ${e.items.join('; ')}.`, records),
        );
        if (overdue.length) return overdue;
        const scanned = scannedTypes(ctx, where);
        if ('unknown' in scanned) return ctx.finding('unknown', where, region, scanned.unknown, records);
        return ctx.finding('pass', where, region, `No Critical finding open more than ${LIMIT_DAYS.CRITICAL} days and no High finding open more than ${LIMIT_DAYS.HIGH} days on ${scanned.types.join(', ')} (${findings.length} open within the period).`, records);
      });
    }),
});
