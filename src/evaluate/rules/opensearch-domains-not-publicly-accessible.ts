// A domain in a VPC has no public endpoint. A domain with a public endpoint is open when its access
// policy allows any principal ("*") without a condition (e.g. aws:SourceIp) that narrows who may call:
// anyone on the internet can then send requests. Fine-grained access control is not credited: the
// endpoint still answers the internet and authenticates against its own user database.
import { parsePolicy, principals } from '../aws/policy-document.ts';
import { eachDomain } from '../resources/opensearch.ts';
import { fail, pass, required, unknown, type Verdict } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

function judgeAccessPolicy(policy: string): Verdict {
  if (policy.trim() === '') return pass('The public endpoint has no access policy: only identities whose own IAM policies allow it can send signed requests.');
  try {
    const open = parsePolicy(policy).filter((s) => s.effect === 'Allow' && principals(s, 'AWS').includes('*') && Object.keys(s.condition).length === 0);
    return open.length
      ? fail(`The endpoint is public and its access policy allows any principal without a condition${open[0]!.sid ? ` (statement "${open[0]!.sid}")` : ''}: anyone on the internet can send requests.`)
      : pass('The endpoint is public, but its access policy grants no unconditioned access to all principals.');
  } catch (err) {
    return unknown(`The access policy could not be parsed: ${(err as Error).message}`);
  }
}

export const rule = defineRule({
  controlId: 'opensearch-domains-not-publicly-accessible',
  evidence: ['opensearch.ListDomainNames', 'opensearch.DescribeDomain'],
  evaluate: (ctx) =>
    eachDomain(ctx, (d) => {
      const vpc = d.VPCOptions?.VPCId;
      if (vpc) return pass(`The domain is in VPC ${vpc}: it has no public endpoint.`);
      return judgeAccessPolicy(required(d, 'AccessPolicies', 'The domain'));
    }),
});
