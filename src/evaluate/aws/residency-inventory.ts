// Where the account keeps data, from evidence other controls already collect (no extra API calls):
// S3 buckets (ListBuckets carries each bucket's region), SageMaker notebooks, non-default VPCs, log
// groups holding data and backup vaults holding recovery points.
import type { EvidenceKey, EvidenceRecord } from '../../collect/evidence-record.ts';
import { GLOBAL_REGION, type Target } from '../../collect/target.ts';
import type { RuleContext } from '../rule.ts';

export const REGIONAL_SOURCES: { key: EvidenceKey; items: (r: any) => any[] | undefined; holdsData: (item: any) => boolean; label: (item: any) => string }[] = [
  { key: 'sagemaker.ListNotebookInstances', items: (r) => r.NotebookInstances, holdsData: () => true, label: (n) => `SageMaker notebook ${n.NotebookInstanceName}` },
  { key: 'ec2.DescribeVpcs', items: (r) => r.Vpcs, holdsData: (v) => v.IsDefault !== true, label: (v) => `VPC ${v.VpcId}` },
  { key: 'cloudwatch-logs.DescribeLogGroups', items: (r) => r.logGroups, holdsData: (g) => (g.storedBytes ?? 0) > 0, label: (g) => `log group ${g.logGroupName}` },
  { key: 'backup.ListBackupVaults', items: (r) => r.BackupVaultList, holdsData: (v) => (v.NumberOfRecoveryPoints ?? 0) > 0, label: (v) => `backup vault ${v.BackupVaultName}` },
];

/** GetBucketLocation's legacy answers: empty means us-east-1, "EU" means eu-west-1. */
function locationToRegion(constraint: unknown): string {
  if (constraint === undefined || constraint === null || constraint === '') return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : String(constraint);
}

export interface BucketPlacement {
  byRegion: Map<string, string[]>;
  unplaced: string[];
  error?: string;
  records: EvidenceRecord[];
}

/** Every bucket of the account by region. Read by record, not by call input, so the page size the S3 collector uses does not matter. */
export function bucketsByRegion(ctx: RuleContext, account: string): BucketPlacement {
  const where: Target = { account, region: GLOBAL_REGION };
  const records = ctx.evidence.records('s3.ListBuckets', where);
  const out: BucketPlacement = { byRegion: new Map(), unplaced: [], records: [...records] };
  if (records.length === 0) return { ...out, error: `no evidence for s3.ListBuckets in ${account}` };
  const failed = records.find((r) => r.outcome !== 'ok');
  if (failed) return { ...out, error: `s3.ListBuckets failed: ${failed.error?.name}: ${failed.error?.message}` };
  for (const b of records.flatMap((r) => (r.response as any)?.Buckets ?? [])) {
    let region: string | undefined = b.BucketRegion;
    if (!region) {
      const loc = ctx.evidence.call('s3.GetBucketLocation', where, { Bucket: b.Name });
      out.records.push(...loc.records);
      if (loc.state === 'ok') region = locationToRegion(loc.responses[0]?.LocationConstraint);
    }
    if (!region) out.unplaced.push(b.Name);
    else out.byRegion.set(region, [...(out.byRegion.get(region) ?? []), `S3 bucket ${b.Name}`]);
  }
  return out;
}
