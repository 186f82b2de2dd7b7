// A retention period of 0 turns automated backups off; 1-6 days leaves less than a week to notice loss
// or corruption and restore to a point before it.
import { eachRdsDatabase } from '../resources/rds.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { RULE_THRESHOLDS } from '../rule-thresholds.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'rds-databases-backups-retained-seven-days',
  evidence: ['rds.DescribeDBClusters', 'rds.DescribeDBInstances'],
  evaluate: (ctx) =>
    eachRdsDatabase(ctx, (db) => {
      const days = required(db.settings, 'BackupRetentionPeriod', `The ${db.kind}`);
      const min = RULE_THRESHOLDS.rdsBackupRetentionMinDays;
      if (days >= min) return pass(`Automated backups are kept ${days} days (at least ${min}).`);
      return fail(days === 0 ? 'Automated backups are turned off (retention period 0).' : `Automated backups are kept only ${days} ${days === 1 ? 'day' : 'days'} (fewer than ${min}).`);
    }),
});
