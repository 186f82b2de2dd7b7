import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import { accountResource, listAt, required, targets, whenListed } from '../rule-helpers.ts';
import type { Finding } from '../finding.ts';
import { defineRule } from '../rule.ts';

// Per region: no backup plan is a fail (nothing is backed up here); each plan must assign resources
// through at least one selection, otherwise it protects nothing.
function selectionScope(sel: NonNullable<EvidenceResponse<'backup.GetBackupSelection'>['BackupSelection']>): string | undefined {
  const parts: string[] = [];
  if (sel.Resources?.length) parts.push(sel.Resources.includes('*') ? 'all supported resources' : sel.Resources.join(', '));
  if (sel.ListOfTags?.length) parts.push(`resources tagged ${sel.ListOfTags.map((t) => `${t.ConditionKey}=${t.ConditionValue}`).join(' or ')}`);
  const c = sel.Conditions ?? {};
  const tagConditions = [...(c.StringEquals ?? []), ...(c.StringLike ?? [])];
  if (tagConditions.length) parts.push(`resources matching ${tagConditions.map((t) => `${t.ConditionKey}=${t.ConditionValue}`).join(' and ')}`);
  return parts.length ? parts.join('; ') : undefined;
}

export const rule = defineRule({
  controlId: 'backup-plans-cover-data-stores',
  evidence: ['backup.ListBackupPlans', 'backup.ListBackupSelections', 'backup.GetBackupSelection'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((where): Finding[] =>
      whenListed(ctx, where, accountResource(where), 'backup plans', listAt(ctx, 'backup.ListBackupPlans', where, (r) => r.BackupPlansList), (plans, planRecords) => {
      if (plans.length === 0) return ctx.finding('fail', where, accountResource(where), `No AWS Backup plan exists in ${where.region}: no data store here is backed up by AWS Backup.`, planRecords);
      return plans.flatMap((plan) => {
        const resource = { type: 'AWS::Backup::BackupPlan', id: plan.BackupPlanName ?? required(plan, 'BackupPlanId', 'A backup plan'), arn: plan.BackupPlanArn };
        const sels = listAt(ctx, 'backup.ListBackupSelections', where, (r) => r.BackupSelectionsList, { BackupPlanId: plan.BackupPlanId });
        return whenListed(ctx, where, resource, "the plan's selections", sels, (selections, listed) => {
        const records = [...listed];
        if (selections.length === 0) return ctx.finding('fail', where, resource, 'The plan has no resource assignment: it backs up nothing.', records);
        const covered: string[] = [];
        const unknown: string[] = [];
        for (const s of selections) {
          const got = ctx.evidence.call('backup.GetBackupSelection', where, { BackupPlanId: plan.BackupPlanId, SelectionId: s.SelectionId });
          records.push(...got.records);
          if (got.state !== 'ok') unknown.push(got.error);
          else {
            const selection = got.responses[0]?.BackupSelection;
            const scope = selection && selectionScope(selection);
            if (scope) covered.push(`${s.SelectionName}: ${scope}`);
          }
        }
        if (covered.length) return ctx.finding('pass', where, resource, `The plan backs up ${covered.join(' | ')}.`, records);
        if (unknown.length) return ctx.finding('unknown', where, resource, `Could not read the plan's selections: ${unknown.join('; ')}`, records);
        return ctx.finding('fail', where, resource, 'The plan\'s selections name no resources or tags: it backs up nothing.', records);
        }, planRecords);
      });
      }),
    ),
});
