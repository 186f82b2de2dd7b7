// API Gateway (REST and HTTP), WAF, Bedrock AgentCore and Bedrock flow and prompt rules: pass, fail,
// and fail-closed (failed or missing evidence and absent judged fields are unknown, empty lists not applicable).
import { describe, expect, it } from 'vitest';
import { rule as restLogs } from '../../src/evaluate/rules/apigateway-rest-stages-access-logging-enabled.ts';
import { rule as restWaf } from '../../src/evaluate/rules/apigateway-rest-stages-waf-attached.ts';
import { rule as restAuth } from '../../src/evaluate/rules/apigateway-rest-api-methods-require-authorization.ts';
import { rule as httpLogs } from '../../src/evaluate/rules/apigatewayv2-stages-access-logging-enabled.ts';
import { rule as httpAuth } from '../../src/evaluate/rules/apigatewayv2-routes-require-authorization.ts';
import { rule as wafLogs } from '../../src/evaluate/rules/wafv2-web-acls-logging-enabled.ts';
import { rule as gatewayAuth } from '../../src/evaluate/rules/bedrock-agentcore-gateways-require-inbound-authorization.ts';
import { rule as memoryKey } from '../../src/evaluate/rules/bedrock-agentcore-memory-encrypted-with-kms-key.ts';
import { rule as runtimeVpc } from '../../src/evaluate/rules/bedrock-agentcore-runtimes-in-vpc.ts';
import { rule as tokenVault } from '../../src/evaluate/rules/bedrock-agentcore-token-vault-encrypted-with-kms-key.ts';
import { rule as flowKey } from '../../src/evaluate/rules/bedrock-flows-encrypted-with-kms-key.ts';
import { rule as promptKey } from '../../src/evaluate/rules/bedrock-prompts-encrypted-with-kms-key.ts';
import { failed, keyManagedBy, ok, runRule as runBare, statuses } from '../helpers/evidence.ts';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1f0c2a3b-0000-4000-8000-00000000a001';
const runRule: typeof runBare = (rule, records, opts) => runBare(rule, [...records, keyManagedBy(KEY)], opts);
const byId = (findings: ReturnType<typeof runBare>) => Object.fromEntries(findings.map((f) => [f.resource.id, f.status]));

describe('API Gateway REST APIs', () => {
  const apis = ok('api-gateway.GetRestApis', { items: [{ id: 'a1', name: 'notes' }] });
  const stages = (item: unknown[]) => ok('api-gateway.GetStages', { item }, { input: { restApiId: 'a1' } });
  const resources = (items: unknown[]) => ok('api-gateway.GetResources', { items }, { input: { restApiId: 'a1', embed: ['methods'] } });

  it('access logging and web ACL are judged per stage; absence means off', () => {
    const s = stages([{ stageName: 'prod', accessLogSettings: { destinationArn: 'arn:log' }, webAclArn: 'arn:acl' }, { stageName: 'dev' }]);
    expect(byId(runRule(restLogs, [apis, s]))).toEqual({ 'notes/prod': 'pass', 'notes/dev': 'fail' });
    expect(byId(runRule(restWaf, [apis, s]))).toEqual({ 'notes/prod': 'pass', 'notes/dev': 'fail' });
    expect(statuses(runRule(restLogs, [apis, failed('api-gateway.GetStages', { input: { restApiId: 'a1' } })]))).toEqual(['unknown']);
    expect(statuses(runRule(restLogs, [apis, stages([{}])]))).toEqual(['unknown']);
    expect(statuses(runRule(restWaf, [ok('api-gateway.GetRestApis', { items: [] })]))).toEqual(['not_applicable']);
    expect(statuses(runRule(restWaf, [failed('api-gateway.GetRestApis')]))).toEqual(['unknown']);
  });

  it('methods: NONE on anything but OPTIONS fails; an API key alone is not authorization; only preflight is not applicable', () => {
    const m = (authorizationType?: string, extra: Record<string, unknown> = {}) => ({ ...(authorizationType ? { authorizationType } : {}), ...extra });
    expect(statuses(runRule(restAuth, [apis, resources([{ id: 'r', path: '/x', resourceMethods: { POST: m('AWS_IAM'), GET: m('COGNITO_USER_POOLS'), OPTIONS: m('NONE') } }])]))).toEqual(['pass']);
    expect(statuses(runRule(restAuth, [apis, resources([{ id: 'r', path: '/x', resourceMethods: { POST: m('NONE', { apiKeyRequired: true }) } }])]))).toEqual(['fail']);
    expect(statuses(runRule(restAuth, [apis, resources([{ id: 'r', path: '/x', resourceMethods: { POST: m() } }])]))).toEqual(['unknown']);
    expect(statuses(runRule(restAuth, [apis, resources([{ id: 'r', path: '/', resourceMethods: { OPTIONS: m('NONE') } }])]))).toEqual(['not_applicable']);
    expect(statuses(runRule(restAuth, [apis]))).toEqual(['unknown']);
  });
});

describe('API Gateway HTTP and WebSocket APIs', () => {
  const apis = (ProtocolType = 'HTTP') => ok('apigatewayv2.GetApis', { Items: [{ ApiId: 'h1', Name: 'agent', ProtocolType }] });
  const routes = (Items: unknown[]) => ok('apigatewayv2.GetRoutes', { Items }, { input: { ApiId: 'h1' } });

  it('access logging per stage', () => {
    const s = ok('apigatewayv2.GetStages', { Items: [{ StageName: '$default', AccessLogSettings: { DestinationArn: 'arn:log' } }, { StageName: 'test' }] }, { input: { ApiId: 'h1' } });
    expect(byId(runRule(httpLogs, [apis(), s]))).toEqual({ 'agent/$default': 'pass', 'agent/test': 'fail' });
    expect(statuses(runRule(httpLogs, [apis()]))).toEqual(['unknown']);
  });

  it('routes: NONE fails except OPTIONS; WebSocket judges $connect only; absent types are unknown', () => {
    expect(statuses(runRule(httpAuth, [apis(), routes([{ RouteKey: 'POST /chat', AuthorizationType: 'JWT' }, { RouteKey: 'OPTIONS /chat', AuthorizationType: 'NONE' }])]))).toEqual(['pass']);
    expect(statuses(runRule(httpAuth, [apis(), routes([{ RouteKey: 'ANY /{proxy+}', AuthorizationType: 'NONE' }])]))).toEqual(['fail']);
    expect(statuses(runRule(httpAuth, [apis(), routes([{ RouteKey: 'GET /x' }])]))).toEqual(['unknown']);
    expect(statuses(runRule(httpAuth, [apis('WEBSOCKET'), routes([{ RouteKey: '$connect', AuthorizationType: 'AWS_IAM' }, { RouteKey: 'sendmessage', AuthorizationType: 'NONE' }])]))).toEqual(['pass']);
    expect(statuses(runRule(httpAuth, [apis('WEBSOCKET'), routes([{ RouteKey: '$connect', AuthorizationType: 'NONE' }])]))).toEqual(['fail']);
    expect(statuses(runRule(httpAuth, [apis(), routes([])]))).toEqual(['not_applicable']);
    expect(statuses(runRule(httpAuth, [apis(), failed('apigatewayv2.GetRoutes', { input: { ApiId: 'h1' } })]))).toEqual(['unknown']);
  });
});

describe('wafv2-web-acls-logging-enabled', () => {
  const acls = ok('wafv2.ListWebACLs', { WebACLs: [{ Name: 'logged', ARN: 'arn:acl/logged' }, { Name: 'silent', ARN: 'arn:acl/silent' }] }, { input: { Scope: 'REGIONAL' } });
  it('passes a web ACL with a logging destination, fails one without, unknown when configurations cannot be listed', () => {
    const configs = ok('wafv2.ListLoggingConfigurations', { LoggingConfigurations: [{ ResourceArn: 'arn:acl/logged', LogDestinationConfigs: ['arn:logs'] }] }, { input: { Scope: 'REGIONAL' } });
    expect(byId(runRule(wafLogs, [acls, configs]))).toEqual({ logged: 'pass', silent: 'fail' });
    expect(byId(runRule(wafLogs, [acls, failed('wafv2.ListLoggingConfigurations', { input: { Scope: 'REGIONAL' } })]))).toEqual({ logged: 'unknown', silent: 'unknown' });
    expect(statuses(runRule(wafLogs, [ok('wafv2.ListWebACLs', { WebACLs: [] }, { input: { Scope: 'REGIONAL' } })]))).toEqual(['not_applicable']);
  });
});

describe('Bedrock AgentCore', () => {
  it('gateways: AWS_IAM and CUSTOM_JWT pass, NONE fails, other or absent types are unknown', () => {
    const list = ok('bedrock-agentcore-control.ListGateways', { items: [{ name: 'iam', authorizerType: 'AWS_IAM' }, { name: 'jwt', authorizerType: 'CUSTOM_JWT' }, { name: 'open', authorizerType: 'NONE' }, { name: 'odd', authorizerType: 'AUTHENTICATE_ONLY' }, { name: 'absent' }] });
    expect(byId(runRule(gatewayAuth, [list]))).toEqual({ iam: 'pass', jwt: 'pass', open: 'fail', odd: 'unknown', absent: 'unknown' });
    expect(statuses(runRule(gatewayAuth, [failed('bedrock-agentcore-control.ListGateways')]))).toEqual(['unknown']);
  });

  it('memory: a customer key passes, no key fails', () => {
    const list = ok('bedrock-agentcore-control.ListMemories', { memories: [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }] });
    const get = (id: string, memory: unknown) => ok('bedrock-agentcore-control.GetMemory', { memory }, { input: { memoryId: id } });
    expect(byId(runRule(memoryKey, [list, get('m1', { id: 'm1', name: 'a', encryptionKeyArn: KEY }), get('m2', { id: 'm2', name: 'b' }), failed('bedrock-agentcore-control.GetMemory', { input: { memoryId: 'm3' } })]))).toEqual({ m1: 'pass', m2: 'fail', m3: 'unknown' });
  });

  it('runtimes: VPC passes, PUBLIC fails, absent network configuration is unknown', () => {
    const list = ok('bedrock-agentcore-control.ListAgentRuntimes', { agentRuntimes: ['vpc', 'public', 'absent'].map((n) => ({ agentRuntimeId: n, agentRuntimeName: n })) });
    const get = (id: string, extra: Record<string, unknown>) => ok('bedrock-agentcore-control.GetAgentRuntime', { agentRuntimeId: id, agentRuntimeName: id, ...extra }, { input: { agentRuntimeId: id } });
    const found = runRule(runtimeVpc, [list, get('vpc', { networkConfiguration: { networkMode: 'VPC', networkModeConfig: { subnets: ['s'], securityGroups: ['g'] } } }), get('public', { networkConfiguration: { networkMode: 'PUBLIC' } }), get('absent', {})]);
    expect(byId(found)).toEqual({ vpc: 'pass', public: 'fail', absent: 'unknown' });
    expect(statuses(runRule(runtimeVpc, [ok('bedrock-agentcore-control.ListAgentRuntimes', { agentRuntimes: [] })]))).toEqual(['not_applicable']);
  });
});

describe('bedrock-agentcore-token-vault-encrypted-with-kms-key', () => {
  const apiKeys = (names: string[]) => ok('bedrock-agentcore-control.ListApiKeyCredentialProviders', { credentialProviders: names.map((name) => ({ name })) });
  const oauth = (names: string[]) => ok('bedrock-agentcore-control.ListOauth2CredentialProviders', { credentialProviders: names.map((name) => ({ name })) });
  const vault = (kmsConfiguration?: unknown) => ok('bedrock-agentcore-control.GetTokenVault', { tokenVaultId: 'default', ...(kmsConfiguration ? { kmsConfiguration } : {}) });

  it('passes a customer key, fails the service-managed key, is not applicable without credential providers', () => {
    expect(statuses(runRule(tokenVault, [apiKeys(['k']), oauth([]), vault({ keyType: 'CustomerManagedKey', kmsKeyArn: KEY })]))).toEqual(['pass']);
    expect(statuses(runRule(tokenVault, [apiKeys([]), oauth(['o']), vault({ keyType: 'ServiceManagedKey' })]))).toEqual(['fail']);
    expect(statuses(runRule(tokenVault, [apiKeys([]), oauth([]), vault({ keyType: 'ServiceManagedKey' })]))).toEqual(['not_applicable']);
  });
  it('is unknown when a list or the vault cannot be read, or the key configuration is absent or unresolvable', () => {
    expect(statuses(runRule(tokenVault, [failed('bedrock-agentcore-control.ListApiKeyCredentialProviders'), oauth(['o']), vault({ keyType: 'ServiceManagedKey' })]))).toEqual(['unknown']);
    expect(statuses(runRule(tokenVault, [apiKeys(['k']), oauth([]), failed('bedrock-agentcore-control.GetTokenVault')]))).toEqual(['unknown']);
    expect(statuses(runRule(tokenVault, [apiKeys(['k']), oauth([]), vault()]))).toEqual(['unknown']);
    expect(statuses(runRule(tokenVault, [apiKeys(['k']), oauth([]), vault({ keyType: 'CustomerManagedKey' })]))).toEqual(['unknown']);
    expect(statuses(runBare(tokenVault, [apiKeys(['k']), oauth([]), vault({ keyType: 'CustomerManagedKey', kmsKeyArn: KEY })]))).toEqual(['unknown']);
  });
});

describe('Bedrock flows and prompts', () => {
  it('a customer key passes, none fails, an AWS managed alias fails, unresolvable keys are unknown', () => {
    const flows = ok('bedrock-agent.ListFlows', { flowSummaries: ['f1', 'f2', 'f3'].map((id) => ({ id, name: id })) });
    const flow = (id: string, key?: string) => ok('bedrock-agent.GetFlow', { id, name: id, ...(key ? { customerEncryptionKeyArn: key } : {}) }, { input: { flowIdentifier: id } });
    expect(byId(runRule(flowKey, [flows, flow('f1', KEY), flow('f2'), flow('f3', 'arn:aws:kms:eu-west-1:111122223333:alias/aws/bedrock')]))).toEqual({ f1: 'pass', f2: 'fail', f3: 'fail' });
    const prompts = ok('bedrock-agent.ListPrompts', { promptSummaries: [{ id: 'p1', name: 'p1' }] });
    expect(statuses(runBare(promptKey, [prompts, ok('bedrock-agent.GetPrompt', { id: 'p1', customerEncryptionKeyArn: KEY }, { input: { promptIdentifier: 'p1' } })]))).toEqual(['unknown']);
    expect(statuses(runRule(promptKey, [prompts, ok('bedrock-agent.GetPrompt', { id: 'p1', customerEncryptionKeyArn: KEY }, { input: { promptIdentifier: 'p1' } })]))).toEqual(['pass']);
    expect(statuses(runRule(promptKey, [failed('bedrock-agent.ListPrompts')]))).toEqual(['unknown']);
  });
});
