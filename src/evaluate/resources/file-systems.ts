// How EFS and FSx file systems appear in evidence: DescribeFileSystems carries every setting the rules judge.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import type { RuleContext } from '../rule.ts';
import { required, type Verdict } from '../rule-helpers.ts';
import { eachListedItem } from './listed-verdicts.ts';

export type EfsFileSystem = NonNullable<EvidenceResponse<'efs.DescribeFileSystems'>['FileSystems']>[number];
export type FsxFileSystem = NonNullable<EvidenceResponse<'fsx.DescribeFileSystems'>['FileSystems']>[number];

export function eachEfsFileSystem(ctx: RuleContext<'efs.DescribeFileSystems'>, judge: (fs: EfsFileSystem, at: Target) => Verdict): Finding[] {
  return eachListedItem(
    ctx,
    { key: 'efs.DescribeFileSystems', scope: 'regional', items: (r) => r.FileSystems, noun: 'EFS file systems', resource: (fs) => ({ type: 'AWS::EFS::FileSystem', id: required(fs, 'FileSystemId', 'A file system'), arn: fs.FileSystemArn }) },
    judge,
  );
}

export function eachFsxFileSystem(ctx: RuleContext<'fsx.DescribeFileSystems'>, judge: (fs: FsxFileSystem, at: Target) => Verdict): Finding[] {
  return eachListedItem(
    ctx,
    { key: 'fsx.DescribeFileSystems', scope: 'regional', items: (r) => r.FileSystems, noun: 'FSx file systems', resource: (fs) => ({ type: 'AWS::FSx::FileSystem', id: required(fs, 'FileSystemId', 'A file system'), arn: fs.ResourceARN }) },
    judge,
  );
}
