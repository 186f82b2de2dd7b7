// ECS (self-hosted inference): the latest active revision of every task definition family. Describing
// by family name returns that revision, so an account with thousands of old revisions costs one call
// per family.
import { ACTIVE_TASK_DEFINITION_FAMILIES_INPUT } from '../call-inputs.ts';
import { allPages, type Collector } from '../collector.ts';

const taskDefinitions: Collector = {
  name: 'ecs.task-definitions',
  service: 'ecs',
  scope: 'regional',
  produces: ['ecs.ListTaskDefinitionFamilies', 'ecs.DescribeTaskDefinition'],
  async collect(ctx) {
    const { DescribeTaskDefinitionCommand, paginateListTaskDefinitionFamilies } = await import('@aws-sdk/client-ecs');
    const client = await ctx.client('ecs');
    const pages = await allPages(paginateListTaskDefinitionFamilies({ client, pageSize: 100 }, { ...ACTIVE_TASK_DEFINITION_FAMILIES_INPUT }));
    const families = pages.flatMap((p) => p.families ?? []);
    await ctx.forEach(families, (taskDefinition) => client.send(new DescribeTaskDefinitionCommand({ taskDefinition })));
  },
};

export const collectors: Collector[] = [taskDefinitions];
