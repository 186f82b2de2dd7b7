import { eachRdsDatabase } from '../resources/rds.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'rds-databases-deletion-protection-enabled',
  evidence: ['rds.DescribeDBClusters', 'rds.DescribeDBInstances'],
  evaluate: (ctx) =>
    eachRdsDatabase(ctx, (db) =>
      required(db.settings, 'DeletionProtection', `The ${db.kind}`)
        ? pass(`Deletion protection is on: the ${db.kind} cannot be deleted until it is turned off.`)
        : fail(`Deletion protection is off: a single delete call removes the ${db.kind}.`),
    ),
});
