// OpenSearch Serverless (regional): collections, with their details (BatchGetCollection, 100 ids a call:
// the KMS key each was created with), and the network security policies that decide from where their
// endpoints can be reached. A policy's document is only in GetSecurityPolicy.
import { NETWORK_POLICIES_INPUT } from '../call-inputs.ts';
import { allPages, type Collector } from '../collector.ts';

/** BatchGetCollection takes at most 100 ids. */
const BATCH = 100;

const collections: Collector = {
  name: 'opensearchserverless.collections',
  service: 'opensearchserverless',
  scope: 'regional',
  produces: ['opensearchserverless.ListCollections', 'opensearchserverless.BatchGetCollection'],
  async collect(ctx) {
    const { BatchGetCollectionCommand, paginateListCollections } = await import('@aws-sdk/client-opensearchserverless');
    const client = await ctx.client('opensearchserverless');
    const pages = await allPages(paginateListCollections({ client, pageSize: 100 }, {}));
    const ids = pages.flatMap((p) => p.collectionSummaries ?? []).map((c) => c.id).filter((id): id is string => !!id);
    const batches = Array.from({ length: Math.ceil(ids.length / BATCH) }, (_, i) => ids.slice(i * BATCH, (i + 1) * BATCH));
    await ctx.forEach(batches, (batch) => client.send(new BatchGetCollectionCommand({ ids: batch })));
  },
};

const networkPolicies: Collector = {
  name: 'opensearchserverless.network-policies',
  service: 'opensearchserverless',
  scope: 'regional',
  produces: ['opensearchserverless.ListSecurityPolicies', 'opensearchserverless.GetSecurityPolicy'],
  async collect(ctx) {
    const { GetSecurityPolicyCommand, paginateListSecurityPolicies } = await import('@aws-sdk/client-opensearchserverless');
    const client = await ctx.client('opensearchserverless');
    const pages = await allPages(paginateListSecurityPolicies({ client, pageSize: 100 }, { ...NETWORK_POLICIES_INPUT }));
    const names = pages.flatMap((p) => p.securityPolicySummaries ?? []).map((s) => s.name).filter((n): n is string => !!n);
    await ctx.forEach(names, (name) => client.send(new GetSecurityPolicyCommand({ ...NETWORK_POLICIES_INPUT, name })));
  },
};

export const collectors: Collector[] = [collections, networkPolicies];
