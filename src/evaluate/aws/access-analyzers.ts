// The external-access analyzers (account or organization zone of trust) of one region.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import { listAt, required, type Listed } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export type Analyzer = NonNullable<EvidenceResponse<'accessanalyzer.ListAnalyzers'>['analyzers']>[number];

/** The analyzers whose zone of trust is the account or the organization (not unused-access ones). */
export function externalAccessAnalyzers(ctx: RuleContext<'accessanalyzer.ListAnalyzers'>, where: Target): Listed<Analyzer> {
  const listed = listAt(ctx, 'accessanalyzer.ListAnalyzers', where, (r) => r.analyzers);
  return listed.ok ? { ...listed, items: listed.items.filter((a) => a.type === 'ACCOUNT' || a.type === 'ORGANIZATION') } : listed;
}

export function isActive(a: Analyzer): boolean {
  return required(a, 'status', `Analyzer ${a.name}`) === 'ACTIVE';
}
