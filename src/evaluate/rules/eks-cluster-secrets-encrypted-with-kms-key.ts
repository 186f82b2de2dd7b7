// Kubernetes secrets must be envelope-encrypted with a customer-managed KMS key (an encryptionConfig
// entry for "secrets" naming the key). Without it, EKS encrypts them with a key the customer cannot
// govern or revoke.
import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachCluster } from '../resources/compute.ts';
import { fail, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'eks-cluster-secrets-encrypted-with-kms-key',
  evidence: ['eks.ListClusters', 'eks.DescribeCluster', ...KEY_EVIDENCE],
  documentedAbsences: ['encryptionConfig'],
  evaluate: (ctx) =>
    eachCluster(ctx, (c, at) => {
      const what = `The secrets encryption of cluster ${c.name}`;
      const entry = (c.encryptionConfig ?? []).find((e) => required(e, 'resources', `An encryption configuration of ${c.name}`).includes('secrets'));
      if (!entry) return fail(`Cluster ${c.name} does not envelope-encrypt Kubernetes secrets with a KMS key the organization controls (no encryption configuration for secrets).`);
      return customerKeyVerdict(ctx, at, required(entry, 'provider', `The secrets encryption configuration of ${c.name}`).keyArn, what);
    }),
});
