// Amazon Bedrock AgentCore in the sample account (eu-west-1): a tools gateway with a JWT authorizer and
// a prototype gateway without one; patient session memory under the ML data key and an ops memory
// without a key; the discharge agent runtime in the VPC and an ops agent on public networking. Identity:
// an OAuth client for the FHIR server in eu-west-1 (token vault under the ML data key) and a search API
// key in us-east-1 (token vault on the service-managed key).
import type * as ac from '@aws-sdk/client-bedrock-agentcore-control';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore, keyArn, KEYS, NETWORK, roleArn, ROLES } from './account.ts';

const REGION = 'eu-west-1';
const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);

const GATEWAYS = [
  { gatewayId: 'clinical-tools-gw-a1b2c3', name: 'clinical-tools-gateway', authorizerType: 'CUSTOM_JWT' as const },
  { gatewayId: 'prototype-tools-gw-d4e5f6', name: 'prototype-tools', authorizerType: 'NONE' as const },
];
const MEMORIES = [
  { id: 'patient_session_memory-Ab12Cd34Ef', name: 'patient_session_memory', encryptionKeyArn: ML_KEY as string | undefined },
  { id: 'ops_memory-Gh56Ij78Kl', name: 'ops_memory', encryptionKeyArn: undefined },
];
const RUNTIMES = [
  { agentRuntimeId: 'discharge_agent-Mn90Op12Qr', agentRuntimeName: 'discharge_agent', networkConfiguration: { networkMode: 'VPC' as const, networkModeConfig: { subnets: [...NETWORK[REGION].privateSubnets], securityGroups: [NETWORK[REGION].sgRestricted] } } },
  { agentRuntimeId: 'ops_agent-St34Uv56Wx', agentRuntimeName: 'ops_agent', networkConfiguration: { networkMode: 'PUBLIC' as const } },
];

export function register(sim: SimulatedAws): void {
  registerIdentity(sim);
  sim.on<ac.ListGatewaysCommandOutput>('bedrock-agentcore-control.ListGateways', (_input, t) => ({
    items: t.region === REGION ? GATEWAYS.map((g) => ({ ...g, status: 'READY' as const, protocolType: 'MCP' as const, createdAt: daysBefore(30), updatedAt: daysBefore(5) })) : [],
  }));
  sim.on<ac.ListMemoriesCommandOutput>('bedrock-agentcore-control.ListMemories', (_input, t) => ({
    memories: t.region === REGION ? MEMORIES.map((m) => ({ id: m.id, arn: arn('bedrock-agentcore', REGION, `memory/${m.id}`), status: 'ACTIVE' as const, createdAt: daysBefore(30), updatedAt: daysBefore(5) })) : [],
  }));
  sim.on<ac.GetMemoryCommandOutput>('bedrock-agentcore-control.GetMemory', (input, t) => {
    const m = MEMORIES.find((x) => x.id === input.memoryId);
    if (!m || t.region !== REGION) return simError('ResourceNotFoundException', 404, `Memory ${input.memoryId} not found`);
    return { memory: { id: m.id, arn: arn('bedrock-agentcore', REGION, `memory/${m.id}`), name: m.name, eventExpiryDuration: 90, status: 'ACTIVE', createdAt: daysBefore(30), updatedAt: daysBefore(5), ...(m.encryptionKeyArn ? { encryptionKeyArn: m.encryptionKeyArn } : {}) } };
  });
  sim.on<ac.ListAgentRuntimesCommandOutput>('bedrock-agentcore-control.ListAgentRuntimes', (_input, t) => ({
    agentRuntimes: t.region === REGION ? RUNTIMES.map((r) => ({ agentRuntimeId: r.agentRuntimeId, agentRuntimeName: r.agentRuntimeName, agentRuntimeArn: arn('bedrock-agentcore', REGION, `runtime/${r.agentRuntimeId}`), agentRuntimeVersion: '3', description: '', lastUpdatedAt: daysBefore(5), status: 'READY' as const })) : [],
  }));
  sim.on<ac.GetAgentRuntimeCommandOutput>('bedrock-agentcore-control.GetAgentRuntime', (input, t) => {
    const r = RUNTIMES.find((x) => x.agentRuntimeId === input.agentRuntimeId);
    if (!r || t.region !== REGION) return simError('ResourceNotFoundException', 404, `Agent runtime ${input.agentRuntimeId} not found`);
    return {
      agentRuntimeArn: arn('bedrock-agentcore', REGION, `runtime/${r.agentRuntimeId}`),
      agentRuntimeName: r.agentRuntimeName,
      agentRuntimeId: r.agentRuntimeId,
      agentRuntimeVersion: '3',
      createdAt: daysBefore(30),
      lastUpdatedAt: daysBefore(5),
      roleArn: roleArn(ROLES.bedrockApp),
      networkConfiguration: r.networkConfiguration,
      status: 'READY',
      lifecycleConfiguration: { idleRuntimeSessionTimeout: 900, maxLifetime: 28800 },
    };
  });
}

function registerIdentity(sim: SimulatedAws): void {
  const provider = (name: string, t: { region: string }) => ({ name, credentialProviderArn: arn('bedrock-agentcore', t.region, `token-vault/default/${name}`), createdTime: daysBefore(60), lastUpdatedTime: daysBefore(10) });
  sim.on<ac.ListApiKeyCredentialProvidersCommandOutput>('bedrock-agentcore-control.ListApiKeyCredentialProviders', (_input, t) => ({ credentialProviders: t.region === 'us-east-1' ? [provider('search-api-key', t)] : [] }));
  sim.on<ac.ListOauth2CredentialProvidersCommandOutput>('bedrock-agentcore-control.ListOauth2CredentialProviders', (_input, t) => ({
    credentialProviders: t.region === REGION ? [{ ...provider('fhir-oauth-client', t), credentialProviderVendor: 'CustomOauth2' as const }] : [],
  }));
  sim.on<ac.GetTokenVaultCommandOutput>('bedrock-agentcore-control.GetTokenVault', (_input, t) => ({
    tokenVaultId: 'default',
    kmsConfiguration: t.region === REGION ? { keyType: 'CustomerManagedKey', kmsKeyArn: ML_KEY } : { keyType: 'ServiceManagedKey' },
    lastModifiedDate: daysBefore(60),
  }));
}
