import { describe, expect, it } from 'vitest';
import { rule } from '../../src/evaluate/rules/sagemaker-endpoint-data-capture-enabled.ts';
import { failed, ok, runRule, statuses } from '../helpers/evidence.ts';

const LIST_INPUT = { StatusEquals: 'InService' };
const endpoints = (...names: string[]) => ok('sagemaker.ListEndpoints', { Endpoints: names.map((EndpointName) => ({ EndpointName, EndpointArn: `arn:aws:sagemaker:eu-west-1:111122223333:endpoint/${EndpointName}` })) }, { input: LIST_INPUT });
const described = (EndpointName: string, DataCaptureConfig?: Record<string, unknown>) => ok('sagemaker.DescribeEndpoint', { EndpointName, DataCaptureConfig }, { input: { EndpointName } });

describe('sagemaker-endpoint-data-capture-enabled', () => {
  it('passes capture started with sampling above 0 and fails none, disabled, stopped or 0 %', () => {
    const f = runRule(rule, [
      endpoints('on', 'none', 'disabled', 'stopped', 'zero'),
      described('on', { EnableCapture: true, CaptureStatus: 'Started', CurrentSamplingPercentage: 100, DestinationS3Uri: 's3://b/capture/' }),
      described('none'),
      described('disabled', { EnableCapture: false, CaptureStatus: 'Stopped', CurrentSamplingPercentage: 20 }),
      described('stopped', { EnableCapture: true, CaptureStatus: 'Stopped', CurrentSamplingPercentage: 20 }),
      described('zero', { EnableCapture: true, CaptureStatus: 'Started', CurrentSamplingPercentage: 0 }),
    ]);
    expect(statuses(f)).toEqual(['pass', 'fail', 'fail', 'fail', 'fail']);
  });

  it('is unknown when an endpoint cannot be described or its summary lacks a judged field; not_applicable without endpoints', () => {
    const f = runRule(rule, [endpoints('a', 'b'), failed('sagemaker.DescribeEndpoint', { input: { EndpointName: 'a' } }), described('b', { EnableCapture: true, CaptureStatus: 'Started' })]);
    expect(statuses(f)).toEqual(['unknown', 'unknown']);
    expect(statuses(runRule(rule, [failed('sagemaker.ListEndpoints', { input: LIST_INPUT })]))).toEqual(['unknown']);
    expect(statuses(runRule(rule, [endpoints()]))).toEqual(['not_applicable']);
  });
});
