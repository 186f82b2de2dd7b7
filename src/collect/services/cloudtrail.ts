// CloudTrail: trails as seen from each region (shadow trails included, so a multi-region trail shows
// everywhere it records), then status and event selectors of each trail once, in its home region.
import type { Trail } from '@aws-sdk/client-cloudtrail';
import { BEDROCK_EVENT_LOOKUP_INPUT, BEDROCK_EVENT_LOOKUP_MAX_PAGES } from '../call-inputs.ts';
import type { Collector } from '../collector.ts';

const trails: Collector = {
  name: 'cloudtrail.trails',
  service: 'cloudtrail',
  scope: 'regional',
  produces: ['cloudtrail.DescribeTrails', 'cloudtrail.GetTrailStatus', 'cloudtrail.GetEventSelectors'],
  async collect(ctx) {
    const { DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } = await import('@aws-sdk/client-cloudtrail');
    const client = await ctx.client('cloudtrail');
    // DescribeTrails is not paginated: one call returns every trail visible in the region.
    const listed = await ctx.attempt(() => client.send(new DescribeTrailsCommand({ includeShadowTrails: true })));
    const homedHere = (listed?.trailList ?? []).filter((t: Trail) => t.HomeRegion === ctx.target.region && t.TrailARN);
    await ctx.forEach(homedHere, async (t) => {
      await client.send(new GetTrailStatusCommand({ Name: t.TrailARN! })).catch(() => undefined);
      await client.send(new GetEventSelectorsCommand({ TrailName: t.TrailARN! }));
    });
  },
};

// Amazon Bedrock calls in the region's event history (last 90 days, newest first), up to a page cap:
// the rule reads the last page's NextToken as "there was more".
const bedrockEvents: Collector = {
  name: 'cloudtrail.bedrock-events',
  service: 'cloudtrail',
  scope: 'regional',
  produces: ['cloudtrail.LookupEvents'],
  async collect(ctx) {
    const { paginateLookupEvents } = await import('@aws-sdk/client-cloudtrail');
    let pages = 0;
    try {
      for await (const _page of paginateLookupEvents({ client: await ctx.client('cloudtrail'), pageSize: 50 }, structuredClone(BEDROCK_EVENT_LOOKUP_INPUT))) {
        if (++pages >= BEDROCK_EVENT_LOOKUP_MAX_PAGES) break;
      }
    } catch {
      // The failing page is already an error record; the rule reads it as unknown.
    }
  },
};

export const collectors: Collector[] = [trails, bedrockEvents];
