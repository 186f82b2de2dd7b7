// CloudTrail: trails as seen from each region (shadow trails included, so a multi-region trail shows
// everywhere it records), then status and event selectors of each trail once, in its home region.
import { DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import type { Collector } from '../collector.ts';

const trails: Collector = {
  name: 'cloudtrail.trails',
  service: 'cloudtrail',
  scope: 'regional',
  produces: ['cloudtrail.DescribeTrails', 'cloudtrail.GetTrailStatus', 'cloudtrail.GetEventSelectors'],
  async collect(ctx) {
    const client = ctx.client('cloudtrail');
    // DescribeTrails is not paginated: one call returns every trail visible in the region.
    const listed = await ctx.attempt(() => client.send(new DescribeTrailsCommand({ includeShadowTrails: true })));
    const homedHere = (listed?.trailList ?? []).filter((t: Trail) => t.HomeRegion === ctx.target.region && t.TrailARN);
    await ctx.forEach(homedHere, async (t) => {
      await client.send(new GetTrailStatusCommand({ Name: t.TrailARN! })).catch(() => undefined);
      await client.send(new GetEventSelectorsCommand({ TrailName: t.TrailARN! }));
    });
  },
};

export const collectors: Collector[] = [trails];
