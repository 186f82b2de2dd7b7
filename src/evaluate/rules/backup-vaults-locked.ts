import { fail, forEachListed, pass, required, toDate, judged } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Vault Lock stops anyone, including administrators and an attacker with their credentials, from
// deleting recovery points before their retention ends (ransomware, insider).
export const rule = defineRule({
  controlId: 'backup-vaults-locked',
  evidence: ['backup.ListBackupVaults'],
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'backup.ListBackupVaults', scope: 'regional', items: (r) => r.BackupVaultList, noun: 'backup vaults' }, (v, where, records) => {
      const lockDate = toDate(v.LockDate);
      const mode = lockDate && lockDate <= ctx.params.now ? 'compliance mode (immutable)' : 'governance mode (removable by privileged users)';
      const verdict = v.Locked
        ? pass(`Vault Lock is on in ${mode}; minimum retention ${v.MinRetentionDays ?? 'n/a'} days.`)
        : fail('Vault Lock is off: recovery points can be deleted before their retention ends.');
      return judged(ctx, where, { type: 'AWS::Backup::BackupVault', id: required(v, 'BackupVaultName', 'A backup vault'), arn: v.BackupVaultArn }, verdict, records);
    }),
});
