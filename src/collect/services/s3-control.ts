// S3 Control (global): the account-level public access block, which overrides every bucket's own.
import type { Collector } from '../collector.ts';

const accountPublicAccessBlock: Collector = {
  name: 's3-control.account-public-access-block',
  service: 's3-control',
  scope: 'global',
  produces: ['s3-control.GetPublicAccessBlock'],
  async collect(ctx) {
    const { GetPublicAccessBlockCommand } = await import('@aws-sdk/client-s3-control');
    const client = await ctx.client('s3-control');
    await ctx.attempt(() => client.send(new GetPublicAccessBlockCommand({ AccountId: ctx.target.account })));
  },
};

export const collectors: Collector[] = [accountPublicAccessBlock];
