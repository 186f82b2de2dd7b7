// Every stage of a REST API must be associated with a WAF web ACL (webAclArn), which filters
// injection, bot and flood traffic before it reaches the model behind the API. Absent = none.
import { eachRestStage } from '../resources/api-gateway.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'apigateway-rest-stages-waf-attached',
  evidence: ['api-gateway.GetRestApis', 'api-gateway.GetStages'],
  documentedAbsences: ['webAclArn'],
  evaluate: (ctx) =>
    eachRestStage(ctx, (stage, api) =>
      stage.webAclArn ? pass(`Stage ${stage.stageName} of ${api.name} is protected by web ACL ${stage.webAclArn}.`) : fail(`Stage ${stage.stageName} of ${api.name} has no WAF web ACL.`),
    ),
});
