// CloudTrail questions several rules share: which trails record a region, whether a trail is logging,
// and which data events its selectors capture. Status and selectors are collected once per trail in
// its home region, so they are read there; a home region outside the run's scope leaves them unknown.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { CallState } from '../evidence-view.ts';
import type { Finding } from '../finding.ts';
import { accountResource, forEachListed, listAt, required } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export type TrailInfo = NonNullable<EvidenceResponse<'cloudtrail.DescribeTrails'>['trailList']>[number];
type Selectors = EvidenceResponse<'cloudtrail.GetEventSelectors'>;
type TrailKeys = 'cloudtrail.DescribeTrails' | 'cloudtrail.GetTrailStatus' | 'cloudtrail.GetEventSelectors';

export function trailResource(t: TrailInfo) {
  return { type: 'AWS::CloudTrail::Trail', id: required(t, 'Name', 'A trail'), arn: t.TrailARN };
}

export function describeTrails(ctx: RuleContext<'cloudtrail.DescribeTrails'>, where: Target) {
  return listAt(ctx, 'cloudtrail.DescribeTrails', where, (r) => r.trailList, { includeShadowTrails: true });
}

/**
 * Judges each trail once, in its home region: with shadow trails, DescribeTrails lists a multi-region
 * trail in every region, and those copies are the same trail. `only` narrows the trails further and
 * names them for the `not_applicable` reason.
 */
export function forEachHomeTrail(
  ctx: RuleContext<'cloudtrail.DescribeTrails'>,
  judge: (t: TrailInfo, where: Target, records: EvidenceRecord[]) => Finding,
  only?: { noun: string; keep: (t: TrailInfo) => boolean },
): Finding[] {
  return forEachListed(
    ctx,
    {
      key: 'cloudtrail.DescribeTrails',
      scope: 'regional',
      input: { includeShadowTrails: true },
      items: (r) => r.trailList,
      noun: only?.noun ?? 'CloudTrail trails homed in this region',
      filter: (t, where) => t.HomeRegion === where.region && (!only || only.keep(t)),
    },
    judge,
  );
}

/** Trails that record events of `where.region`: multi-region trails and single-region trails homed there. */
export function coversRegion(t: TrailInfo, region: string): boolean {
  return Boolean(t.IsMultiRegionTrail) || t.HomeRegion === region;
}

export function trailStatus(ctx: RuleContext<'cloudtrail.GetTrailStatus'>, account: string, t: TrailInfo): CallState<EvidenceResponse<'cloudtrail.GetTrailStatus'>> {
  return ctx.evidence.call('cloudtrail.GetTrailStatus', { account, region: required(t, 'HomeRegion', `Trail ${t.Name}`) }, { Name: t.TrailARN });
}

export function trailSelectors(ctx: RuleContext<'cloudtrail.GetEventSelectors'>, account: string, t: TrailInfo): CallState<Selectors> {
  return ctx.evidence.call('cloudtrail.GetEventSelectors', { account, region: required(t, 'HomeRegion', `Trail ${t.Name}`) }, { TrailName: t.TrailARN });
}

/** Which resource types a trail records data events for, with a note when only some resources or only reads are covered. */
export function dataEventTypes(selectors: Selectors): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of selectors.AdvancedEventSelectors ?? []) {
    const fields = s.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === 'eventCategory');
    if (!category?.Equals?.includes('Data')) continue;
    const limits: string[] = [];
    if (fields.some((f) => f.Field === 'resources.ARN')) limits.push('selected resources only');
    const readOnly = fields.find((f) => f.Field === 'readOnly');
    if (readOnly?.Equals?.length === 1) limits.push(readOnly.Equals[0] === 'true' ? 'reads only' : 'writes only');
    if (fields.some((f) => f.Field === 'eventName')) limits.push('selected API calls only');
    for (const type of fields.find((f) => f.Field === 'resources.type')?.Equals ?? []) out.set(type, limits.join(', '));
  }
  for (const s of selectors.EventSelectors ?? []) {
    for (const d of s.DataResources ?? []) {
      const all = (d.Values ?? []).some((v) => v === 'arn:aws:s3' || v === 'arn:aws:s3:::' || v === 'arn:aws:lambda' || v === 'arn:aws:dynamodb');
      const limits = [all ? '' : 'selected resources only', s.ReadWriteType === 'ReadOnly' ? 'reads only' : s.ReadWriteType === 'WriteOnly' ? 'writes only' : ''].filter(Boolean);
      if (d.Type) out.set(d.Type, limits.join(', '));
    }
  }
  return out;
}

/** Whether a trail records management events, and whether reads and writes both. */
export function managementEvents(selectors: Selectors): 'all' | 'reads only' | 'writes only' | 'none' {
  const advanced = selectors.AdvancedEventSelectors ?? [];
  const classic = selectors.EventSelectors ?? [];
  const scopes = [
    ...advanced
      .filter((s) => (s.FieldSelectors ?? []).some((f) => f.Field === 'eventCategory' && f.Equals?.includes('Management')))
      .map((s) => {
        const ro = (s.FieldSelectors ?? []).find((f) => f.Field === 'readOnly');
        return ro?.Equals?.length === 1 ? (ro.Equals[0] === 'true' ? 'reads only' : 'writes only') : 'all';
      }),
    ...classic.filter((s) => s.IncludeManagementEvents !== false).map((s) => (s.ReadWriteType === 'ReadOnly' ? 'reads only' : s.ReadWriteType === 'WriteOnly' ? 'writes only' : 'all')),
  ];
  if (scopes.includes('all') || (scopes.includes('reads only') && scopes.includes('writes only'))) return 'all';
  return (scopes[0] as 'reads only' | 'writes only' | undefined) ?? 'none';
}

/** What `regionCoverage`'s judge says of one trail: how it satisfies, why it cannot be told, or (undefined or `gap`) why not. */
export type TrailCoverage = string | { unknown: string } | { gap: string } | undefined;

/**
 * One finding per region in scope: pass when some logging trail that records the region satisfies
 * `satisfied` (returning a description of how), fail when none does, unknown when the answer hinges
 * on evidence that could not be collected. `cite` adds further records the judge read to the finding.
 */
export function regionCoverage(
  ctx: RuleContext<TrailKeys>,
  where: Target,
  what: string,
  satisfied: (t: TrailInfo, selectors: CallState<Selectors>, cite: (records: readonly EvidenceRecord[]) => void) => TrailCoverage,
): Finding {
  const listed = describeTrails(ctx, where);
  if (!listed.ok) return ctx.finding('unknown', where, accountResource(where), `Could not list CloudTrail trails: ${listed.error}`, listed.records);
  const trails = listed.items.filter((t) => coversRegion(t, where.region));
  const records: EvidenceRecord[] = [...listed.records];
  const unknowns: string[] = [];
  const gaps: string[] = [];
  for (const t of trails) {
    const status = trailStatus(ctx, where.account, t);
    const selectors = trailSelectors(ctx, where.account, t);
    records.push(...status.records, ...selectors.records);
    if (status.state !== 'ok') {
      unknowns.push(`status of trail ${t.Name} unknown (${status.error})`);
      continue;
    }
    if (!required(status.responses[0], 'IsLogging', `The status of trail ${t.Name}`)) {
      gaps.push(`trail ${t.Name} is not logging`);
      continue;
    }
    const how = satisfied(t, selectors, (more) => records.push(...more));
    if (typeof how === 'string') return ctx.finding('pass', where, accountResource(where), `Trail ${t.Name} (logging) ${how}.`, records);
    if (how && 'unknown' in how) unknowns.push(how.unknown);
    else gaps.push(how ? `trail ${t.Name}: ${how.gap}` : `trail ${t.Name} does not record ${what}`);
  }
  if (unknowns.length) return ctx.finding('unknown', where, accountResource(where), `Cannot tell whether ${what} in ${where.region} is recorded: ${unknowns.join('; ')}.`, records);
  const detail = trails.length === 0 ? 'no trail records this region' : gaps.join('; ');
  return ctx.finding('fail', where, accountResource(where), `No logging trail records ${what} in ${where.region}: ${detail}.`, records);
}
