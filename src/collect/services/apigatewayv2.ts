// API Gateway HTTP and WebSocket APIs (v2): every API, its stages (access logging) and its routes
// (authorization type). The SDK ships no paginators for these calls.
import { tokenPages, type Collector } from '../collector.ts';

const apis: Collector = {
  name: 'apigatewayv2.apis',
  service: 'apigatewayv2',
  scope: 'regional',
  produces: ['apigatewayv2.GetApis', 'apigatewayv2.GetStages', 'apigatewayv2.GetRoutes'],
  async collect(ctx) {
    const { GetApisCommand, GetRoutesCommand, GetStagesCommand } = await import('@aws-sdk/client-apigatewayv2');
    const client = await ctx.client('apigatewayv2');
    const next = (p: { NextToken?: string }) => p.NextToken;
    const pages = await tokenPages((NextToken) => client.send(new GetApisCommand({ NextToken })), next);
    const ids = pages.flatMap((p) => p.Items ?? []).map((a) => a.ApiId!);
    await ctx.forEach(ids, async (ApiId) => {
      await tokenPages((NextToken) => client.send(new GetStagesCommand({ ApiId, NextToken })), next);
      await tokenPages((NextToken) => client.send(new GetRoutesCommand({ ApiId, NextToken })), next);
    });
  },
};

export const collectors: Collector[] = [apis];
