// Lambda, ECR, EKS and ECS rules: pass, fail, and fail-closed (failed or missing evidence and absent
// judged fields are unknown, empty lists not applicable).
import { describe, expect, it } from 'vitest';
import { rule as lambdaPublic } from '../../src/evaluate/rules/lambda-functions-not-publicly-invokable.ts';
import { rule as lambdaRuntime } from '../../src/evaluate/rules/lambda-functions-runtime-supported.ts';
import { rule as lambdaEnvKey } from '../../src/evaluate/rules/lambda-function-environment-encrypted-with-kms-key.ts';
import { rule as ecrScan } from '../../src/evaluate/rules/ecr-repositories-scan-on-push-enabled.ts';
import { rule as ecrImmutable } from '../../src/evaluate/rules/ecr-repositories-tag-immutability-enabled.ts';
import { rule as ecrKey } from '../../src/evaluate/rules/ecr-repositories-encrypted-with-kms-key.ts';
import { rule as eksEndpoint } from '../../src/evaluate/rules/eks-cluster-endpoint-not-public.ts';
import { rule as eksSecrets } from '../../src/evaluate/rules/eks-cluster-secrets-encrypted-with-kms-key.ts';
import { rule as eksAudit } from '../../src/evaluate/rules/eks-cluster-audit-logging-enabled.ts';
import { rule as ecsPrivileged } from '../../src/evaluate/rules/ecs-task-definitions-containers-not-privileged.ts';
import { rule as ecsSecrets } from '../../src/evaluate/rules/ecs-task-definitions-no-plaintext-secrets.ts';
import { failed, keyManagedBy, notConfigured, ok, runRule as runBare, statuses } from '../helpers/evidence.ts';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1f0c2a3b-0000-4000-8000-00000000a001';
const AWS_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/7d2e9c41-0000-4000-8000-0000000aws01';
const runRule: typeof runBare = (rule, records, opts) => runBare(rule, [...records, keyManagedBy(KEY), keyManagedBy(AWS_KEY, 'AWS')], opts);
const byId = (findings: ReturnType<typeof runBare>) => Object.fromEntries(findings.map((f) => [f.resource.id, f.status]));

describe('Lambda', () => {
  const list = (fns: Record<string, unknown>[]) => ok('lambda.ListFunctions', { Functions: fns });
  const policy = (name: string, statements: unknown[]) => ok('lambda.GetPolicy', { Policy: JSON.stringify({ Statement: statements }) }, { input: { FunctionName: name } });
  const fns = ['narrowed', 'open', 'service', 'url', 'none', 'denied'].map((FunctionName) => ({ FunctionName, PackageType: 'Zip', Runtime: 'python3.12' }));

  it('lambda-functions-not-publicly-invokable: "*" or a service principal without a source condition fails; no policy passes; unreadable is unknown', () => {
    const invoke = { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' };
    const found = runRule(lambdaPublic, [
      list(fns),
      policy('narrowed', [{ ...invoke, Principal: { Service: 's3.amazonaws.com' }, Condition: { StringEquals: { 'AWS:SourceAccount': '111122223333' } } }, { ...invoke, Principal: { AWS: 'arn:aws:iam::444455556666:root' } }]),
      policy('open', [{ ...invoke, Principal: '*' }]),
      policy('service', [{ ...invoke, Principal: { Service: 'bedrock.amazonaws.com' } }]),
      policy('url', [{ ...invoke, Action: 'lambda:InvokeFunctionUrl', Principal: { AWS: '*' }, Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } }]),
      notConfigured('lambda.GetPolicy', 'ResourceNotFoundException', { input: { FunctionName: 'none' } }),
      failed('lambda.GetPolicy', { input: { FunctionName: 'denied' } }),
    ]);
    expect(byId(found)).toEqual({ narrowed: 'pass', open: 'fail', service: 'fail', url: 'fail', none: 'pass', denied: 'unknown' });
    expect(statuses(runRule(lambdaPublic, [list([])]))).toEqual(['not_applicable']);
    expect(statuses(runRule(lambdaPublic, [failed('lambda.ListFunctions')]))).toEqual(['unknown']);
    expect(statuses(runRule(lambdaPublic, [list([{ FunctionName: 'x' }]), ok('lambda.GetPolicy', {}, { input: { FunctionName: 'x' } })]))).toEqual(['unknown']);
  });

  it('lambda-functions-runtime-supported: judged at the evaluation time; images not applicable; unlisted runtimes and absent fields unknown', () => {
    const f = (FunctionName: string, extra: Record<string, unknown>) => ({ FunctionName, PackageType: 'Zip', ...extra });
    const records = [list([f('current', { Runtime: 'python3.12' }), f('old', { Runtime: 'python3.9' }), f('edge', { Runtime: 'dotnet8' }), f('future', { Runtime: 'python9.9' }), { FunctionName: 'image', PackageType: 'Image' }, f('bare', {})])];
    expect(byId(runRule(lambdaRuntime, records))).toEqual({ current: 'pass', old: 'fail', edge: 'fail', future: 'unknown', image: 'not_applicable', bare: 'unknown' });
    // dotnet8 is deprecated on 2026-11-10: an evaluation before that date passes it.
    expect(byId(runRule(lambdaRuntime, records, { params: { now: new Date('2026-11-09T00:00:00Z') } })).edge).toBe('pass');
    expect(statuses(runRule(lambdaRuntime, [list([{ FunctionName: 'p', Runtime: 'python3.12' }])]))).toEqual(['unknown']);
  });

  it('lambda-function-environment-encrypted-with-kms-key: functions with variables need a customer key', () => {
    const env = { Environment: { Variables: { A: 'x' } } };
    const found = runRule(lambdaEnvKey, [list([{ FunctionName: 'cmk', ...env, KMSKeyArn: KEY }, { FunctionName: 'default', ...env }, { FunctionName: 'managed', ...env, KMSKeyArn: AWS_KEY }, { FunctionName: 'plain' }])]);
    expect(byId(found)).toEqual({ cmk: 'pass', default: 'fail', managed: 'fail' });
    expect(statuses(runRule(lambdaEnvKey, [list([{ FunctionName: 'plain' }])]))).toEqual(['not_applicable']);
    expect(statuses(runBare(lambdaEnvKey, [list([{ FunctionName: 'cmk', ...env, KMSKeyArn: KEY }])]))).toEqual(['unknown']);
  });
});

describe('ECR', () => {
  const repos = (rs: Record<string, unknown>[], region = 'eu-west-1') => ok('ecr.DescribeRepositories', { repositories: rs }, { region });
  const registry = (scanningConfiguration: unknown, region = 'eu-west-1') => ok('ecr.GetRegistryScanningConfiguration', { scanningConfiguration }, { region });

  it('ecr-repositories-scan-on-push-enabled: a matching registry rule or (basic) repository scan on push passes', () => {
    const rs = [{ repositoryName: 'ml-server', imageScanningConfiguration: { scanOnPush: false } }, { repositoryName: 'tools', imageScanningConfiguration: { scanOnPush: true } }];
    const enhanced = { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'ml-*', filterType: 'WILDCARD' }] }] };
    expect(byId(runRule(ecrScan, [repos(rs), registry(enhanced)]))).toEqual({ 'ml-server': 'pass', tools: 'fail' });
    expect(byId(runRule(ecrScan, [repos(rs), registry({ scanType: 'BASIC', rules: [] })]))).toEqual({ 'ml-server': 'fail', tools: 'pass' });
    const basicRule = { scanType: 'BASIC', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] };
    expect(byId(runRule(ecrScan, [repos(rs), registry(basicRule)]))).toEqual({ 'ml-server': 'pass', tools: 'pass' });
  });
  it('ecr-repositories-scan-on-push-enabled: unknown when the registry configuration is missing, failed or lacks its scan type', () => {
    const rs = [{ repositoryName: 'r', imageScanningConfiguration: { scanOnPush: true } }];
    expect(statuses(runRule(ecrScan, [repos(rs), failed('ecr.GetRegistryScanningConfiguration')]))).toEqual(['unknown']);
    expect(statuses(runRule(ecrScan, [repos(rs)]))).toEqual(['unknown']);
    expect(statuses(runRule(ecrScan, [repos(rs), registry({ rules: [] })]))).toEqual(['unknown']);
    expect(statuses(runRule(ecrScan, [repos([]), registry({ scanType: 'BASIC' })]))).toEqual(['not_applicable']);
  });

  it('ecr-repositories-tag-immutability-enabled: immutable (with or without exclusions) passes, mutable fails, absent is unknown', () => {
    const found = runRule(ecrImmutable, [repos(['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE', 'MUTABLE_WITH_EXCLUSION', undefined].map((m, i) => ({ repositoryName: `r${i}`, ...(m ? { imageTagMutability: m } : {}) })))]);
    expect(found.map((f) => f.status)).toEqual(['pass', 'pass', 'fail', 'fail', 'unknown']);
    expect(statuses(runRule(ecrImmutable, [failed('ecr.DescribeRepositories')]))).toEqual(['unknown']);
  });

  it('ecr-repositories-encrypted-with-kms-key: AES256 and KMS without a key or with an AWS managed key fail', () => {
    const r = (repositoryName: string, encryptionConfiguration?: unknown) => ({ repositoryName, ...(encryptionConfiguration ? { encryptionConfiguration } : {}) });
    const found = runRule(ecrKey, [repos([r('cmk', { encryptionType: 'KMS', kmsKey: KEY }), r('dsse', { encryptionType: 'KMS_DSSE', kmsKey: KEY }), r('aes', { encryptionType: 'AES256' }), r('aws', { encryptionType: 'KMS' }), r('managed', { encryptionType: 'KMS', kmsKey: AWS_KEY }), r('absent')])]);
    expect(byId(found)).toEqual({ cmk: 'pass', dsse: 'pass', aes: 'fail', aws: 'fail', managed: 'fail', absent: 'unknown' });
  });
});

describe('EKS', () => {
  const clusters = (cs: Record<string, unknown>[]) => [ok('eks.ListClusters', { clusters: cs.map((c) => c.name) }), ...cs.map((c) => ok('eks.DescribeCluster', { cluster: c }, { input: { name: c.name } }))];

  it('eks-cluster-endpoint-not-public: private or CIDR-restricted passes, open to the internet fails', () => {
    const vpc = (endpointPublicAccess: boolean, publicAccessCidrs?: string[]) => ({ endpointPublicAccess, ...(publicAccessCidrs ? { publicAccessCidrs } : {}) });
    const found = runRule(eksEndpoint, clusters([{ name: 'private', resourcesVpcConfig: vpc(false) }, { name: 'listed', resourcesVpcConfig: vpc(true, ['203.0.113.0/24']) }, { name: 'open', resourcesVpcConfig: vpc(true, ['0.0.0.0/0']) }, { name: 'v6', resourcesVpcConfig: vpc(true, ['::/0']) }, { name: 'nocidrs', resourcesVpcConfig: vpc(true) }, { name: 'novpc' }]));
    expect(byId(found)).toEqual({ private: 'pass', listed: 'pass', open: 'fail', v6: 'fail', nocidrs: 'unknown', novpc: 'unknown' });
    expect(statuses(runRule(eksEndpoint, [ok('eks.ListClusters', { clusters: ['c'] }), failed('eks.DescribeCluster', { input: { name: 'c' } })]))).toEqual(['unknown']);
    expect(statuses(runRule(eksEndpoint, [ok('eks.ListClusters', { clusters: [] })]))).toEqual(['not_applicable']);
  });

  it('eks-cluster-secrets-encrypted-with-kms-key: a secrets entry with a customer key passes', () => {
    const enc = (keyArn: string, resources = ['secrets']) => [{ resources, provider: { keyArn } }];
    const found = runRule(eksSecrets, clusters([{ name: 'cmk', encryptionConfig: enc(KEY) }, { name: 'managed', encryptionConfig: enc(AWS_KEY) }, { name: 'none' }, { name: 'other', encryptionConfig: enc(KEY, ['configmaps']) }]));
    expect(byId(found)).toEqual({ cmk: 'pass', managed: 'fail', none: 'fail', other: 'fail' });
  });

  it('eks-cluster-audit-logging-enabled: an enabled setup including audit passes', () => {
    const log = (types: string[], enabled: boolean) => ({ clusterLogging: [{ types, enabled }] });
    const found = runRule(eksAudit, clusters([{ name: 'on', logging: log(['api', 'audit'], true) }, { name: 'off', logging: log(['audit'], false) }, { name: 'api', logging: log(['api'], true) }, { name: 'absent' }]));
    expect(byId(found)).toEqual({ on: 'pass', off: 'fail', api: 'fail', absent: 'unknown' });
  });
});

describe('ECS', () => {
  const tasks = (defs: Record<string, unknown>[]) => [
    ok('ecs.ListTaskDefinitionFamilies', { families: defs.map((d) => d.family) }, { input: { status: 'ACTIVE' } }),
    ...defs.map((d) => ok('ecs.DescribeTaskDefinition', { taskDefinition: { revision: 1, ...d } }, { input: { taskDefinition: d.family } })),
  ];

  it('ecs-task-definitions-containers-not-privileged: privileged, or root with host networking, fails', () => {
    const found = runRule(ecsPrivileged, tasks([
      { family: 'ok', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a' }] },
      { family: 'hostuser', networkMode: 'host', containerDefinitions: [{ name: 'a', user: '1000' }] },
      { family: 'priv', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', privileged: true }] },
      { family: 'hostroot', networkMode: 'host', containerDefinitions: [{ name: 'a', user: '0:0' }] },
      { family: 'hostdefault', networkMode: 'host', containerDefinitions: [{ name: 'a' }] },
      { family: 'nocontainers', networkMode: 'awsvpc' },
    ]));
    expect(byId(found)).toEqual({ ok: 'pass', hostuser: 'pass', priv: 'fail', hostroot: 'fail', hostdefault: 'fail', nocontainers: 'unknown' });
    expect(statuses(runRule(ecsPrivileged, [failed('ecs.ListTaskDefinitionFamilies', { input: { status: 'ACTIVE' } })]))).toEqual(['unknown']);
    expect(statuses(runRule(ecsPrivileged, [ok('ecs.ListTaskDefinitionFamilies', { families: [] }, { input: { status: 'ACTIVE' } })]))).toEqual(['not_applicable']);
  });

  it('ecs-task-definitions-no-plaintext-secrets: a secret-named plaintext variable fails; secrets references pass', () => {
    const found = runRule(ecsSecrets, tasks([
      { family: 'refs', containerDefinitions: [{ name: 'a', environment: [{ name: 'MODEL', value: 'm' }], secrets: [{ name: 'API_KEY', valueFrom: 'arn' }] }] },
      { family: 'plain', containerDefinitions: [{ name: 'a', environment: [{ name: 'DB_PASSWORD', value: '[redacted hmac-sha256:00]' }] }] },
      { family: 'token', containerDefinitions: [{ name: 'a', environment: [{ name: 'HF_TOKEN', value: 'x' }] }] },
      { family: 'empty', containerDefinitions: [{ name: 'a', environment: [{ name: 'API_KEY', value: '' }] }] },
      { family: 'noname', containerDefinitions: [{ name: 'a', environment: [{ value: 'x' }] }] },
    ]));
    expect(byId(found)).toEqual({ refs: 'pass', plain: 'fail', token: 'fail', empty: 'pass', noname: 'unknown' });
  });
});
