// Secrets Manager (regional): the secrets' metadata (key, rotation). ListSecrets never returns secret
// values, and Proofline never asks for them.
import { paginateListSecrets } from '@aws-sdk/client-secrets-manager';
import { allPages, type Collector } from '../collector.ts';

const secrets: Collector = {
  name: 'secrets-manager.secrets',
  service: 'secrets-manager',
  scope: 'regional',
  produces: ['secrets-manager.ListSecrets'],
  async collect(ctx) {
    await allPages(paginateListSecrets({ client: ctx.client('secrets-manager'), pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [secrets];
