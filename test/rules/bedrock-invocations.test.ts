import { describe, expect, it } from 'vitest';
import { BEDROCK_EVENT_LOOKUP_INPUT } from '../../src/collect/call-inputs.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { rule } from '../../src/evaluate/rules/bedrock-invocations-from-expected-principals-and-regions.ts';
import { failed, ok, runRule, statuses } from '../helpers/evidence.ts';

const EXPECTED = { principals: ['arn:aws:iam::111122223333:role/app-*'], regions: ['eu-west-1'] };
const role = (name: string) => ({ arn: `arn:aws:sts::111122223333:assumed-role/${name}/s`, sessionContext: { sessionIssuer: { arn: `arn:aws:iam::111122223333:role/${name}` } } });
const event = (EventName: string, userIdentity: unknown, awsRegion = 'eu-west-1') => ({ EventId: `${EventName}-${awsRegion}`, EventName, CloudTrailEvent: JSON.stringify({ userIdentity, awsRegion, eventTime: '2026-11-19T01:00:00Z' }) });
const history = (events: unknown[], NextToken?: string) => ok('cloudtrail.LookupEvents', { Events: events, ...(NextToken ? { NextToken } : {}) }, { input: BEDROCK_EVENT_LOOKUP_INPUT });
const run = (records: Parameters<typeof runRule>[1], expected: typeof EXPECTED | null = EXPECTED) => runRule(rule, records, { params: { bedrockExpectedInvocations: expected ?? undefined } });

describe('bedrock-invocations-from-expected-principals-and-regions', () => {
  it('passes invocations by expected role sessions in expected regions; other Bedrock calls are ignored', () => {
    expect(statuses(run([history([event('InvokeModel', role('app-chat')), event('Converse', role('app-batch')), event('ListFoundationModels', { arn: 'arn:aws:iam::111122223333:user/x' })])]))).toEqual(['pass']);
  });
  it('fails an unexpected principal or an unexpected region, even when more history remains', () => {
    const f = run([history([event('InvokeModelWithResponseStream', { arn: 'arn:aws:iam::111122223333:user/legacy' })])]);
    expect(statuses(f)).toEqual(['fail']);
    expect(f[0]!.reason).toContain('user/legacy');
    expect(statuses(run([history([event('ConverseStream', role('app-chat'), 'us-east-1')], 'more')]))).toEqual(['fail']);
  });
  it('is unknown when not configured, when history could not be read or was read only in part, or an event lacks its caller', () => {
    expect(run([history([])], null)[0]!.reason).toContain('Not configured');
    expect(statuses(run([history([event('InvokeModel', role('app-chat'))])], null))).toEqual(['unknown']);
    expect(statuses(run([failed('cloudtrail.LookupEvents', { input: BEDROCK_EVENT_LOOKUP_INPUT })]))).toEqual(['unknown']);
    expect(statuses(run([history([event('InvokeModel', role('app-chat'))], 'more')]))).toEqual(['unknown']);
    expect(statuses(run([history([{ EventId: 'x', EventName: 'InvokeModel', CloudTrailEvent: '{"awsRegion":"eu-west-1"}' }])]))).toEqual(['unknown']);
    expect(statuses(run([history([{ EventId: 'x', EventName: 'InvokeModel', CloudTrailEvent: 'not json' }])]))).toEqual(['unknown']);
  });
  it('is not_applicable with no invocation in the history', () => {
    expect(statuses(run([history([])]))).toEqual(['not_applicable']);
  });
  it('rejects a principal that is not an IAM ARN, naming the field', () => {
    expect(() => parseConfig({ bedrockExpectedInvocations: { principals: ['AcmeBedrockApp'], regions: ['eu-west-1'] } }, 'proofline.config.yaml')).toThrow(/bedrockExpectedInvocations\.principals/);
  });
});
