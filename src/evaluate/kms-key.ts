// Whether a resource names a customer-managed KMS key. AWS-managed keys (alias/aws/...) and "no key"
// (AWS-owned or service default encryption) cannot be governed by the customer: rotation, key policy
// and revocation stay with AWS, so controls that ask for a customer key fail them.
import { fail, pass, type Verdict } from './rule-helpers.ts';

export function isAwsManagedAlias(key: string): boolean {
  return /(^|:)alias\/aws\//.test(key);
}

export function customerKeyVerdict(key: string | undefined | null, what: string): Verdict {
  if (!key || key.trim() === '') return fail(`${what}: no KMS key is named, so an AWS-owned or AWS-managed key the customer cannot control applies.`);
  if (isAwsManagedAlias(key)) return fail(`${what}: the AWS-managed key ${key} is used, not a customer-managed key.`);
  return pass(`${what}: encrypted with the customer KMS key ${key}.`);
}
