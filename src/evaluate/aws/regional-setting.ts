// Account settings that AWS keeps per region (EBS default encryption, Security Hub subscription...):
// one finding per region in scope, judged from one call there.
import type { EvidenceKey } from '../../collect/evidence-record.ts';
import type { Finding } from '../finding.ts';
import { accountResource, judgeCall, targets, type Verdict } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export function perRegionSetting(
  ctx: RuleContext,
  key: EvidenceKey,
  verdicts: { ok: (response: any) => Verdict; notConfigured?: (error: string) => Verdict },
  input: Record<string, unknown> = {},
): Finding[] {
  return targets(ctx, 'regional').map((where) => judgeCall(ctx, where, accountResource(where), ctx.evidence.call(key, where, input), verdicts));
}
