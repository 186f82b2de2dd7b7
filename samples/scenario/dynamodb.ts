// DynamoDB in the sample account. eu-west-1: the model registry's metadata table (ML key, point-in-time
// recovery on; AWS Backup also selects it) and the agents' session table (AWS owned key, no point-in-time
// recovery). us-east-1: no tables.
import type { DescribeContinuousBackupsCommandOutput, DescribeTableCommandOutput, ListTablesCommandOutput, TableDescription } from '@aws-sdk/client-dynamodb';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore, keyArn, KEYS } from './account.ts';

const EU = 'eu-west-1';

interface Table { name: string; region: string; sse?: TableDescription['SSEDescription']; pitr: boolean }

const TABLES: Table[] = [
  { name: 'acme-model-registry-metadata', region: EU, sse: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: keyArn(KEYS.mlData.region, KEYS.mlData.id) }, pitr: true },
  { name: 'acme-agent-sessions', region: EU, pitr: false },
];

const find = (name: unknown, region: string) => TABLES.find((t) => t.name === name && t.region === region);
const notFound = (name: unknown) => simError('ResourceNotFoundException', 400, `Requested resource not found: Table: ${String(name)} not found`);

export function register(sim: SimulatedAws): void {
  sim.on<ListTablesCommandOutput>('dynamodb.ListTables', (_input, t) => ({ TableNames: TABLES.filter((x) => x.region === t.region).map((x) => x.name) }));
  sim.on<DescribeTableCommandOutput>('dynamodb.DescribeTable', (input, t) => {
    const table = find(input.TableName, t.region);
    if (!table) return notFound(input.TableName);
    return {
      Table: {
        TableName: table.name,
        TableArn: arn('dynamodb', t.region, `table/${table.name}`),
        TableStatus: 'ACTIVE',
        CreationDateTime: daysBefore(300),
        BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        DeletionProtectionEnabled: table.pitr,
        ...(table.sse ? { SSEDescription: table.sse } : {}),
      },
    };
  });
  sim.on<DescribeContinuousBackupsCommandOutput>('dynamodb.DescribeContinuousBackups', (input, t) => {
    const table = find(input.TableName, t.region);
    if (!table) return notFound(input.TableName);
    return {
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: table.pitr
          ? { PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays: 35, EarliestRestorableDateTime: daysBefore(35), LatestRestorableDateTime: daysBefore(0) }
          : { PointInTimeRecoveryStatus: 'DISABLED' },
      },
    };
  });
}
