// DynamoDB encrypts every table. DescribeTable names the key only when it is a KMS key (SSEType KMS):
// without SSEDescription, or with it disabled, the table uses a key AWS owns, which the customer cannot
// govern. The KMS key ARN is resolved through KMS evidence, so the AWS managed aws/dynamodb key fails.
import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachTable } from '../resources/dynamodb.ts';
import { fail, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'dynamodb-tables-encrypted-with-customer-key',
  evidence: ['dynamodb.ListTables', 'dynamodb.DescribeTable', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    eachTable(ctx, 'dynamodb.DescribeTable', (r, at) => {
      const sse = required(r, 'Table', 'DescribeTable').SSEDescription;
      if (!sse) return fail('The table is encrypted with a key AWS owns (no SSE description): the organization cannot govern or revoke it.');
      const status = required(sse, 'Status', 'The SSE description');
      if (status !== 'ENABLED' && status !== 'UPDATING') return fail(`KMS encryption is ${status}: the table uses a key AWS owns.`);
      if (required(sse, 'SSEType', 'The SSE description') !== 'KMS') return fail(`The table's encryption type is ${sse.SSEType}, not a KMS key.`);
      return customerKeyVerdict(ctx, at, sse.KMSMasterKeyArn, 'The table');
    }),
});
