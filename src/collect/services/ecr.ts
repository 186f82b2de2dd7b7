// ECR (model and training images): repositories (scan-on-push, tag mutability, encryption are in the
// list) and the registry's scanning configuration, which overrides repository scan settings.
import { allPages, type Collector } from '../collector.ts';

const repositories: Collector = {
  name: 'ecr.repositories',
  service: 'ecr',
  scope: 'regional',
  produces: ['ecr.DescribeRepositories', 'ecr.GetRegistryScanningConfiguration'],
  async collect(ctx) {
    const { GetRegistryScanningConfigurationCommand, paginateDescribeRepositories } = await import('@aws-sdk/client-ecr');
    const client = await ctx.client('ecr');
    await allPages(paginateDescribeRepositories({ client, pageSize: 1000 }, {}));
    await ctx.attempt(() => client.send(new GetRegistryScanningConfigurationCommand({})));
  },
};

export const collectors: Collector[] = [repositories];
