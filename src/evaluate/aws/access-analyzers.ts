// The external-access analyzers (account or organization zone of trust) of one region.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import { listAt } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export type Analyzer = NonNullable<EvidenceResponse<'accessanalyzer.ListAnalyzers'>['analyzers']>[number];

export function externalAccessAnalyzers(ctx: RuleContext<'accessanalyzer.ListAnalyzers'>, where: Target): { ok: true; all: Analyzer[]; active: Analyzer[]; records: EvidenceRecord[] } | { ok: false; error: string; records: EvidenceRecord[] } {
  const listed = listAt(ctx, 'accessanalyzer.ListAnalyzers', where, (r) => r.analyzers);
  if (!listed.ok) return listed;
  const all = listed.items.filter((a) => a.type === 'ACCOUNT' || a.type === 'ORGANIZATION');
  return { ok: true, all, active: all.filter((a) => a.status === 'ACTIVE'), records: listed.records };
}
