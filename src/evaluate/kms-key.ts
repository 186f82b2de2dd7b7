// Whether a resource's key reference (key id, key ARN, alias name or alias ARN) names a customer-managed
// KMS key. AWS-managed keys (alias/aws/... or a key KMS reports as KeyManager AWS) and "no key"
// (AWS-owned or service default encryption) cannot be governed by the customer: rotation, key policy and
// revocation stay with AWS, so controls that ask for a customer key fail them. A key ARN or id is
// resolved through the KMS evidence of its region (ListAliases for an alias, then DescribeKey); a key of
// another account is customer-managed by definition (AWS managed keys cannot be used across accounts);
// a reference that cannot be resolved is unknown, never a pass.
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { Target } from '../collect/target.ts';
import { fail, pass, unknown, type Verdict } from './rule-helpers.ts';
import type { RuleContext } from './rule.ts';

/** The evidence a rule declares to resolve key references. */
export type KeyEvidence = 'kms.ListAliases' | 'kms.DescribeKey';
export const KEY_EVIDENCE = ['kms.ListAliases', 'kms.DescribeKey'] as const;

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
  const consulted: EvidenceRecord[] = [];
  const v = keyVerdict(ctx, used, keyArg, what, consulted);
  return consulted.length ? { ...v, records: consulted } : v;
}

/** The verdict; the KMS records it read are pushed to `consulted`, so the finding cites them. */
function keyVerdict(ctx: RuleContext<KeyEvidence>, used: Target, keyArg: string, what: string, consulted: EvidenceRecord[]): Verdict {
  const ref = parseKeyRef(keyArg);
  if (ref.alias?.startsWith('alias/aws/')) return fail(`${what} uses the AWS managed key ${ref.alias.slice('alias/'.length)}, not a customer-managed key.`);
  if (ref.account && ref.account !== used.account) return pass(`${what} uses a KMS key of account ${ref.account} (necessarily customer-managed).`);
  const where: Target = { account: used.account, region: ref.region ?? used.region };
  let keyId = ref.keyId;
  if (ref.alias) {
    const aliases = ctx.evidence.call('kms.ListAliases', where);
    consulted.push(...aliases.records);
    if (aliases.state !== 'ok') return unknown(`Cannot resolve ${ref.alias} used by ${what}: ${aliases.error}`);
    keyId = aliases.responses.flatMap((r) => r.Aliases ?? []).find((a) => a.AliasName === ref.alias)?.TargetKeyId;
    if (!keyId) return unknown(`${ref.alias} used by ${what} is not an alias in ${where.region}.`);
  }
  const described = ctx.evidence.call('kms.DescribeKey', where, { KeyId: keyId });
  consulted.push(...described.records);
  if (described.state !== 'ok') return unknown(`Cannot tell who manages key ${keyId} used by ${what}: ${described.error}`);
  const manager = described.responses[0]?.KeyMetadata?.KeyManager;
  return manager === 'CUSTOMER'
    ? pass(`${what} uses customer-managed key ${keyId}.`)
    : fail(`${what} uses key ${keyId}, which is ${manager === 'AWS' ? 'AWS managed' : `managed by ${manager ?? 'unknown'}`}, not a customer-managed key.`);
}

/** As judgeCustomerManagedKey, for a resource setting that may name no key at all (then an AWS-owned or AWS-managed key applies). */
export function customerKeyVerdict(ctx: RuleContext<KeyEvidence>, used: Target, key: string | undefined | null, what: string): Verdict {
  if (!key || key.trim() === '') return fail(`${what}: no KMS key is named, so an AWS-owned or AWS-managed key the customer cannot control applies.`);
  return judgeCustomerManagedKey(ctx, used, key, what);
}

/** Several key verdicts about one resource: the worst wins (fail over unknown over pass), reasons joined. */
export function allCustomerKeys(verdicts: Verdict[]): Verdict {
  const status = verdicts.some((v) => v.status === 'fail') ? 'fail' : verdicts.some((v) => v.status === 'unknown') ? 'unknown' : 'pass';
  const records = verdicts.flatMap((v) => v.records ?? []);
  return { status, reason: verdicts.map((v) => v.reason).join(' '), ...(records.length ? { records } : {}) };
}
