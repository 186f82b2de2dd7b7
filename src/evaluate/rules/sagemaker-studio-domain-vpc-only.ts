import { eachDomain } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-studio-domain-vpc-only',
  evidence: ['sagemaker.ListDomains', 'sagemaker.DescribeDomain'],
  evaluate: (ctx) =>
    eachDomain(ctx, (d) =>
      d.AppNetworkAccessType === 'VpcOnly'
        ? pass(`Studio apps reach the network only through VPC ${d.VpcId ?? '(unknown)'} (VpcOnly).`)
        : fail(`App network access is ${d.AppNetworkAccessType ?? 'PublicInternetOnly (default)'}: Studio apps have direct internet access outside the customer VPC.`),
    ),
});
