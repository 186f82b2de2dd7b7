// GuardDuty: the region's detector(s) and their protection plans (the list carries only ids), and the
// findings still awaiting triage (ListFindings carries only ids; GetFindings takes at most 50 at a time).
import { GUARDDUTY_UNTRIAGED_HIGH_CRITERIA } from '../call-inputs.ts';
import { allPages, type Collector } from '../collector.ts';

const GET_FINDINGS_MAX_IDS = 50;

// One collector: a second one would list the detectors again (an avoidable call per region), and an
// account without detectors still shows it looked (ListDetectors).
const detectors: Collector = {
  name: 'guardduty.detectors',
  service: 'guardduty',
  scope: 'regional',
  produces: ['guardduty.ListDetectors', 'guardduty.GetDetector', 'guardduty.ListFindings', 'guardduty.GetFindings'],
  async collect(ctx) {
    const { GetDetectorCommand, GetFindingsCommand, paginateListDetectors, paginateListFindings } = await import('@aws-sdk/client-guardduty');
    const client = await ctx.client('guardduty');
    const pages = await allPages(paginateListDetectors({ client, pageSize: 50 }, {}));
    const ids = pages.flatMap((p) => p.DetectorIds ?? []);
    await ctx.forEach(ids, async (DetectorId) => {
      await client.send(new GetDetectorCommand({ DetectorId }));
      const found = await allPages(paginateListFindings({ client, pageSize: 50 }, { DetectorId, FindingCriteria: structuredClone(GUARDDUTY_UNTRIAGED_HIGH_CRITERIA) }));
      const findingIds = found.flatMap((p) => p.FindingIds ?? []);
      const batches = Array.from({ length: Math.ceil(findingIds.length / GET_FINDINGS_MAX_IDS) }, (_, i) => findingIds.slice(i * GET_FINDINGS_MAX_IDS, (i + 1) * GET_FINDINGS_MAX_IDS));
      await ctx.forEach(batches, (FindingIds) => client.send(new GetFindingsCommand({ DetectorId, FindingIds })));
    });
  },
};

export const collectors: Collector[] = [detectors];
