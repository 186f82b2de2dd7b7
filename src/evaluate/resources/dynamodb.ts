// How DynamoDB tables appear in evidence: ListTables names them, DescribeTable and
// DescribeContinuousBackups answer per table name.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import { forEachDescribed } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import type { Verdict } from '../rule-helpers.ts';

type TableCall = 'dynamodb.DescribeTable' | 'dynamodb.DescribeContinuousBackups';

export function eachTable<D extends TableCall>(ctx: RuleContext<'dynamodb.ListTables' | D>, describeKey: D, judge: (described: EvidenceResponse<D>, at: Target) => Verdict): Finding[] {
  return forEachDescribed<'dynamodb.ListTables', D, string>(ctx, {
    key: 'dynamodb.ListTables',
    scope: 'regional',
    items: (r) => r.TableNames,
    noun: 'DynamoDB tables',
    describeKey,
    describeInput: (TableName) => ({ TableName }),
    resource: (TableName, at) => ({ type: 'AWS::DynamoDB::Table', id: TableName, arn: `arn:aws:dynamodb:${at.region}:${at.account}:table/${TableName}` }),
    judge: (d, _name, at) => judge(d, at),
  });
}
