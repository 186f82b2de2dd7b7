// Lambda (inference glue, agent action groups): every function (ListFunctions carries runtime,
// environment-variable key and package type) and each function's resource-based policy.
import { allPages, type Collector } from '../collector.ts';

const functions: Collector = {
  name: 'lambda.functions',
  service: 'lambda',
  scope: 'regional',
  produces: ['lambda.ListFunctions', 'lambda.GetPolicy'],
  async collect(ctx) {
    const { GetPolicyCommand, paginateListFunctions } = await import('@aws-sdk/client-lambda');
    const client = await ctx.client('lambda');
    const pages = await allPages(paginateListFunctions({ client, pageSize: 50 }, {}));
    const names = pages.flatMap((p) => p.Functions ?? []).map((f) => f.FunctionName!);
    await ctx.forEach(names, (FunctionName) => client.send(new GetPolicyCommand({ FunctionName })));
  },
};

export const collectors: Collector[] = [functions];
