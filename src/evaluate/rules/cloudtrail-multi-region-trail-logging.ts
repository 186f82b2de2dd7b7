import { managementEvents, regionCoverage } from '../aws/cloudtrail-trails.ts';
import { targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// One finding per region in scope: the region's API activity must be recorded by a multi-region
// trail that is logging (a single-region trail misses activity in regions nobody thought of) and
// records management events, reads and writes (a data-events-only trail records no API activity).
export const rule = defineRule({
  controlId: 'cloudtrail-multi-region-trail-logging',
  evidence: ['cloudtrail.DescribeTrails', 'cloudtrail.GetTrailStatus', 'cloudtrail.GetEventSelectors'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) =>
      regionCoverage(ctx, where, 'all management events with a multi-region trail', (t, selectors) => {
        if (!t.IsMultiRegionTrail) return undefined;
        if (selectors.state !== 'ok') return { unknown: `event selectors of ${t.Name} unknown (${selectors.error})` };
        const scope = managementEvents(selectors.responses[0]);
        return scope === 'all' ? `is a multi-region trail homed in ${t.HomeRegion} recording all management events` : undefined;
      }),
    ),
});
