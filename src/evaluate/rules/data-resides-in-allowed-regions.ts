import { GLOBAL_REGION } from '../../collect/target.ts';
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import { RESIDENCY_SOURCE_KEYS, bucketsByRegion, regionalInventory } from '../aws/residency-inventory.ts';
import type { Finding } from '../finding.ts';
import { accountResource } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// One finding per region in scope, plus one per region outside the scope where S3 holds buckets
// (the bucket list is global, so data in regions nobody scanned still shows). Data in an approved region
// passes, data elsewhere fails; a region holding no data has nothing to check (not_applicable), unless
// its inventory is incomplete outside the approved regions (unknown). Empty allowedRegions means every
// region in scope.
function list(items: string[]): string {
  return items.length > 8 ? `${items.slice(0, 8).join(', ')} and ${items.length - 8} more` : items.join(', ');
}

export const rule = defineRule({
  controlId: 'data-resides-in-allowed-regions',
  evidence: ['s3.ListBuckets', 's3.GetBucketLocation', ...RESIDENCY_SOURCE_KEYS],
  evaluate: (ctx) => {
    const allowed = new Set(ctx.params.allowedRegions.length ? ctx.params.allowedRegions : ctx.scope.regions);
    const allowedText = ctx.params.allowedRegions.length ? `approved regions ${[...allowed].join(', ')}` : `regions in scope (no allowedRegions configured)`;
    const findings: Finding[] = [];
    for (const account of ctx.scope.accounts) {
      const buckets = bucketsByRegion(ctx, account);
      const regions = [...new Set([...ctx.scope.regions, ...buckets.byRegion.keys()])].sort();
      for (const region of regions) {
        const where = { account, region };
        const found: string[] = [...(buckets.byRegion.get(region) ?? [])];
        const records: EvidenceRecord[] = [...buckets.records];
        const unknown: string[] = buckets.error ? [buckets.error] : [];
        let answered = buckets.error ? 0 : 1;
        if (ctx.scope.regions.includes(region)) {
          const inventory = regionalInventory(ctx, where);
          records.push(...inventory.records);
          found.push(...inventory.found);
          unknown.push(...inventory.unknown);
          answered += inventory.answered;
        }
        const res = accountResource(where);
        if (found.length && allowed.has(region)) {
          findings.push(ctx.finding('pass', where, res, `${region} is one of the ${allowedText}; it holds ${found.length} data-bearing resource(s).`, records));
        } else if (found.length) {
          findings.push(ctx.finding('fail', where, res, `${region} is outside the ${allowedText} but holds: ${list(found)}.`, records));
        } else if (unknown.length && (!allowed.has(region) || answered === 0)) {
          findings.push(ctx.finding('unknown', where, res, `${region} is ${allowed.has(region) ? 'approved' : `outside the ${allowedText}`} but its inventory is incomplete: ${unknown.join('; ')}`, records));
        } else {
          findings.push(ctx.finding('not_applicable', where, res, `No data-bearing resources found in ${region}${unknown.length ? ` (partial inventory: ${unknown.join('; ')})` : ''}.`, records));
        }
      }
      if (buckets.unplaced.length) {
        const where = { account, region: GLOBAL_REGION };
        findings.push(ctx.finding('unknown', where, accountResource(where), `The region of S3 bucket(s) ${list(buckets.unplaced)} could not be determined.`, buckets.records));
      }
    }
    return findings;
  },
});
