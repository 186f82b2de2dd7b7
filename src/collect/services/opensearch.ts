// OpenSearch Service (regional): every domain (OpenSearch and Elasticsearch engines), described. The
// domain status carries encryption at rest, node-to-node encryption, endpoint TLS, VPC placement and the
// access policy.
import type { Collector } from '../collector.ts';

const domains: Collector = {
  name: 'opensearch.domains',
  service: 'opensearch',
  scope: 'regional',
  produces: ['opensearch.ListDomainNames', 'opensearch.DescribeDomain'],
  async collect(ctx) {
    const { DescribeDomainCommand, ListDomainNamesCommand } = await import('@aws-sdk/client-opensearch');
    const client = await ctx.client('opensearch');
    const listed = await ctx.attempt(() => client.send(new ListDomainNamesCommand({})));
    const names = (listed?.DomainNames ?? []).map((d) => d.DomainName).filter((n): n is string => !!n);
    await ctx.forEach(names, (DomainName) => client.send(new DescribeDomainCommand({ DomainName })));
  },
};

export const collectors: Collector[] = [domains];
