import { dataEventTypes, regionCoverage } from '../aws/cloudtrail-trails.ts';
import { targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Data events are regional: each region in scope needs a logging trail whose selectors include S3 objects.
export const rule = defineRule({
  controlId: 'cloudtrail-s3-data-events-logged',
  evidence: ['cloudtrail.DescribeTrails', 'cloudtrail.GetTrailStatus', 'cloudtrail.GetEventSelectors'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) =>
      regionCoverage(ctx, where, 'S3 object-level data events', (_t, selectors) => {
        if (selectors.state !== 'ok') return { unknown: `event selectors unknown (${selectors.error})` };
        const types = dataEventTypes(selectors.responses[0]);
        if (!types.has('AWS::S3::Object')) return undefined;
        const limits = types.get('AWS::S3::Object');
        return `records S3 object data events${limits ? ` (${limits})` : ' for all buckets'}`;
      }),
    ),
});
