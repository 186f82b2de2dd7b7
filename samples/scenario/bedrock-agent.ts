// Agents for Amazon Bedrock in the sample account: a knowledge base with a customer-key data source and
// one without, two agents (one hardened, one quick prototype), two flows and two managed prompts (one
// of each under the ML data key, one without a key).
import type {
  GetAgentCommandOutput,
  GetDataSourceCommandOutput,
  GetFlowCommandOutput,
  GetPromptCommandOutput,
  ListAgentsCommandOutput,
  ListDataSourcesCommandOutput,
  ListFlowsCommandOutput,
  ListKnowledgeBasesCommandOutput,
  ListPromptsCommandOutput,
} from '@aws-sdk/client-bedrock-agent';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, BUCKETS, daysBefore, keyArn, KEYS, roleArn, ROLES } from './account.ts';

const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);
const KB_ID = 'KB7QW3ERT9';
const DATA_SOURCES = [
  { id: 'DSCLIN0001', name: 'clinical-guidelines', kmsKey: ML_KEY as string | undefined, prefix: 'guidelines/' },
  { id: 'DSFAQ00002', name: 'patient-faq', kmsKey: undefined, prefix: 'faq/' },
];
const AGENTS = [
  { id: 'AGT4DISCH01', name: 'discharge-assistant', kmsKey: ML_KEY as string | undefined, guardrail: { guardrailIdentifier: 'h7x2k9m4q1ab', guardrailVersion: '3' } },
  { id: 'AGT9PROTO02', name: 'ops-prototype-agent', kmsKey: undefined, guardrail: undefined },
];

const FLOWS = [
  { id: 'FLW1INTAKE', name: 'patient-intake-flow', kmsKey: ML_KEY as string | undefined },
  { id: 'FLW2MARKET', name: 'newsletter-draft-flow', kmsKey: undefined },
];
const PROMPTS = [
  { id: 'PRM1DISCHG', name: 'discharge-summary-prompt', kmsKey: ML_KEY as string | undefined },
  { id: 'PRM2FAQ000', name: 'faq-answer-prompt', kmsKey: undefined },
];

export function register(sim: SimulatedAws): void {
  registerFlowsAndPrompts(sim);
  sim.on<ListKnowledgeBasesCommandOutput>('bedrock-agent.ListKnowledgeBases', (_input, t) => ({
    knowledgeBaseSummaries: t.region === 'eu-west-1' ? [{ knowledgeBaseId: KB_ID, name: 'clinical-knowledge', status: 'ACTIVE', updatedAt: daysBefore(6) }] : [],
  }));
  sim.on<ListDataSourcesCommandOutput>('bedrock-agent.ListDataSources', (input, t) => {
    if (t.region !== 'eu-west-1' || input.knowledgeBaseId !== KB_ID) return simError('ResourceNotFoundException', 404, `Knowledge base ${input.knowledgeBaseId} not found`);
    return { dataSourceSummaries: DATA_SOURCES.map((d) => ({ knowledgeBaseId: KB_ID, dataSourceId: d.id, name: d.name, status: 'AVAILABLE', updatedAt: daysBefore(6) })) };
  });
  sim.on<GetDataSourceCommandOutput>('bedrock-agent.GetDataSource', (input, t) => {
    const d = DATA_SOURCES.find((x) => x.id === input.dataSourceId);
    if (!d || t.region !== 'eu-west-1') return simError('ResourceNotFoundException', 404, `Data source ${input.dataSourceId} not found`);
    return {
      dataSource: {
        knowledgeBaseId: KB_ID,
        dataSourceId: d.id,
        name: d.name,
        status: 'AVAILABLE',
        dataSourceConfiguration: { type: 'S3', s3Configuration: { bucketArn: `arn:aws:s3:::${BUCKETS.trainingData.name}`, inclusionPrefixes: [d.prefix] } },
        serverSideEncryptionConfiguration: d.kmsKey ? { kmsKeyArn: d.kmsKey } : undefined,
        dataDeletionPolicy: 'DELETE',
        createdAt: daysBefore(70),
        updatedAt: daysBefore(6),
      },
    };
  });

  sim.on<ListAgentsCommandOutput>('bedrock-agent.ListAgents', (_input, t) => ({
    agentSummaries: t.region === 'eu-west-1' ? AGENTS.map((a) => ({ agentId: a.id, agentName: a.name, agentStatus: 'PREPARED', updatedAt: daysBefore(9), latestAgentVersion: '2' })) : [],
  }));
  sim.on<GetAgentCommandOutput>('bedrock-agent.GetAgent', (input, t) => {
    const a = AGENTS.find((x) => x.id === input.agentId);
    if (!a || t.region !== 'eu-west-1') return simError('ResourceNotFoundException', 404, `Agent ${input.agentId} not found`);
    return {
      agent: {
        agentId: a.id,
        agentName: a.name,
        agentArn: arn('bedrock', t.region, `agent/${a.id}`),
        agentVersion: 'DRAFT',
        agentStatus: 'PREPARED',
        agentResourceRoleArn: roleArn(ROLES.bedrockApp),
        foundationModel: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
        idleSessionTTLInSeconds: 600,
        customerEncryptionKeyArn: a.kmsKey,
        guardrailConfiguration: a.guardrail,
        createdAt: daysBefore(60),
        updatedAt: daysBefore(9),
        preparedAt: daysBefore(9),
      },
    };
  });
}

function registerFlowsAndPrompts(sim: SimulatedAws): void {
  sim.on<ListFlowsCommandOutput>('bedrock-agent.ListFlows', (_input, t) => ({
    flowSummaries: t.region === 'eu-west-1' ? FLOWS.map((f) => ({ id: f.id, name: f.name, arn: arn('bedrock', t.region, `flow/${f.id}`), status: 'Prepared', version: 'DRAFT', createdAt: daysBefore(40), updatedAt: daysBefore(4) })) : [],
  }));
  sim.on<GetFlowCommandOutput>('bedrock-agent.GetFlow', (input, t) => {
    const f = FLOWS.find((x) => x.id === input.flowIdentifier);
    if (!f || t.region !== 'eu-west-1') return simError('ResourceNotFoundException', 404, `Flow ${input.flowIdentifier} not found`);
    return { id: f.id, name: f.name, arn: arn('bedrock', t.region, `flow/${f.id}`), executionRoleArn: roleArn(ROLES.bedrockApp), status: 'Prepared', version: 'DRAFT', createdAt: daysBefore(40), updatedAt: daysBefore(4), customerEncryptionKeyArn: f.kmsKey };
  });
  sim.on<ListPromptsCommandOutput>('bedrock-agent.ListPrompts', (_input, t) => ({
    promptSummaries: t.region === 'eu-west-1' ? PROMPTS.map((p) => ({ id: p.id, name: p.name, arn: arn('bedrock', t.region, `prompt/${p.id}`), version: 'DRAFT', createdAt: daysBefore(50), updatedAt: daysBefore(3) })) : [],
  }));
  sim.on<GetPromptCommandOutput>('bedrock-agent.GetPrompt', (input, t) => {
    const p = PROMPTS.find((x) => x.id === input.promptIdentifier);
    if (!p || t.region !== 'eu-west-1') return simError('ResourceNotFoundException', 404, `Prompt ${input.promptIdentifier} not found`);
    return { id: p.id, name: p.name, arn: arn('bedrock', t.region, `prompt/${p.id}`), version: 'DRAFT', createdAt: daysBefore(50), updatedAt: daysBefore(3), customerEncryptionKeyArn: p.kmsKey };
  });
}
