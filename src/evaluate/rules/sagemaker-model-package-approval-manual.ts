import { forEachChild } from '../listed-resources.ts';
import { fail, judgeCall, pass, required, toDate } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-model-package-approval-manual',
  evidence: ['sagemaker.ListModelPackageGroups', 'sagemaker.ListModelPackages', 'sagemaker.DescribeModelPackage'],
  evaluate: (ctx) =>
    forEachChild(
      ctx,
      { key: 'sagemaker.ListModelPackageGroups', scope: 'regional', items: (r) => r.ModelPackageGroupSummaryList, noun: 'SageMaker model package groups' },
      {
        key: 'sagemaker.ListModelPackages',
        input: (g) => ({ ModelPackageGroupName: g.ModelPackageGroupName }),
        items: (r) => r.ModelPackageSummaryList,
        noun: 'model package versions',
        parentResource: (g) => ({ type: 'AWS::SageMaker::ModelPackageGroup', id: required(g, 'ModelPackageGroupName', 'A model package group'), arn: g.ModelPackageGroupArn }),
      },
      (v, g, at, records) => {
        const resource = { type: 'AWS::SageMaker::ModelPackage', id: `${g.ModelPackageGroupName}/${v.ModelPackageVersion ?? v.ModelPackageArn}`, arn: v.ModelPackageArn };
        if (required(v, 'ModelApprovalStatus', `Model package ${v.ModelPackageArn}`) !== 'Approved') {
          return ctx.finding('pass', at, resource, `The version is ${v.ModelApprovalStatus}: it cannot be deployed through the registry until someone approves it.`, records);
        }
        // An approval recorded at registration leaves no later modification: nobody reviewed it as a separate step.
        return judgeCall(ctx, at, resource, ctx.evidence.call('sagemaker.DescribeModelPackage', at, { ModelPackageName: v.ModelPackageArn }), {
          ok: (d) => {
            const created = toDate(d.CreationTime);
            const modified = toDate(d.LastModifiedTime);
            const approvedLater = created && modified && modified.getTime() > created.getTime();
            const who = d.LastModifiedBy?.UserProfileName ?? d.LastModifiedBy?.IamIdentity?.Arn ?? 'an unrecorded identity';
            return approvedLater
              ? pass(`Approved after registration (registered ${created.toISOString()}, approval recorded ${modified.toISOString()} by ${who}${d.ApprovalDescription ? `: "${d.ApprovalDescription}"` : ''}).`)
              : fail('The version was registered already Approved: no separate approval step was recorded before it became deployable.');
          },
        }, records);
      },
    ),
});
