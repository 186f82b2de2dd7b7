// Whether a resource names a customer-managed KMS key. AWS-managed keys (alias/aws/...) and "no key"
// (AWS-owned or service default encryption) cannot be governed by the customer: rotation, key policy
// and revocation stay with AWS, so controls that ask for a customer key fail them.
import { fail, pass, type Verdict } from './rule-helpers.ts';

export function isAwsManagedAlias(key: string): boolean {
  return /(^|:)alias\/aws\//.test(key);
}

export function customerKeyVerdict(key: string | undefined | null, what: string): Verdict {
  if (!key || key.trim() === '') return fail(`${what} names no KMS key: it is encrypted with an AWS-owned or AWS-managed key the customer cannot control.`);
  if (isAwsManagedAlias(key)) return fail(`${what} uses the AWS-managed key ${key}, not a customer-managed key.`);
  return pass(`${what} is encrypted with the customer KMS key ${key}.`);
}
