// How API Gateway REST APIs (v1) and HTTP/WebSocket APIs (v2), their stages and routes appear in
// evidence, so that each rule states only its judgement.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import { REST_RESOURCES_WITH_METHODS_INPUT } from '../../collect/call-inputs.ts';
import type { Target } from '../../collect/target.ts';
import { partitionOf } from '../../util/aws-ids.ts';
import type { Finding, ResourceRef } from '../finding.ts';
import { forEachChild } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import { forEachListed, judgeCall, judgedGuarded, required, type Verdict } from '../rule-helpers.ts';

export type RestApi = NonNullable<EvidenceResponse<'api-gateway.GetRestApis'>['items']>[number];
export type RestStage = NonNullable<EvidenceResponse<'api-gateway.GetStages'>['item']>[number];
export type RestResource = NonNullable<EvidenceResponse<'api-gateway.GetResources'>['items']>[number];
export type HttpApi = NonNullable<EvidenceResponse<'apigatewayv2.GetApis'>['Items']>[number];
export type HttpStage = NonNullable<EvidenceResponse<'apigatewayv2.GetStages'>['Items']>[number];
export type HttpRoute = NonNullable<EvidenceResponse<'apigatewayv2.GetRoutes'>['Items']>[number];

/** API Gateway resources are named by path ARNs: arn:aws:apigateway:<region>::/restapis/<id>/... */
const pathArn = (at: Target, path: string) => `arn:${partitionOf(at.region)}:apigateway:${at.region}::/${path}`;

export function restApiResource(api: RestApi, at: Target): ResourceRef {
  return { type: 'AWS::ApiGateway::RestApi', id: api.name ?? required(api, 'id'), arn: pathArn(at, `restapis/${api.id}`) };
}

export function httpApiResource(api: HttpApi, at: Target): ResourceRef {
  return { type: 'AWS::ApiGatewayV2::Api', id: api.Name ?? required(api, 'ApiId'), arn: pathArn(at, `apis/${api.ApiId}`) };
}

/** Every stage of every REST API, judged on its own. */
export function eachRestStage(ctx: RuleContext<'api-gateway.GetRestApis' | 'api-gateway.GetStages'>, judge: (stage: RestStage, api: RestApi) => Verdict): Finding[] {
  return forEachChild(
    ctx,
    { key: 'api-gateway.GetRestApis', scope: 'regional', items: (r) => r.items, noun: 'API Gateway REST APIs' },
    { key: 'api-gateway.GetStages', input: (api) => ({ restApiId: api.id }), items: (r) => r.item, noun: 'stages', parentResource: (api, at) => restApiResource(api, at) },
    (stage, api, at, records) => {
      const id = `${restApiResource(api, at).id}/${required(stage, 'stageName')}`;
      return judgedGuarded(ctx, at, { type: 'AWS::ApiGateway::Stage', id, arn: pathArn(at, `restapis/${api.id}/stages/${stage.stageName}`) }, records, () => judge(stage, api));
    },
  );
}

/** Every REST API with all its resources (methods embedded), judged as one. */
export function eachRestApiResources(ctx: RuleContext<'api-gateway.GetRestApis' | 'api-gateway.GetResources'>, judge: (resources: RestResource[], api: RestApi) => Verdict): Finding[] {
  return forEachListed(ctx, { key: 'api-gateway.GetRestApis', scope: 'regional', items: (r) => r.items, noun: 'API Gateway REST APIs' }, (api, at, records) =>
    judgeCall(ctx, at, restApiResource(api, at), ctx.evidence.call('api-gateway.GetResources', at, { restApiId: api.id, embed: [...REST_RESOURCES_WITH_METHODS_INPUT.embed] }), { ok: (r) => judge(r.items ?? [], api) }, records),
  );
}

/** Every stage of every HTTP or WebSocket API. */
export function eachHttpStage(ctx: RuleContext<'apigatewayv2.GetApis' | 'apigatewayv2.GetStages'>, judge: (stage: HttpStage, api: HttpApi) => Verdict): Finding[] {
  return forEachChild(
    ctx,
    { key: 'apigatewayv2.GetApis', scope: 'regional', items: (r) => r.Items, noun: 'API Gateway HTTP and WebSocket APIs' },
    { key: 'apigatewayv2.GetStages', input: (api) => ({ ApiId: api.ApiId }), items: (r) => r.Items, noun: 'stages', parentResource: (api, at) => httpApiResource(api, at) },
    (stage, api, at, records) => {
      const id = `${httpApiResource(api, at).id}/${required(stage, 'StageName')}`;
      return judgedGuarded(ctx, at, { type: 'AWS::ApiGatewayV2::Stage', id, arn: pathArn(at, `apis/${api.ApiId}/stages/${stage.StageName}`) }, records, () => judge(stage, api));
    },
  );
}

/** Every HTTP or WebSocket API with all its routes, judged as one. */
export function eachHttpApiRoutes(ctx: RuleContext<'apigatewayv2.GetApis' | 'apigatewayv2.GetRoutes'>, judge: (routes: HttpRoute[], api: HttpApi, at: Target, records: EvidenceRecord[]) => Verdict): Finding[] {
  return forEachListed(ctx, { key: 'apigatewayv2.GetApis', scope: 'regional', items: (r) => r.Items, noun: 'API Gateway HTTP and WebSocket APIs' }, (api, at, records) =>
    judgeCall(ctx, at, httpApiResource(api, at), ctx.evidence.call('apigatewayv2.GetRoutes', at, { ApiId: api.ApiId }), { ok: (r) => judge(r.Items ?? [], api, at, records) }, records),
  );
}
