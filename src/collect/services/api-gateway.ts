// API Gateway REST APIs in front of AI services: every API, its stages (access logging, web ACL) and
// its resources with their methods embedded (authorization type), one call per API rather than per method.
import { REST_RESOURCES_WITH_METHODS_INPUT } from '../call-inputs.ts';
import { allPages, type Collector } from '../collector.ts';

const restApis: Collector = {
  name: 'api-gateway.rest-apis',
  service: 'api-gateway',
  scope: 'regional',
  produces: ['api-gateway.GetRestApis', 'api-gateway.GetStages', 'api-gateway.GetResources'],
  async collect(ctx) {
    const { GetStagesCommand, paginateGetResources, paginateGetRestApis } = await import('@aws-sdk/client-api-gateway');
    const client = await ctx.client('api-gateway');
    const pages = await allPages(paginateGetRestApis({ client, pageSize: 500 }, {}));
    const ids = pages.flatMap((p) => p.items ?? []).map((a) => a.id!);
    await ctx.forEach(ids, async (restApiId) => {
      await ctx.attempt(() => client.send(new GetStagesCommand({ restApiId })));
      await allPages(paginateGetResources({ client, pageSize: 500 }, { restApiId, embed: [...REST_RESOURCES_WITH_METHODS_INPUT.embed] }));
    });
  },
};

export const collectors: Collector[] = [restApis];
