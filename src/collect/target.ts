// One place collection happens: an account and a region. Global services (IAM, Organizations, S3's
// bucket list) are collected once per account under the pseudo-region "global".
export { GLOBAL_REGION } from '../util/aws-ids.ts';

export interface Target {
  account: string;
  region: string;
}

export interface Scope {
  accounts: string[];
  regions: string[];
}

export function targetLabel(t: Target): string {
  return `${t.account}/${t.region}`;
}
