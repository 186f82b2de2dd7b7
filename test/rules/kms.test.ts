import { describe, expect, it } from 'vitest';
import { rule as rotation } from '../../src/evaluate/rules/kms-customer-keys-rotation-enabled.ts';
import { rule as keyPolicy } from '../../src/evaluate/rules/kms-key-policies-no-public-principal.ts';
import { rule as pendingDeletion } from '../../src/evaluate/rules/kms-keys-not-pending-deletion.ts';
import { failed, ok, runRule, statuses } from '../helpers/evidence.ts';

const meta = (KeyId: string, extra: Record<string, unknown> = {}) => ({ KeyId, Arn: `arn:aws:kms:eu-west-1:111122223333:key/${KeyId}`, KeyManager: 'CUSTOMER', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS', ...extra });
const keys = (...metas: ReturnType<typeof meta>[]) => [
  ok('kms.ListKeys', { Keys: metas.map((m) => ({ KeyId: m.KeyId })) }),
  ...metas.map((m) => ok('kms.DescribeKey', { KeyMetadata: m }, { input: { KeyId: m.KeyId } })),
];

describe('kms-customer-keys-rotation-enabled', () => {
  it('passes rotating keys, fails non-rotating ones, skips AWS managed and asymmetric keys', () => {
    const f = runRule(rotation, [
      ...keys(meta('k1'), meta('k2'), meta('aws', { KeyManager: 'AWS' }), meta('rsa', { KeySpec: 'RSA_2048' })),
      ok('kms.GetKeyRotationStatus', { KeyRotationEnabled: true }, { input: { KeyId: 'k1' } }),
      ok('kms.GetKeyRotationStatus', { KeyRotationEnabled: false }, { input: { KeyId: 'k2' } }),
    ]);
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([['k1', 'pass'], ['k2', 'fail']]);
  });
  it('is unknown when the rotation status was denied or the key list failed; not_applicable without customer keys', () => {
    expect(statuses(runRule(rotation, [...keys(meta('k1')), failed('kms.GetKeyRotationStatus', { input: { KeyId: 'k1' } })]))).toEqual(['unknown']);
    expect(statuses(runRule(rotation, [failed('kms.ListKeys')]))).toEqual(['unknown']);
    expect(statuses(runRule(rotation, keys(meta('aws', { KeyManager: 'AWS' }))))).toEqual(['not_applicable']);
  });
});

describe('kms-key-policies-no-public-principal', () => {
  const policy = (...Statement: unknown[]) => ok('kms.GetKeyPolicy', { Policy: JSON.stringify({ Statement }) }, { input: { KeyId: 'k1', PolicyName: 'default' } });
  it('fails "*" without conditions and passes "*" narrowed by kms:CallerAccount', () => {
    expect(statuses(runRule(keyPolicy, [...keys(meta('k1')), policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' })]))).toEqual(['fail']);
    expect(statuses(runRule(keyPolicy, [...keys(meta('k1')), policy({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } })]))).toEqual(['pass']);
  });
});

describe('kms-keys-not-pending-deletion', () => {
  it('fails keys pending deletion', () => {
    const f = runRule(pendingDeletion, keys(meta('k1'), meta('k2', { KeyState: 'PendingDeletion', DeletionDate: '2026-12-01T00:00:00Z' })));
    expect(statuses(f)).toEqual(['pass', 'fail']);
    expect(f[1]!.reason).toContain('2026-12-01');
  });
  it('is unknown when a key cannot be described', () => {
    expect(statuses(runRule(pendingDeletion, [ok('kms.ListKeys', { Keys: [{ KeyId: 'k1' }] }), failed('kms.DescribeKey', { input: { KeyId: 'k1' } })]))).toEqual(['unknown']);
  });
});
