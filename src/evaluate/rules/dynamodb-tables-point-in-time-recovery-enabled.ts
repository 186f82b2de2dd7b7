import { eachTable } from '../resources/dynamodb.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'dynamodb-tables-point-in-time-recovery-enabled',
  evidence: ['dynamodb.ListTables', 'dynamodb.DescribeContinuousBackups'],
  evaluate: (ctx) =>
    eachTable(ctx, 'dynamodb.DescribeContinuousBackups', (r) => {
      const pitr = required(required(r, 'ContinuousBackupsDescription', 'DescribeContinuousBackups'), 'PointInTimeRecoveryDescription', 'The continuous backups description');
      const status = required(pitr, 'PointInTimeRecoveryStatus', 'The point-in-time recovery description');
      return status === 'ENABLED'
        ? pass(`Point-in-time recovery is enabled${pitr.RecoveryPeriodInDays ? ` (${pitr.RecoveryPeriodInDays} days)` : ''}: the table can be restored to any second of its recovery window.`)
        : fail(`Point-in-time recovery is ${status}: an overwrite or delete of items can only be undone from on-demand backups, if any.`);
    }),
});
