// The external-access analyzers (account or organization zone of trust) of one region.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { Target } from '../../collect/target.ts';
import { listAt } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export interface Analyzer {
  arn: string;
  name: string;
  type: string;
  status: string;
  statusReason?: { code?: string };
}

export function externalAccessAnalyzers(ctx: RuleContext, where: Target): { ok: true; all: Analyzer[]; active: Analyzer[]; records: EvidenceRecord[] } | { ok: false; error: string; records: EvidenceRecord[] } {
  const listed = listAt<Analyzer>(ctx, 'accessanalyzer.ListAnalyzers', where, (r) => r.analyzers);
  if (!listed.ok) return listed;
  const all = listed.items.filter((a) => a.type === 'ACCOUNT' || a.type === 'ORGANIZATION');
  return { ok: true, all, active: all.filter((a) => a.status === 'ACTIVE'), records: listed.records };
}
