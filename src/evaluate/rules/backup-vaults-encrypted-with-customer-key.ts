import { fail, forEachListed, pass, required, unknown, type Verdict, judged } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// ListBackupVaults reports the key type; without it a key ARN alone cannot tell a customer key from
// the AWS-managed aws/backup key, so the finding stays unknown rather than guessing.
export const rule = defineRule({
  controlId: 'backup-vaults-encrypted-with-customer-key',
  evidence: ['backup.ListBackupVaults'],
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'backup.ListBackupVaults', scope: 'regional', items: (r) => r.BackupVaultList, noun: 'backup vaults' }, (v, where, records) => {
      let verdict: Verdict;
      if (v.EncryptionKeyType === 'CUSTOMER_MANAGED_KMS_KEY') verdict = pass(`Recovery points are encrypted with customer-managed key ${v.EncryptionKeyArn}.`);
      else if (v.EncryptionKeyType === 'AWS_OWNED_KMS_KEY') verdict = fail('Recovery points are encrypted with an AWS-owned key: access cannot be governed or revoked through a key policy.');
      else if (!v.EncryptionKeyArn) verdict = fail('No encryption key is reported for the vault.');
      else verdict = unknown(`The vault uses key ${v.EncryptionKeyArn} but AWS did not report whether it is customer-managed.`);
      return judged(ctx, where, { type: 'AWS::Backup::BackupVault', id: required(v, 'BackupVaultName', 'A backup vault'), arn: v.BackupVaultArn }, verdict, records);
    }),
});
