// Agents for Amazon Bedrock: knowledge bases (their data sources carry the encryption setting), agents,
// flows and prompts (prompt management), described for their encryption key.
import { allPages, type Collector } from '../collector.ts';

const knowledgeBases: Collector = {
  name: 'bedrock-agent.knowledge-bases',
  service: 'bedrock-agent',
  scope: 'regional',
  produces: ['bedrock-agent.ListKnowledgeBases', 'bedrock-agent.ListDataSources', 'bedrock-agent.GetDataSource'],
  async collect(ctx) {
    const { GetDataSourceCommand, paginateListDataSources, paginateListKnowledgeBases } = await import('@aws-sdk/client-bedrock-agent');
    const client = await ctx.client('bedrock-agent');
    const kbs = (await allPages(paginateListKnowledgeBases({ client, pageSize: 100 }, {}))).flatMap((p) => p.knowledgeBaseSummaries ?? []);
    await ctx.forEach(kbs, async ({ knowledgeBaseId }) => {
      const pages = await allPages(paginateListDataSources({ client, pageSize: 100 }, { knowledgeBaseId }));
      const ids = pages.flatMap((p) => p.dataSourceSummaries ?? []).map((d) => d.dataSourceId!);
      await ctx.forEach(ids, (dataSourceId) => client.send(new GetDataSourceCommand({ knowledgeBaseId, dataSourceId })));
    });
  },
};

const agents: Collector = {
  name: 'bedrock-agent.agents',
  service: 'bedrock-agent',
  scope: 'regional',
  produces: ['bedrock-agent.ListAgents', 'bedrock-agent.GetAgent'],
  async collect(ctx) {
    const { GetAgentCommand, paginateListAgents } = await import('@aws-sdk/client-bedrock-agent');
    const client = await ctx.client('bedrock-agent');
    const pages = await allPages(paginateListAgents({ client, pageSize: 100 }, {}));
    const ids = pages.flatMap((p) => p.agentSummaries ?? []).map((a) => a.agentId!);
    await ctx.forEach(ids, (agentId) => client.send(new GetAgentCommand({ agentId })));
  },
};

const flows: Collector = {
  name: 'bedrock-agent.flows',
  service: 'bedrock-agent',
  scope: 'regional',
  produces: ['bedrock-agent.ListFlows', 'bedrock-agent.GetFlow'],
  async collect(ctx) {
    const { GetFlowCommand, paginateListFlows } = await import('@aws-sdk/client-bedrock-agent');
    const client = await ctx.client('bedrock-agent');
    const pages = await allPages(paginateListFlows({ client, pageSize: 100 }, {}));
    const ids = pages.flatMap((p) => p.flowSummaries ?? []).map((f) => f.id!);
    await ctx.forEach(ids, (flowIdentifier) => client.send(new GetFlowCommand({ flowIdentifier })));
  },
};

const prompts: Collector = {
  name: 'bedrock-agent.prompts',
  service: 'bedrock-agent',
  scope: 'regional',
  produces: ['bedrock-agent.ListPrompts', 'bedrock-agent.GetPrompt'],
  async collect(ctx) {
    const { GetPromptCommand, paginateListPrompts } = await import('@aws-sdk/client-bedrock-agent');
    const client = await ctx.client('bedrock-agent');
    const pages = await allPages(paginateListPrompts({ client, pageSize: 100 }, {}));
    const ids = pages.flatMap((p) => p.promptSummaries ?? []).map((p) => p.id!);
    await ctx.forEach(ids, (promptIdentifier) => client.send(new GetPromptCommand({ promptIdentifier })));
  },
};

export const collectors: Collector[] = [knowledgeBases, agents, flows, prompts];
