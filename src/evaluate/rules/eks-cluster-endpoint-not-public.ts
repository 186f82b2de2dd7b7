// The Kubernetes API server of a cluster must not be reachable from the whole internet: either its
// public endpoint is off (private endpoint only), or the public endpoint accepts only listed CIDRs.
import { eachCluster } from '../resources/compute.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const ANYWHERE = ['0.0.0.0/0', '::/0'];

export const rule = defineRule({
  controlId: 'eks-cluster-endpoint-not-public',
  evidence: ['eks.ListClusters', 'eks.DescribeCluster'],
  evaluate: (ctx) =>
    eachCluster(ctx, (c) => {
      const what = `Cluster ${c.name}`;
      const vpc = required(c, 'resourcesVpcConfig', what);
      if (!required(vpc, 'endpointPublicAccess', `The VPC configuration of ${c.name}`)) return pass(`${what} has no public API endpoint (private access only).`);
      const cidrs = required(vpc, 'publicAccessCidrs', `The VPC configuration of ${c.name}`);
      const open = cidrs.filter((cidr) => ANYWHERE.includes(cidr));
      return open.length
        ? fail(`${what} exposes its Kubernetes API endpoint to the internet (${open.join(', ')}).`)
        : pass(`${what} accepts public API requests only from ${cidrs.join(', ') || 'no address'}.`);
    }),
});
