// Data buckets encrypt new objects by default with a customer-managed KMS key (SSE-KMS or DSSE-KMS), so
// the organization controls who can decrypt and can revoke access. SSE-S3 (AES256), the AWS managed
// aws/s3 key and no encryption configuration fail. The bucket's key is resolved through the KMS
// evidence (ListAliases, DescribeKey) of its region; a key in another account is customer-managed by
// definition (AWS managed keys cannot be used across accounts).
import type { Target } from '../../collect/target.ts';
import { judgeBucketSetting, type Bucket } from '../aws/s3-buckets.ts';
import { fail, pass, unknown, type Verdict } from '../rule-helpers.ts';
import { defineRule, type RuleContext } from '../rule.ts';

interface KeyRef {
  account?: string;
  region?: string;
  keyId?: string;
  alias?: string;
}

function parseKeyRef(id: string): KeyRef {
  const arn = /^arn:aws[\w-]*:kms:([\w-]+):(\d{12}):(key|alias)\/(.+)$/.exec(id);
  if (arn) return { region: arn[1], account: arn[2], ...(arn[3] === 'key' ? { keyId: arn[4] } : { alias: `alias/${arn[4]}` }) };
  return id.startsWith('alias/') ? { alias: id } : { keyId: id };
}

function judgeKey(ctx: RuleContext<'kms.ListAliases' | 'kms.DescribeKey'>, b: Bucket, keyArg: string): Verdict {
  const ref = parseKeyRef(keyArg);
  if (ref.alias === 'alias/aws/s3') return fail(`${b.name} uses the AWS managed key aws/s3, not a customer-managed key.`);
  if (ref.account && ref.account !== b.where.account) return pass(`${b.name} uses a KMS key of account ${ref.account} (necessarily customer-managed).`);
  const where: Target = { account: b.where.account, region: ref.region ?? b.where.region };
  let keyId = ref.keyId;
  if (ref.alias) {
    const aliases = ctx.evidence.call('kms.ListAliases', where);
    if (aliases.state !== 'ok') return unknown(`Cannot resolve ${ref.alias} used by ${b.name}: ${aliases.error}`);
    keyId = aliases.responses.flatMap((r) => r.Aliases ?? []).find((a) => a.AliasName === ref.alias)?.TargetKeyId;
    if (!keyId) return unknown(`${ref.alias} used by ${b.name} is not an alias in ${where.region}.`);
  }
  const described = ctx.evidence.call('kms.DescribeKey', where, { KeyId: keyId });
  if (described.state !== 'ok') return unknown(`Cannot tell who manages key ${keyId} used by ${b.name}: ${described.error}`);
  const manager = described.responses[0]?.KeyMetadata?.KeyManager;
  return manager === 'CUSTOMER'
    ? pass(`${b.name} encrypts by default with customer-managed key ${keyId}.`)
    : fail(`${b.name} encrypts with key ${keyId}, which is ${manager === 'AWS' ? 'AWS managed' : `managed by ${manager ?? 'unknown'}`}, not a customer-managed key.`);
}

export const rule = defineRule({
  controlId: 's3-data-buckets-encrypted-with-customer-key',
  evidence: ['s3.ListBuckets', 's3.GetBucketEncryption', 'kms.ListAliases', 'kms.DescribeKey', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging', 's3.GetBucketLocation'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketEncryption', { only: 'data' }, (b) => ({
      ok: (r) => {
        const d = r.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
        if (!d?.SSEAlgorithm) return fail(`${b.name} has no default encryption rule.`);
        if (d.SSEAlgorithm === 'AES256') return fail(`Data bucket ${b.name} uses SSE-S3 (AES256) with an S3-owned key, not a customer-managed KMS key.`);
        if (!d.KMSMasterKeyID) return fail(`${b.name} uses ${d.SSEAlgorithm} with the AWS managed aws/s3 key (no key id set).`);
        return judgeKey(ctx, b, d.KMSMasterKeyID);
      },
      notConfigured: () => fail(`Data bucket ${b.name} has no default encryption configuration.`),
    })),
});
