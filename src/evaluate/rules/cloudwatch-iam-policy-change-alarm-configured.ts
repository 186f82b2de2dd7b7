// CIS AWS Foundations monitoring: an alarm on IAM policy changes. Every call that creates, changes,
// attaches or detaches an IAM policy must be matched by an alarmed metric filter on a trail that records
// the region's management events.
import { ALARMED_CHANGES_EVIDENCE, alarmedChangeCoverage } from '../aws/cloudtrail-metric-alarms.ts';
import { defineRule } from '../rule.ts';

export const IAM_POLICY_CHANGES = {
  name: 'IAM policy changes',
  events: [
    'DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy',
    'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion',
    'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy',
  ],
} as const;

export const rule = defineRule({
  controlId: 'cloudwatch-iam-policy-change-alarm-configured',
  evidence: ALARMED_CHANGES_EVIDENCE,
  evaluate: (ctx) => alarmedChangeCoverage(ctx, [IAM_POLICY_CHANGES]),
});
