// DynamoDB (regional): every table, described (encryption), and its continuous backups (point-in-time
// recovery is not in DescribeTable).
import { allPages, type Collector } from '../collector.ts';

const tables: Collector = {
  name: 'dynamodb.tables',
  service: 'dynamodb',
  scope: 'regional',
  produces: ['dynamodb.ListTables', 'dynamodb.DescribeTable', 'dynamodb.DescribeContinuousBackups'],
  async collect(ctx) {
    const { DescribeContinuousBackupsCommand, DescribeTableCommand, paginateListTables } = await import('@aws-sdk/client-dynamodb');
    const client = await ctx.client('dynamodb');
    const names = (await allPages(paginateListTables({ client, pageSize: 100 }, {}))).flatMap((p) => p.TableNames ?? []);
    await ctx.forEach(names, async (TableName) => {
      await ctx.attempt(() => client.send(new DescribeTableCommand({ TableName })));
      await ctx.attempt(() => client.send(new DescribeContinuousBackupsCommand({ TableName })));
    });
  },
};

export const collectors: Collector[] = [tables];
