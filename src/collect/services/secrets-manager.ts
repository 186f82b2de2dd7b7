// Secrets Manager (regional): the secrets' metadata (key, rotation). ListSecrets never returns secret
// values, and Proofline never asks for them.
import { allPages, type Collector } from '../collector.ts';

const secrets: Collector = {
  name: 'secrets-manager.secrets',
  service: 'secrets-manager',
  scope: 'regional',
  produces: ['secrets-manager.ListSecrets'],
  async collect(ctx) {
    const { paginateListSecrets } = await import('@aws-sdk/client-secrets-manager');
    await allPages(paginateListSecrets({ client: await ctx.client('secrets-manager'), pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [secrets];
