import { regionCoverage } from '../aws/cloudtrail-trails.ts';
import { targets } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

// One finding per region in scope: the region's API activity must be recorded by a multi-region
// trail that is logging (a single-region trail misses activity in regions nobody thought of).
export const rule: Rule = {
  controlId: 'cloudtrail-multi-region-trail-logging',
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) =>
      regionCoverage(ctx, where, 'API activity with a multi-region trail', (t) => (t.IsMultiRegionTrail ? `is a multi-region trail homed in ${t.HomeRegion}` : undefined)),
    ),
};
