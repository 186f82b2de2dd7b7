// FSx encrypts every file system at rest. Those that use KMS name the key (the AWS managed aws/fsx key by
// default, resolved through KMS evidence); scratch Lustre file systems name none: FSx's own keys apply.
import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachFsxFileSystem } from '../resources/file-systems.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'fsx-file-systems-encrypted-with-customer-key',
  evidence: ['fsx.DescribeFileSystems', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachFsxFileSystem(ctx, (fs, at) => customerKeyVerdict(ctx, at, fs.KmsKeyId, fs.FileSystemType ? `The ${fs.FileSystemType} file system` : 'The file system')),
});
