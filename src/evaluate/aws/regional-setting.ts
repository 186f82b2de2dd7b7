// Account settings that AWS keeps per region (EBS default encryption, Security Hub subscription...):
// one finding per region in scope, judged from one call there.
import type { EvidenceResponse, KnownEvidenceKey } from '../../collect/evidence-shapes.ts';
import type { Finding } from '../finding.ts';
import { accountResource, judgeCall, targets, type CallVerdicts } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export function perRegionSetting<K extends KnownEvidenceKey>(
  ctx: RuleContext<NoInfer<K>>,
  key: K,
  verdicts: CallVerdicts<EvidenceResponse<K>>,
  input: Record<string, unknown> = {},
): Finding[] {
  return targets(ctx, 'regional').map((where) => judgeCall(ctx, where, accountResource(where), ctx.evidence.call(key, where, input), verdicts));
}
