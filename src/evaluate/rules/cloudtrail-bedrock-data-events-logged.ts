import { dataEventTypes, regionCoverage } from '../aws/cloudtrail-trails.ts';
import { targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Bedrock agent, knowledge-base, guardrail, flow and model invocations are CloudTrail data events
// (resource types AWS::Bedrock::*): they are not recorded unless a selector asks for them.
export const rule = defineRule({
  controlId: 'cloudtrail-bedrock-data-events-logged',
  evidence: ['cloudtrail.DescribeTrails', 'cloudtrail.GetTrailStatus', 'cloudtrail.GetEventSelectors'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) =>
      regionCoverage(ctx, where, 'Amazon Bedrock data events', (_t, selectors) => {
        if (selectors.state !== 'ok') return { unknown: `event selectors unknown (${selectors.error})` };
        const bedrock = [...dataEventTypes(selectors.responses[0])].filter(([type]) => type.startsWith('AWS::Bedrock::'));
        if (bedrock.length === 0) return undefined;
        return `records Bedrock data events for ${bedrock.map(([type, limits]) => (limits ? `${type} (${limits})` : type)).join(', ')}`;
      }),
    ),
});
