// Every stage of a REST API must write access logs (who called which method, when, from where) to a
// destination: accessLogSettings.destinationArn. An absent accessLogSettings is API Gateway's way of
// saying access logging is off.
import { eachRestStage } from '../resources/api-gateway.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'apigateway-rest-stages-access-logging-enabled',
  evidence: ['api-gateway.GetRestApis', 'api-gateway.GetStages'],
  documentedAbsences: ['accessLogSettings', 'destinationArn'],
  evaluate: (ctx) =>
    eachRestStage(ctx, (stage, api) => {
      const destination = stage.accessLogSettings?.destinationArn;
      return destination ? pass(`Stage ${stage.stageName} of ${api.name} writes access logs to ${destination}.`) : fail(`Stage ${stage.stageName} of ${api.name} writes no access logs.`);
    }),
});
