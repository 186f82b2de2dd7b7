// Amazon Inspector scans, in each region, the three kinds of compute that serve models or run their
// glue: EC2 instances (self-hosted inference, EKS and ECS nodes), ECR container images (SageMaker and
// container inference images) and Lambda functions. BatchGetAccountStatus gives each type's status.
import { accountResource, fail, judgeCall, pass, required, targets, unknown } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const SCANNED = [
  { field: 'ec2', name: 'EC2 instances' },
  { field: 'ecr', name: 'ECR container images' },
  { field: 'lambda', name: 'Lambda functions' },
] as const;

export const rule = defineRule({
  controlId: 'inspector-scanning-enabled-for-model-compute',
  evidence: ['inspector2.BatchGetAccountStatus'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) =>
      judgeCall(ctx, where, accountResource(where), ctx.evidence.call('inspector2.BatchGetAccountStatus', where, { accountIds: [where.account] }), {
        ok: (r) => {
          const failedAccount = (r.failedAccounts ?? []).find((a) => a.accountId === where.account);
          if (failedAccount) return unknown(`Inspector could not report this account's status: ${failedAccount.errorCode ?? ''} ${failedAccount.errorMessage ?? ''}`.trim());
          const account = required(r, 'accounts', 'The Inspector account status').find((a) => a.accountId === where.account);
          const state = required(account, 'resourceState', `The Inspector status of account ${where.account}`);
          const statuses = SCANNED.map((t) => ({ ...t, status: required(required(state, t.field, 'The Inspector resource state'), 'status', `The Inspector ${t.name} state`) }));
          const off = statuses.filter((t) => t.status !== 'ENABLED');
          const listed = statuses.map((t) => `${t.name} ${t.status}`).join(', ');
          return off.length === 0
            ? pass(`Inspector scans EC2 instances, ECR container images and Lambda functions here (${listed}).`)
            : fail(`Inspector does not scan ${off.map((t) => t.name).join(', ')} here: vulnerabilities in that compute go unreported (${listed}).`);
        },
      }),
    ),
});
