// Amazon Bedrock AgentCore: gateways (the list carries the inbound authorizer type), memories and agent
// runtimes, described for their encryption key and network mode, and Identity: the credential providers
// whose secrets the token vault keeps, and the vault's key.
import { allPages, type Collector } from '../collector.ts';

const gateways: Collector = {
  name: 'bedrock-agentcore-control.gateways',
  service: 'bedrock-agentcore-control',
  scope: 'regional',
  produces: ['bedrock-agentcore-control.ListGateways'],
  async collect(ctx) {
    const { paginateListGateways } = await import('@aws-sdk/client-bedrock-agentcore-control');
    await allPages(paginateListGateways({ client: await ctx.client('bedrock-agentcore-control'), pageSize: 100 }, {}));
  },
};

const memories: Collector = {
  name: 'bedrock-agentcore-control.memories',
  service: 'bedrock-agentcore-control',
  scope: 'regional',
  produces: ['bedrock-agentcore-control.ListMemories', 'bedrock-agentcore-control.GetMemory'],
  async collect(ctx) {
    const { GetMemoryCommand, paginateListMemories } = await import('@aws-sdk/client-bedrock-agentcore-control');
    const client = await ctx.client('bedrock-agentcore-control');
    const pages = await allPages(paginateListMemories({ client, pageSize: 100 }, {}));
    const ids = pages.flatMap((p) => p.memories ?? []).map((m) => m.id!);
    await ctx.forEach(ids, (memoryId) => client.send(new GetMemoryCommand({ memoryId })));
  },
};

const runtimes: Collector = {
  name: 'bedrock-agentcore-control.agent-runtimes',
  service: 'bedrock-agentcore-control',
  scope: 'regional',
  produces: ['bedrock-agentcore-control.ListAgentRuntimes', 'bedrock-agentcore-control.GetAgentRuntime'],
  async collect(ctx) {
    const { GetAgentRuntimeCommand, paginateListAgentRuntimes } = await import('@aws-sdk/client-bedrock-agentcore-control');
    const client = await ctx.client('bedrock-agentcore-control');
    const pages = await allPages(paginateListAgentRuntimes({ client, pageSize: 100 }, {}));
    const ids = pages.flatMap((p) => p.agentRuntimes ?? []).map((r) => r.agentRuntimeId!);
    await ctx.forEach(ids, (agentRuntimeId) => client.send(new GetAgentRuntimeCommand({ agentRuntimeId })));
  },
};

const identity: Collector = {
  name: 'bedrock-agentcore-control.identity',
  service: 'bedrock-agentcore-control',
  scope: 'regional',
  produces: ['bedrock-agentcore-control.ListApiKeyCredentialProviders', 'bedrock-agentcore-control.ListOauth2CredentialProviders', 'bedrock-agentcore-control.GetTokenVault'],
  async collect(ctx) {
    const { GetTokenVaultCommand, paginateListApiKeyCredentialProviders, paginateListOauth2CredentialProviders } = await import('@aws-sdk/client-bedrock-agentcore-control');
    const client = await ctx.client('bedrock-agentcore-control');
    await allPages(paginateListApiKeyCredentialProviders({ client, pageSize: 20 }, {}));
    await allPages(paginateListOauth2CredentialProviders({ client, pageSize: 20 }, {}));
    await ctx.attempt(() => client.send(new GetTokenVaultCommand({})));
  },
};

export const collectors: Collector[] = [gateways, memories, runtimes, identity];
