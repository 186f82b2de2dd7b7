// The shipped IAM policy lists exactly the actions the collectors call, and every call only reads.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { allCalls, callsInSource, POLICY_FILE, policyFor, policyJson } from '../../src/collect/policy/derive-policy.ts';
import { iamAction, isReadOnlyCall, READ_OPERATION } from '../../src/collect/policy/iam-action-names.ts';

describe('policies/proofline-readonly.json', () => {
  it('equals the policy derived from the collectors (regenerate with `npm run policy`)', async () => {
    const derived = policyJson(policyFor(await allCalls()));
    expect(await readFile(POLICY_FILE, 'utf8')).toBe(derived);
  });

  it('grants only read operations', async () => {
    const writes = (await allCalls()).filter((c) => !isReadOnlyCall(c.service, c.operation)).map((c) => `${c.service}.${c.operation} (${c.file})`);
    expect(writes).toEqual([]);
    expect(READ_OPERATION.test('PutBucketPolicy')).toBe(false);
    expect(READ_OPERATION.test('Getaway')).toBe(false);
    expect(isReadOnlyCall('iam', 'GenerateCredentialReport')).toBe(true);
    expect(isReadOnlyCall('iam', 'GenerateServiceLastAccessedDetails')).toBe(false);
  });

  it('finds commands and paginators in value imports only, across multi-line imports', () => {
    const text = `import {\n  DescribeKeyCommand,\n  paginateListKeys,\n  type KeyMetadata,\n  KeyState,\n} from '@aws-sdk/client-kms';\nimport type { PutKeyPolicyCommand } from '@aws-sdk/client-kms';\nimport { pLimit } from 'p-limit';`;
    expect(callsInSource(text, 'x.ts').map((c) => `${c.service}.${c.operation}`)).toEqual(['kms.DescribeKey', 'kms.ListKeys']);
  });

  it('finds commands and paginators a collector imports when it runs (destructured or as a namespace), and refuses forms it cannot read', () => {
    const text = `async function collect() {\n  const { GetKeyPolicyCommand, paginateListAliases, KeyState } = await import('@aws-sdk/client-kms');\n  const s3 = await import('@aws-sdk/client-s3');\n  await c.send(new s3.GetBucketTaggingCommand({}));\n  const Client = (await import('@aws-sdk/client-sts')).GetCallerIdentityCommand;\n  await import('p-limit');\n}`;
    expect(callsInSource(text, 'x.ts').map((c) => `${c.service}.${c.operation}`)).toEqual(['kms.GetKeyPolicy', 'kms.ListAliases', 's3.GetBucketTagging', 'sts.GetCallerIdentity']);
    expect(() => callsInSource(`function f() { return import('@aws-sdk/client-iam'); }`, 'y.ts')).toThrow(/y\.ts:1: an SDK package imported dynamically must be destructured/);
  });

  it('maps SDK names to IAM actions where they differ', () => {
    expect(iamAction('s3', 'ListBuckets')).toBe('s3:ListAllMyBuckets');
    expect(iamAction('s3', 'GetBucketEncryption')).toBe('s3:GetEncryptionConfiguration');
    expect(iamAction('s3-control', 'GetPublicAccessBlock')).toBe('s3:GetAccountPublicAccessBlock');
    expect(iamAction('config-service', 'DescribeConfigurationRecorders')).toBe('config:DescribeConfigurationRecorders');
    expect(iamAction('cloudwatch-logs', 'DescribeLogGroups')).toBe('logs:DescribeLogGroups');
    expect(iamAction('bedrock-agent', 'ListAgents')).toBe('bedrock:ListAgents');
    expect(iamAction('lex-models-v2', 'ListBots')).toBe('lex:ListBots');
    expect(iamAction('accessanalyzer', 'ListAnalyzers')).toBe('access-analyzer:ListAnalyzers');
  });
});
