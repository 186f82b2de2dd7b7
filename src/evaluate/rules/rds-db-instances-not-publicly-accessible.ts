// PubliclyAccessible makes the instance's DNS name resolve to a public address; whether a security group
// then admits the internet is a second question, so a public instance fails on the setting alone.
import { eachDbInstance } from '../resources/rds.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'rds-db-instances-not-publicly-accessible',
  evidence: ['rds.DescribeDBInstances'],
  evaluate: (ctx) =>
    eachDbInstance(ctx, (i) =>
      required(i, 'PubliclyAccessible', 'The DB instance')
        ? fail('The DB instance is publicly accessible: its endpoint resolves to a public IP address, reachable from the internet wherever a security group allows it.')
        : pass('The DB instance is not publicly accessible: its endpoint resolves to a private address only.'),
    ),
});
