// LLM-jacking signals: Amazon Bedrock model invocations (InvokeModel, InvokeModelWithResponseStream,
// Converse, ConverseStream) by a principal, or in a region, the organization does not expect. They are
// management events, so each region's CloudTrail event history (LookupEvents, 90 days) holds them with
// the caller. The expected principals and regions come from the config; without them nothing can be
// judged expected, so every region is unknown. Event history is read up to a page cap: when more events
// remain, an unexpected caller already seen still fails, but their absence cannot be shown (unknown).
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import { BEDROCK_EVENT_LOOKUP_INPUT } from '../../collect/call-inputs.ts';
import type { Finding } from '../finding.ts';
import { AbsentField, accountResource, guarded, present, required, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const INVOCATIONS = new Set(['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream']);
type LookupEvent = NonNullable<EvidenceResponse<'cloudtrail.LookupEvents'>['Events']>[number];

interface Invocation {
  name: string;
  /** The identity ARN, and for role sessions the role's ARN. */
  principals: string[];
  region: string;
  time: string;
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`);
}

function invocation(e: LookupEvent, fallbackRegion: string): Invocation {
  const what = `CloudTrail event ${e.EventId ?? ''}`.trim();
  let detail: { userIdentity?: { arn?: string; sessionContext?: { sessionIssuer?: { arn?: string } } }; awsRegion?: string; eventTime?: string };
  try {
    detail = JSON.parse(required(e, 'CloudTrailEvent', what)) as typeof detail;
  } catch {
    throw new AbsentField('CloudTrailEvent', `${what} (not JSON)`);
  }
  const identity = present(detail.userIdentity, 'userIdentity', what);
  const principals = [identity.arn, identity.sessionContext?.sessionIssuer?.arn].filter((a): a is string => Boolean(a));
  return { name: required(e, 'EventName', what), principals: present(principals.length ? principals : undefined, 'userIdentity.arn', what), region: detail.awsRegion ?? fallbackRegion, time: detail.eventTime ?? String(e.EventTime ?? '') };
}

export const rule = defineRule({
  controlId: 'bedrock-invocations-from-expected-principals-and-regions',
  evidence: ['cloudtrail.LookupEvents'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((where): Finding[] => {
      const region = accountResource(where);
      const call = ctx.evidence.call('cloudtrail.LookupEvents', where, BEDROCK_EVENT_LOOKUP_INPUT);
      const expected = ctx.params.bedrockExpectedInvocations;
      if (!expected) return [ctx.finding('unknown', where, region, 'Not configured: bedrockExpectedInvocations (principals and regions expected to invoke Bedrock models) is not set in the config, so no invocation can be judged expected.', call.records)];
      if (call.state !== 'ok') return [ctx.finding('unknown', where, region, `Could not read the CloudTrail event history of Amazon Bedrock: ${call.error}`, call.records)];
      return guarded(ctx, where, region, call.records, () => {
        const patterns = expected.principals.map(glob);
        const events = call.responses.flatMap((r) => required(r, 'Events', 'The CloudTrail event history page'));
        const invocations = events.filter((e) => INVOCATIONS.has(e.EventName ?? '')).map((e) => invocation(e, where.region));
        const truncated = Boolean(call.responses.at(-1)?.NextToken);
        const unexpected = new Map<string, { count: number; last: string }>();
        for (const i of invocations) {
          const who = i.principals.some((p) => patterns.some((re) => re.test(p))) ? undefined : i.principals.at(-1)!;
          const offRegion = expected.regions.includes(i.region) ? undefined : i.region;
          if (!who && !offRegion) continue;
          const key = `${who ?? i.principals.at(-1)} in ${i.region}${offRegion ? ' (unexpected region)' : ''}`;
          const seen = unexpected.get(key) ?? { count: 0, last: i.time };
          unexpected.set(key, { count: seen.count + 1, last: seen.last > i.time ? seen.last : i.time });
        }
        if (unexpected.size) {
          return ctx.finding('fail', where, region, `Bedrock model invocations by unexpected principals or in unexpected regions: ${[...unexpected].map(([k, v]) => `${k}: ${v.count} call(s), last ${v.last}`).join('; ')}.`, call.records);
        }
        if (truncated) return ctx.finding('unknown', where, region, `The ${events.length} most recent Bedrock events show no unexpected invocation, but event history holds more than was read; use CloudTrail Lake or the trail's logs for the full 90 days.`, call.records);
        if (invocations.length === 0) return ctx.finding('not_applicable', where, region, `No Bedrock model invocation in the CloudTrail event history of ${where.region} (90 days).`, call.records);
        return ctx.finding('pass', where, region, `All ${invocations.length} Bedrock model invocation(s) in the event history (90 days) were made by expected principals in expected regions.`, call.records);
      });
    }),
});
