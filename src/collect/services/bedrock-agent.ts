// Agents for Amazon Bedrock: knowledge bases (their data sources carry the encryption setting) and agents.
import { GetAgentCommand, GetDataSourceCommand, paginateListAgents, paginateListDataSources, paginateListKnowledgeBases } from '@aws-sdk/client-bedrock-agent';
import { allPages, type Collector } from '../collector.ts';

const knowledgeBases: Collector = {
  name: 'bedrock-agent.knowledge-bases',
  service: 'bedrock-agent',
  scope: 'regional',
  produces: ['bedrock-agent.ListKnowledgeBases', 'bedrock-agent.ListDataSources', 'bedrock-agent.GetDataSource'],
  async collect(ctx) {
    const client = ctx.client('bedrock-agent');
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
    const client = ctx.client('bedrock-agent');
    const pages = await allPages(paginateListAgents({ client, pageSize: 100 }, {}));
    const ids = pages.flatMap((p) => p.agentSummaries ?? []).map((a) => a.agentId!);
    await ctx.forEach(ids, (agentId) => client.send(new GetAgentCommand({ agentId })));
  },
};

export const collectors: Collector[] = [knowledgeBases, agents];
