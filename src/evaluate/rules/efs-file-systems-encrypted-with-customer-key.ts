// EFS names the key of an encrypted file system, by default the AWS managed aws/elasticfilesystem key;
// the key ARN is resolved through KMS evidence. An unencrypted file system has no key at all.
import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachEfsFileSystem } from '../resources/file-systems.ts';
import { fail, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'efs-file-systems-encrypted-with-customer-key',
  evidence: ['efs.DescribeFileSystems', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    eachEfsFileSystem(ctx, (fs, at) =>
      required(fs, 'Encrypted', 'The file system') ? customerKeyVerdict(ctx, at, fs.KmsKeyId, 'The file system') : fail('The file system is not encrypted at rest, so no key protects it.'),
    ),
});
