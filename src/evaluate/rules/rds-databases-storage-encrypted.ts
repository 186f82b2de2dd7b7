import { eachRdsDatabase } from '../resources/rds.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'rds-databases-storage-encrypted',
  evidence: ['rds.DescribeDBClusters', 'rds.DescribeDBInstances'],
  evaluate: (ctx) =>
    eachRdsDatabase(ctx, (db) =>
      required(db.settings, 'StorageEncrypted', `The ${db.kind}`)
        ? pass(`The ${db.kind}'s storage, automated backups and snapshots are encrypted at rest.`)
        : fail(`The ${db.kind}'s storage is not encrypted at rest; encryption can only be added by restoring an encrypted copy.`),
    ),
});
