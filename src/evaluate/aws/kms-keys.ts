// Customer-managed KMS keys of every region in scope, described. AWS-managed keys are left out (AWS
// owns their policy, rotation and lifecycle). A failed list or describe becomes an `unknown` finding,
// a region with no customer-managed key one `not_applicable` finding.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding, ResourceRef } from '../finding.ts';
import { accountResource, targets } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export interface KeyMetadata {
  KeyId: string;
  Arn: string;
  KeyManager?: string;
  KeyState?: string;
  KeySpec?: string;
  Origin?: string;
  DeletionDate?: string;
  Description?: string;
}

export function keyResource(k: KeyMetadata): ResourceRef {
  return { type: 'AWS::KMS::Key', id: k.KeyId, arn: k.Arn };
}

export function forEachCustomerKey(ctx: RuleContext, judge: (key: KeyMetadata, where: Target, records: EvidenceRecord[]) => Finding | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const where of targets(ctx, 'regional')) {
    const list = ctx.evidence.call('kms.ListKeys', where);
    if (list.state !== 'ok') {
      findings.push(ctx.finding('unknown', where, accountResource(where), `Could not list KMS keys: ${list.error}`, list.records));
      continue;
    }
    const ids: string[] = list.responses.flatMap((r) => r?.Keys ?? []).map((k: any) => k.KeyId);
    let judged = 0;
    for (const KeyId of ids) {
      const described = ctx.evidence.call('kms.DescribeKey', where, { KeyId });
      const records = [...list.records, ...described.records];
      if (described.state !== 'ok') {
        findings.push(ctx.finding('unknown', where, { type: 'AWS::KMS::Key', id: KeyId }, `Could not describe key ${KeyId}: ${described.error}`, records));
        judged++;
        continue;
      }
      const meta = described.responses[0]?.KeyMetadata as KeyMetadata | undefined;
      if (!meta || meta.KeyManager !== 'CUSTOMER') continue;
      const f = judge(meta, where, records);
      if (f) {
        findings.push(f);
        judged++;
      }
    }
    if (judged === 0) findings.push(ctx.finding('not_applicable', where, accountResource(where), `No customer-managed KMS key this control applies to in ${where.account}/${where.region}.`, list.records));
  }
  return findings;
}
