// OpenSearch Serverless network policies: which rule sets cover a collection, and whether they open its
// endpoints (collection API, dashboards) to the public internet. A policy document is a list of rule
// sets: { Rules: [{ ResourceType: collection | dashboard, Resource: ["collection/<name or prefix*>"] }],
// AllowFromPublic, SourceVPCEs, SourceServices }. A collection no rule set covers cannot be reached at all.
import { NETWORK_POLICIES_INPUT } from '../../collect/call-inputs.ts';
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { Target } from '../../collect/target.ts';
import { wildcardMatch } from '../aws/policy-document.ts';
import type { RuleContext } from '../rule.ts';
import { AbsentField, present } from '../rule-helpers.ts';

type PolicyKeys = 'opensearchserverless.ListSecurityPolicies' | 'opensearchserverless.GetSecurityPolicy';

export interface NetworkRuleSet {
  policy: string;
  resourceTypes: string[];
  allowFromPublic: boolean;
  sources: string[];
}

export type NetworkPolicies = { ok: true; covering: (collection: string) => NetworkRuleSet[]; records: EvidenceRecord[] } | { ok: false; error: string; records: EvidenceRecord[] };

interface RawRuleSet {
  Rules?: { ResourceType?: string; Resource?: string[] }[];
  AllowFromPublic?: boolean;
  SourceVPCEs?: string[];
  SourceServices?: string[];
}

function ruleSets(name: string, doc: unknown): RawRuleSet[] {
  const parsed: unknown = typeof doc === 'string' ? JSON.parse(doc) : doc;
  if (!Array.isArray(parsed)) throw new Error(`network policy ${name} is not a list of rule sets`);
  return parsed as RawRuleSet[];
}

/** Which rule sets of which policies cover `collection`; a judged field a covering rule set lacks throws AbsentField. */
function coveringSets(policies: { name: string; sets: RawRuleSet[] }[], collection: string): NetworkRuleSet[] {
  const out: NetworkRuleSet[] = [];
  for (const { name, sets } of policies) {
    for (const set of sets) {
      const what = `A rule set of network policy ${name}`;
      const types = present(set.Rules, 'Rules', what)
        .filter((r) => present(r.Resource, 'Resource', what).some((p) => wildcardMatch(p, `collection/${collection}`)))
        .map((r) => present(r.ResourceType, 'ResourceType', what));
      if (types.length === 0) continue;
      out.push({ policy: name, resourceTypes: types, allowFromPublic: present(set.AllowFromPublic, 'AllowFromPublic', what), sources: [...(set.SourceVPCEs ?? []), ...(set.SourceServices ?? [])] });
    }
  }
  return out;
}

/** Every network policy of a region, read in full; any failed call makes the whole set unknown. */
export function networkPolicies(ctx: RuleContext<PolicyKeys>, at: Target): NetworkPolicies {
  const listed = ctx.evidence.call('opensearchserverless.ListSecurityPolicies', at, { ...NETWORK_POLICIES_INPUT });
  if (listed.state !== 'ok') return { ok: false, error: `Could not list network policies: ${listed.error}`, records: listed.records };
  const records = [...listed.records];
  const policies: { name: string; sets: RawRuleSet[] }[] = [];
  for (const summary of listed.responses.flatMap((r) => r.securityPolicySummaries ?? [])) {
    const name = present(summary.name, 'name', 'A listed network policy');
    const got = ctx.evidence.call('opensearchserverless.GetSecurityPolicy', at, { ...NETWORK_POLICIES_INPUT, name });
    records.push(...got.records);
    if (got.state !== 'ok') return { ok: false, error: `Could not read network policy ${name}: ${got.error}`, records };
    const detail = present(got.responses[0]?.securityPolicyDetail, 'securityPolicyDetail', `GetSecurityPolicy of ${name}`);
    try {
      policies.push({ name, sets: ruleSets(name, present(detail.policy, 'policy', `Network policy ${name}`)) });
    } catch (err) {
      if (err instanceof AbsentField) throw err;
      return { ok: false, error: `Network policy ${name} could not be read: ${(err as Error).message}`, records };
    }
  }
  return { ok: true, covering: (collection) => coveringSets(policies, collection), records };
}
