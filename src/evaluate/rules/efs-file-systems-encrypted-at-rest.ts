import { eachEfsFileSystem } from '../resources/file-systems.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'efs-file-systems-encrypted-at-rest',
  evidence: ['efs.DescribeFileSystems'],
  evaluate: (ctx) =>
    eachEfsFileSystem(ctx, (fs) =>
      required(fs, 'Encrypted', 'The file system')
        ? pass(`Files and metadata are encrypted at rest${fs.KmsKeyId ? ` with key ${fs.KmsKeyId}` : ''}.`)
        : fail('The file system is not encrypted at rest; encryption can only be chosen when a file system is created.'),
    ),
});
