// Customer-managed KMS keys of every region in scope, described. AWS-managed keys are left out (AWS
// owns their policy, rotation and lifecycle). A failed list or describe becomes an `unknown` finding,
// a region with no customer-managed key one `not_applicable` finding.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding, ResourceRef } from '../finding.ts';
import { accountResource, guarded, listAt, required, targets } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export type KeyMetadata = NonNullable<EvidenceResponse<'kms.DescribeKey'>['KeyMetadata']>;

export function keyResource(k: KeyMetadata): ResourceRef {
  return { type: 'AWS::KMS::Key', id: required(k, 'KeyId', 'The key metadata'), arn: k.Arn };
}

export function forEachCustomerKey(ctx: RuleContext<'kms.ListKeys' | 'kms.DescribeKey'>, judge: (key: KeyMetadata, where: Target, records: EvidenceRecord[]) => Finding | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const where of targets(ctx, 'regional')) {
    const list = listAt(ctx, 'kms.ListKeys', where, (r) => r.Keys);
    if (!list.ok) {
      findings.push(ctx.finding('unknown', where, accountResource(where), `Could not list KMS keys: ${list.error}`, list.records));
      continue;
    }
    let judged = 0;
    for (const { KeyId } of list.items) {
      const described = ctx.evidence.call('kms.DescribeKey', where, { KeyId });
      const records = [...list.records, ...described.records];
      const resource = { type: 'AWS::KMS::Key', id: KeyId ?? '(no KeyId)' };
      if (described.state !== 'ok') {
        findings.push(ctx.finding('unknown', where, resource, `Could not describe key ${KeyId}: ${described.error}`, records));
        judged++;
        continue;
      }
      const judgedKey = guarded(ctx, where, resource, records, () => {
        // Which keys the control is about is itself judged: a key whose manager is not stated is unknown.
        const meta = required(described.responses[0], 'KeyMetadata', `DescribeKey of ${KeyId}`);
        if (required(meta, 'KeyManager', `Key ${KeyId}`) !== 'CUSTOMER') return [];
        return judge(meta, where, records) ?? [];
      });
      findings.push(...judgedKey);
      judged += judgedKey.length;
    }
    if (judged === 0) findings.push(ctx.finding('not_applicable', where, accountResource(where), `No customer-managed KMS key this control applies to in ${where.account}/${where.region}.`, list.records));
  }
  return findings;
}
