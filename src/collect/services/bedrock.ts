// Amazon Bedrock (control plane): invocation logging, guardrails, custom models and customization jobs.
import { allPages, type Collector } from '../collector.ts';

const invocationLogging: Collector = {
  name: 'bedrock.invocation-logging',
  service: 'bedrock',
  scope: 'regional',
  produces: ['bedrock.GetModelInvocationLoggingConfiguration'],
  async collect(ctx) {
    const { GetModelInvocationLoggingConfigurationCommand } = await import('@aws-sdk/client-bedrock');
    const client = await ctx.client('bedrock');
    await ctx.attempt(() => client.send(new GetModelInvocationLoggingConfigurationCommand({})));
  },
};

const guardrails: Collector = {
  name: 'bedrock.guardrails',
  service: 'bedrock',
  scope: 'regional',
  produces: ['bedrock.ListGuardrails', 'bedrock.GetGuardrail'],
  async collect(ctx) {
    const { GetGuardrailCommand, paginateListGuardrails } = await import('@aws-sdk/client-bedrock');
    const client = await ctx.client('bedrock');
    // Without an identifier the list returns each guardrail's working draft, the version rules judge.
    const pages = await allPages(paginateListGuardrails({ client, pageSize: 100 }, {}));
    const ids = pages.flatMap((p) => p.guardrails ?? []).map((g) => g.id!);
    await ctx.forEach(ids, (guardrailIdentifier) => client.send(new GetGuardrailCommand({ guardrailIdentifier })));
  },
};

const customModels: Collector = {
  name: 'bedrock.custom-models',
  service: 'bedrock',
  scope: 'regional',
  produces: ['bedrock.ListCustomModels', 'bedrock.GetCustomModel'],
  async collect(ctx) {
    const { GetCustomModelCommand, paginateListCustomModels } = await import('@aws-sdk/client-bedrock');
    const client = await ctx.client('bedrock');
    const pages = await allPages(paginateListCustomModels({ client, pageSize: 100 }, {}));
    const arns = pages.flatMap((p) => p.modelSummaries ?? []).map((m) => m.modelArn!);
    await ctx.forEach(arns, (modelIdentifier) => client.send(new GetCustomModelCommand({ modelIdentifier })));
  },
};

const customizationJobs: Collector = {
  name: 'bedrock.customization-jobs',
  service: 'bedrock',
  scope: 'regional',
  produces: ['bedrock.ListModelCustomizationJobs', 'bedrock.GetModelCustomizationJob'],
  async collect(ctx) {
    const { GetModelCustomizationJobCommand, paginateListModelCustomizationJobs } = await import('@aws-sdk/client-bedrock');
    const client = await ctx.client('bedrock');
    const pages = await allPages(paginateListModelCustomizationJobs({ client, pageSize: 100 }, {}));
    const arns = pages.flatMap((p) => p.modelCustomizationJobSummaries ?? []).map((j) => j.jobArn!);
    await ctx.forEach(arns, (jobIdentifier) => client.send(new GetModelCustomizationJobCommand({ jobIdentifier })));
  },
};

export const collectors: Collector[] = [invocationLogging, guardrails, customModels, customizationJobs];
