// Whether a key reference (key id, key ARN, alias name or alias ARN) names a customer-managed KMS key,
// resolved through the KMS evidence of the key's region: ListAliases for an alias, then DescribeKey's
// KeyManager. An AWS managed alias (alias/aws/...) fails without a lookup; a key of another account is
// customer-managed by definition (AWS managed keys cannot be used across accounts); a reference that
// cannot be resolved is unknown, never a pass.
import type { Target } from '../../collect/target.ts';
import { fail, pass, unknown, type Verdict } from '../rule-helpers.ts';
import type { RuleContext } from '../rule.ts';

export type KeyEvidence = 'kms.ListAliases' | 'kms.DescribeKey';

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

/** `used` is where the key is used from (its account, and the region a bare id or alias belongs to); `what` names the user in reasons. */
export function judgeCustomerManagedKey(ctx: RuleContext<KeyEvidence>, used: Target, keyArg: string, what: string): Verdict {
  const ref = parseKeyRef(keyArg);
  if (ref.alias?.startsWith('alias/aws/')) return fail(`${what} uses the AWS managed key ${ref.alias.slice('alias/'.length)}, not a customer-managed key.`);
  if (ref.account && ref.account !== used.account) return pass(`${what} uses a KMS key of account ${ref.account} (necessarily customer-managed).`);
  const where: Target = { account: used.account, region: ref.region ?? used.region };
  let keyId = ref.keyId;
  if (ref.alias) {
    const aliases = ctx.evidence.call('kms.ListAliases', where);
    if (aliases.state !== 'ok') return unknown(`Cannot resolve ${ref.alias} used by ${what}: ${aliases.error}`);
    keyId = aliases.responses.flatMap((r) => r.Aliases ?? []).find((a) => a.AliasName === ref.alias)?.TargetKeyId;
    if (!keyId) return unknown(`${ref.alias} used by ${what} is not an alias in ${where.region}.`);
  }
  const described = ctx.evidence.call('kms.DescribeKey', where, { KeyId: keyId });
  if (described.state !== 'ok') return unknown(`Cannot tell who manages key ${keyId} used by ${what}: ${described.error}`);
  const manager = described.responses[0]?.KeyMetadata?.KeyManager;
  return manager === 'CUSTOMER'
    ? pass(`${what} uses customer-managed key ${keyId}.`)
    : fail(`${what} uses key ${keyId}, which is ${manager === 'AWS' ? 'AWS managed' : `managed by ${manager ?? 'unknown'}`}, not a customer-managed key.`);
}
