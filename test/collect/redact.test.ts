import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretRedaction } from '../../src/collect/redact.ts';
import { SAMPLE_REDACTION_KEY } from '../../src/collect/redaction-key.ts';

const redactSecrets = secretRedaction(SAMPLE_REDACTION_KEY);
const hashed = (v: string) => `[redacted hmac-sha256:${createHmac('sha256', SAMPLE_REDACTION_KEY).update(v).digest('hex')}]`;

describe('redactSecrets', () => {
  it('redacts SageMaker container, training and processing environment maps, keeping the keys', () => {
    const model = { PrimaryContainer: { Image: 'img', Environment: { DB_PASSWORD: 'hunter2', REGION: 'eu-west-1' } }, Containers: [{ Environment: { A: 'b' } }] };
    const out = redactSecrets('sagemaker.DescribeModel', model) as typeof model;
    expect(out.PrimaryContainer).toEqual({ Image: 'img', Environment: { DB_PASSWORD: hashed('hunter2'), REGION: hashed('eu-west-1') } });
    expect(out.Containers[0].Environment.A).toBe(hashed('b'));
    expect(redactSecrets('sagemaker.DescribeTrainingJob', { TrainingJobName: 'j', Environment: { TOKEN: 't' } })).toEqual({ TrainingJobName: 'j', Environment: { TOKEN: hashed('t') } });
  });

  it('redacts Lambda-style Environment.Variables and ECS-style lists', () => {
    expect(redactSecrets('x.Y', { Environment: { Variables: { KEY: 'v' }, Error: { Message: 'm' } } })).toEqual({ Environment: { Variables: { KEY: hashed('v') }, Error: { Message: 'm' } } });
    expect(redactSecrets('x.Y', { environment: [{ name: 'N', value: 'v' }] })).toEqual({ environment: [{ name: 'N', value: hashed('v') }] });
  });

  it('redacts AgentCore runtime environmentVariables maps, keeping the keys', () => {
    expect(redactSecrets('bedrock-agentcore-control.GetAgentRuntime', { agentRuntimeName: 'a', environmentVariables: { MODEL: 'm' } })).toEqual({ agentRuntimeName: 'a', environmentVariables: { MODEL: hashed('m') } });
  });

  it('redacts notebook lifecycle scripts but not other Content (e.g. an SCP)', () => {
    const lcc = { NotebookInstanceLifecycleConfigName: 'c', OnCreate: [{ Content: 'IyEvYmluL2Jhc2g=' }], OnStart: [{ Content: 'ZWNobw==' }] };
    expect(redactSecrets('sagemaker.DescribeNotebookInstanceLifecycleConfig', lcc)).toEqual({ NotebookInstanceLifecycleConfigName: 'c', OnCreate: [{ Content: hashed('IyEvYmluL2Jhc2g=') }], OnStart: [{ Content: hashed('ZWNobw==') }] });
    const scp = { Policy: { Content: '{"Version":"2012-10-17"}' } };
    expect(redactSecrets('organizations.DescribePolicy', scp)).toEqual(scp);
  });

  it('redacts values named like secrets anywhere, but not tokens for pagination, ARNs or dates', () => {
    const input = { HyperParameters: { api_token: 'abc', epochs: '3' }, MasterUserPassword: 'p', SecretArn: 'arn:aws:secretsmanager:x', PasswordLastUsed: '2026-01-01T00:00:00Z', NextToken: 'n', Marker: 'm', PasswordPolicy: { MinimumPasswordLength: 14 } };
    expect(redactSecrets('x.Y', input)).toEqual({ ...input, HyperParameters: { api_token: hashed('abc'), epochs: '3' }, MasterUserPassword: hashed('p') });
  });

  it('is idempotent, so a replayed snapshot keeps the recorded digests', () => {
    const once = redactSecrets('x.Y', { Environment: { K: 'v' } });
    expect(redactSecrets('x.Y', once)).toEqual(once);
  });
});
