// Each data store of the AI workload has a recent AWS Backup recovery point: ListProtectedResources (in
// every region in scope, since an S3 bucket's backups are listed in the bucket's region) must list its
// ARN with a LastBackupTime no older than the threshold. Plans that exist but select nothing, or a
// selection by tag the store lacks, show here as stores without recovery points.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import { aiDataStores, DATA_STORE_EVIDENCE, type DataStore } from '../aws/ai-data-stores.ts';
import type { Finding } from '../finding.ts';
import { accountResource, daysBetween, guarded, listAt, present, targets, toDate } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';
import { RULE_THRESHOLDS } from '../rule-thresholds.ts';

const MAX_AGE = RULE_THRESHOLDS.backupRecoveryPointMaxAgeDays;

export const rule = defineRule({
  controlId: 'backup-ai-data-stores-protected',
  evidence: ['backup.ListProtectedResources', ...DATA_STORE_EVIDENCE],
  evaluate: (ctx) =>
    ctx.scope.accounts.flatMap((account): Finding[] => {
      const regions = targets(ctx, 'regional').filter((t) => t.account === account);
      // What AWS Backup protects anywhere in scope for this account, by resource ARN.
      const lastBackup = new Map<string, string | undefined>();
      const protectedRecords: EvidenceRecord[] = [];
      const unreadable: string[] = [];
      for (const where of regions) {
        const listed = listAt(ctx, 'backup.ListProtectedResources', where, (r) => r.Results);
        protectedRecords.push(...listed.records);
        if (!listed.ok) unreadable.push(listed.error);
        else for (const p of listed.items) if (p.ResourceArn) lastBackup.set(p.ResourceArn, p.LastBackupTime);
      }
      return regions.flatMap((where): Finding[] => {
        const inventory = aiDataStores(ctx, where);
        const base = [...inventory.records, ...protectedRecords];
        const findings: Finding[] = inventory.unreadable.map((what) => ctx.finding('unknown', where, accountResource(where), `Could not list ${what}: some data stores here may be missing from this check.`, inventory.records));
        if (inventory.stores.length === 0 && inventory.unreadable.length === 0) {
          return [ctx.finding('not_applicable', where, accountResource(where), `No RDS database, DynamoDB table or SageMaker training-data bucket in ${where.region}.`, inventory.records)];
        }
        for (const store of inventory.stores) findings.push(...judgeStore(store));
        return findings;

        function judgeStore(store: DataStore): Finding[] {
          return guarded(ctx, where, store.resource, base, () => {
            const what = `${store.resource.id} (${store.role})`;
            if (!lastBackup.has(store.resource.arn)) {
              if (unreadable.length) return ctx.finding('unknown', where, store.resource, `${what} is not listed among protected resources, but that list could not be read everywhere: ${unreadable.join('; ')}`, base);
              return ctx.finding('fail', where, store.resource, `AWS Backup holds no recovery point of ${what}: no backup plan actually protects it.`, base);
            }
            const last = present(toDate(lastBackup.get(store.resource.arn)), 'LastBackupTime', `The protected-resource entry of ${store.resource.id}`);
            const age = daysBetween(last, ctx.params.now);
            return age > MAX_AGE
              ? ctx.finding('fail', where, store.resource, `The last AWS Backup recovery point of ${what} is ${age} days old (more than ${MAX_AGE}): no plan backs it up any more.`, base)
              : ctx.finding('pass', where, store.resource, `AWS Backup protects ${what}: last recovery point ${age} days ago.`, base);
          });
        }
      });
    }),
});
