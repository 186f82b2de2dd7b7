// A collection is public when a network policy rule set that covers it (its collection endpoint or its
// dashboards) has AllowFromPublic true. Data access policies and IAM still decide who may read; this
// control is about who can reach the endpoints at all. Findings cite every network policy read.
import { collectionResource, COLLECTIONS } from '../resources/opensearch.ts';
import { networkPolicies } from '../resources/opensearch-network-policies.ts';
import { fail, forEachListed, guarded, judged, pass, unknown } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'opensearch-serverless-collections-not-publicly-accessible',
  evidence: ['opensearchserverless.ListCollections', 'opensearchserverless.ListSecurityPolicies', 'opensearchserverless.GetSecurityPolicy'],
  evaluate: (ctx) =>
    forEachListed(ctx, COLLECTIONS, (c, at, listRecords) => {
      const resource = collectionResource(c);
      const policies = networkPolicies(ctx, at);
      const records = [...listRecords, ...policies.records];
      return guarded(ctx, at, resource, records, () => {
        if (!policies.ok) return judged(ctx, at, resource, unknown(policies.error), records);
        const covering = policies.covering(resource.id);
        const open = covering.find((s) => s.allowFromPublic);
        if (open) return judged(ctx, at, resource, fail(`Network policy ${open.policy} allows access from the public internet to the collection's ${open.resourceTypes.join(' and ')} endpoint.`), records);
        const sources = [...new Set(covering.flatMap((s) => s.sources))];
        return judged(ctx, at, resource, covering.length
          ? pass(`Private access only: network policies ${[...new Set(covering.map((s) => s.policy))].join(', ')} admit ${sources.join(', ') || 'no source'}.`)
          : pass('No network policy covers the collection, so its endpoints cannot be reached at all.'), records);
      });
    }),
});
