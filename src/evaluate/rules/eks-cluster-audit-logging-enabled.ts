// The control plane's audit log (who did what through the Kubernetes API) must be sent to CloudWatch
// Logs: an enabled clusterLogging entry must include the "audit" type.
import { eachCluster } from '../resources/compute.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'eks-cluster-audit-logging-enabled',
  evidence: ['eks.ListClusters', 'eks.DescribeCluster'],
  evaluate: (ctx) =>
    eachCluster(ctx, (c) => {
      const setups = required(required(c, 'logging', `Cluster ${c.name}`), 'clusterLogging', `The logging configuration of ${c.name}`);
      const audit = setups.find((s) => required(s, 'types', `A log setup of ${c.name}`).includes('audit'));
      if (!audit) return fail(`Cluster ${c.name} does not name the audit log in its control-plane logging.`);
      return required(audit, 'enabled', `The audit log setup of ${c.name}`)
        ? pass(`Cluster ${c.name} sends its Kubernetes audit log to CloudWatch Logs.`)
        : fail(`Cluster ${c.name} has its Kubernetes audit log disabled.`);
    }),
});
