// Every stage of an HTTP or WebSocket API must write access logs to a destination
// (AccessLogSettings.DestinationArn). An absent AccessLogSettings means access logging is off.
import { eachHttpStage } from '../resources/api-gateway.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'apigatewayv2-stages-access-logging-enabled',
  evidence: ['apigatewayv2.GetApis', 'apigatewayv2.GetStages'],
  documentedAbsences: ['AccessLogSettings', 'DestinationArn'],
  evaluate: (ctx) =>
    eachHttpStage(ctx, (stage, api) => {
      const destination = stage.AccessLogSettings?.DestinationArn;
      return destination ? pass(`Stage ${stage.StageName} of ${api.Name} writes access logs to ${destination}.`) : fail(`Stage ${stage.StageName} of ${api.Name} writes no access logs.`);
    }),
});
