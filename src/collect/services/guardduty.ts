// GuardDuty: the region's detector(s) and their protection plans (the list carries only ids).
import { GetDetectorCommand, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { allPages, type Collector } from '../collector.ts';

const detectors: Collector = {
  name: 'guardduty.detectors',
  service: 'guardduty',
  scope: 'regional',
  produces: ['guardduty.ListDetectors', 'guardduty.GetDetector'],
  async collect(ctx) {
    const client = ctx.client('guardduty');
    const pages = await allPages(paginateListDetectors({ client, pageSize: 50 }, {}));
    const ids = pages.flatMap((p) => p.DetectorIds ?? []);
    await ctx.forEach(ids, (DetectorId) => client.send(new GetDetectorCommand({ DetectorId })));
  },
};

export const collectors: Collector[] = [detectors];
