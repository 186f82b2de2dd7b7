import { GLOBAL_REGION } from '../../collect/target.ts';
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import { recordersAt, recordsAllSupported, recordsGlobalTypes } from '../aws/config-recorders.ts';
import { accountResource, guarded, targets } from '../rule-helpers.ts';
import type { Finding } from '../finding.ts';
import { defineRule } from '../rule.ts';

// Per region: the recorder records every supported resource type. Per account: global resource types
// (IAM) are recorded in at least one region, which AWS advises doing in exactly one.
export const rule = defineRule({
  controlId: 'config-recorder-all-resource-types',
  evidence: ['config-service.DescribeConfigurationRecorders'],
  evaluate: (ctx) => {
    const findings: Finding[] = [];
    for (const account of ctx.scope.accounts) {
      const globalRecords: EvidenceRecord[] = [];
      let globalSeen: string | undefined;
      let globalUnknown = false;
      for (const where of targets(ctx, 'regional').filter((t) => t.account === account)) {
        const res = accountResource(where);
        const recorders = recordersAt(ctx, where);
        globalRecords.push(...recorders.records);
        if (!recorders.ok) {
          globalUnknown = true;
          findings.push(ctx.finding('unknown', where, res, `Could not list Config recorders: ${recorders.error}`, recorders.records));
          continue;
        }
        const global = recorders.items.find(recordsGlobalTypes);
        if (global) globalSeen ??= `${where.region} (${global.name})`;
        if (recorders.items.length === 0) {
          findings.push(ctx.finding('fail', where, res, 'No AWS Config recorder exists in this region, so no resource types are recorded.', recorders.records));
          continue;
        }
        findings.push(
          ...guarded(ctx, where, res, recorders.records, () => {
            const all = recorders.items.find(recordsAllSupported);
            const first = recorders.items[0]!;
            const scopeText = first.recordingGroup?.exclusionByResourceTypes?.resourceTypes?.length
              ? `excludes ${first.recordingGroup.exclusionByResourceTypes.resourceTypes.join(', ')}`
              : `records only ${(first.recordingGroup?.resourceTypes ?? []).join(', ') || 'no resource types'}`;
            return all
              ? ctx.finding('pass', where, res, `Recorder ${all.name} records all supported resource types.`, recorders.records)
              : ctx.finding('fail', where, res, `Recorder ${first.name} ${scopeText}: changes to other resources go unrecorded.`, recorders.records);
          }),
        );
      }
      const where = { account, region: GLOBAL_REGION };
      if (globalSeen) findings.push(ctx.finding('pass', where, accountResource(where), `Global resource types (IAM) are recorded in ${globalSeen}.`, globalRecords));
      else if (globalUnknown) findings.push(ctx.finding('unknown', where, accountResource(where), 'No region in scope records global resource types, but some regions could not be read.', globalRecords));
      else findings.push(ctx.finding('fail', where, accountResource(where), 'No region in scope records global resource types (IAM users, roles, policies).', globalRecords));
    }
    return findings;
  },
});
