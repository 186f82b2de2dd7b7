// API Gateway in the sample account (eu-west-1). REST: the clinical notes API (prod stage with access
// logs and a web ACL, IAM authorization) and a triage demo API (dev stage without either, an
// unauthenticated POST). HTTP: the agent API (JWT routes, access logs) and a model playground (an
// open catch-all route, no access logs).
import type * as v1 from '@aws-sdk/client-api-gateway';
import type * as v2 from '@aws-sdk/client-apigatewayv2';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore } from './account.ts';
import { WEB_ACLS } from './wafv2.ts';

const REGION = 'eu-west-1';
const logGroup = (name: string) => arn('logs', REGION, `log-group:${name}`);

const REST = [
  {
    api: { id: 'a1b2c3d4e5', name: 'clinical-notes-api', createdDate: daysBefore(220), endpointConfiguration: { types: ['REGIONAL' as const] } },
    stages: [{ stageName: 'prod', deploymentId: 'dep001', accessLogSettings: { destinationArn: logGroup('/aws/apigateway/clinical-notes-api'), format: '{"requestId":"$context.requestId"}' }, webAclArn: WEB_ACLS.protection.arn, createdDate: daysBefore(220) }],
    resources: [
      { id: 'root01', path: '/' },
      { id: 'res001', parentId: 'root01', path: '/summarize', pathPart: 'summarize', resourceMethods: { POST: { httpMethod: 'POST', authorizationType: 'AWS_IAM', apiKeyRequired: false }, OPTIONS: { httpMethod: 'OPTIONS', authorizationType: 'NONE' } } },
    ],
  },
  {
    api: { id: 'f6g7h8i9j0', name: 'triage-demo-api', createdDate: daysBefore(40), endpointConfiguration: { types: ['REGIONAL' as const] } },
    stages: [{ stageName: 'dev', deploymentId: 'dep002', createdDate: daysBefore(40) }],
    resources: [
      { id: 'root02', path: '/' },
      { id: 'res002', parentId: 'root02', path: '/predict', pathPart: 'predict', resourceMethods: { POST: { httpMethod: 'POST', authorizationType: 'NONE', apiKeyRequired: true } } },
    ],
  },
];

const HTTP = [
  {
    api: { ApiId: 'k1l2m3n4o5', Name: 'agent-http-api', ProtocolType: 'HTTP' as const, RouteSelectionExpression: '$request.method $request.path', CreatedDate: daysBefore(90) },
    stages: [{ StageName: '$default', AutoDeploy: true, AccessLogSettings: { DestinationArn: logGroup('/aws/apigateway/agent-http-api'), Format: '{"requestId":"$context.requestId"}' } }],
    routes: [
      { RouteId: 'rt00001', RouteKey: 'POST /chat', AuthorizationType: 'JWT' as const, AuthorizerId: 'auth01', Target: 'integrations/int001' },
      { RouteId: 'rt00002', RouteKey: 'OPTIONS /chat', AuthorizationType: 'NONE' as const, Target: 'integrations/int001' },
    ],
  },
  {
    api: { ApiId: 'p6q7r8s9t0', Name: 'model-playground', ProtocolType: 'HTTP' as const, RouteSelectionExpression: '$request.method $request.path', CreatedDate: daysBefore(15) },
    stages: [{ StageName: 'test', AutoDeploy: true }],
    routes: [{ RouteId: 'rt00003', RouteKey: 'ANY /{proxy+}', AuthorizationType: 'NONE' as const, Target: 'integrations/int002' }],
  },
];

const notFound = (what: string) => simError('NotFoundException', 404, `Invalid API identifier specified ${what}`);

export function register(sim: SimulatedAws): void {
  sim.on<v1.GetRestApisCommandOutput>('api-gateway.GetRestApis', (_input, t) => ({ items: t.region === REGION ? REST.map((r) => r.api) : [] }));
  sim.on<v1.GetStagesCommandOutput>('api-gateway.GetStages', (input, t) => {
    const r = REST.find((x) => x.api.id === input.restApiId);
    return r && t.region === REGION ? { item: r.stages } : notFound(input.restApiId);
  });
  sim.on<v1.GetResourcesCommandOutput>('api-gateway.GetResources', (input, t) => {
    const r = REST.find((x) => x.api.id === input.restApiId);
    return r && t.region === REGION ? { items: r.resources } : notFound(input.restApiId);
  });
  sim.on<v2.GetApisCommandOutput>('apigatewayv2.GetApis', (_input, t) => ({ Items: t.region === REGION ? HTTP.map((h) => h.api) : [] }));
  sim.on<v2.GetStagesCommandOutput>('apigatewayv2.GetStages', (input, t) => {
    const h = HTTP.find((x) => x.api.ApiId === input.ApiId);
    return h && t.region === REGION ? { Items: h.stages } : notFound(input.ApiId);
  });
  sim.on<v2.GetRoutesCommandOutput>('apigatewayv2.GetRoutes', (input, t) => {
    const h = HTTP.find((x) => x.api.ApiId === input.ApiId);
    return h && t.region === REGION ? { Items: h.routes } : notFound(input.ApiId);
  });
}
