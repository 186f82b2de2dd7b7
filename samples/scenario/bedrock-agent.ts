// Agents for Amazon Bedrock in the sample account: a knowledge base with a customer-key data source and
// one without, and two agents (one hardened, one quick prototype).
import type { GetAgentCommandOutput, GetDataSourceCommandOutput, ListAgentsCommandOutput, ListDataSourcesCommandOutput, ListKnowledgeBasesCommandOutput } from '@aws-sdk/client-bedrock-agent';
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

export function register(sim: SimulatedAws): void {
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
