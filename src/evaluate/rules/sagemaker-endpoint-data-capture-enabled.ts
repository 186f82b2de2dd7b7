// Every in-service endpoint captures inference requests and responses: DescribeEndpoint's data capture
// summary (what runs now, not only what the configuration asked for) shows capture enabled, started and
// sampling more than 0 %. Without it there is no record of what the model was asked or answered, and
// Model Monitor has no data to compare with its baseline. Whether the capture is encrypted with a
// customer key is sagemaker-endpoint-data-capture-encrypted-with-kms-key.
import { inServiceEndpointsInput } from '../resources/sagemaker.ts';
import { fail, forEachListed, judgeCall, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-endpoint-data-capture-enabled',
  evidence: ['sagemaker.ListEndpoints', 'sagemaker.DescribeEndpoint'],
  // DescribeEndpoint leaves DataCaptureConfig out when the endpoint has no data capture configured.
  documentedAbsences: ['DataCaptureConfig'],
  evaluate: (ctx) =>
    forEachListed(
      ctx,
      { key: 'sagemaker.ListEndpoints', input: inServiceEndpointsInput, scope: 'regional', items: (r) => r.Endpoints, noun: 'in-service SageMaker endpoints' },
      (e, at, listRecords) => {
        const name = required(e, 'EndpointName', 'An endpoint');
        const resource = { type: 'AWS::SageMaker::Endpoint', id: name, arn: e.EndpointArn };
        return judgeCall(ctx, at, resource, ctx.evidence.call('sagemaker.DescribeEndpoint', at, { EndpointName: name }), {
          ok: (d) => {
            const capture = d.DataCaptureConfig;
            if (!capture) return fail('No data capture is configured: inference requests and responses are not recorded.');
            const what = 'The data capture summary';
            if (!required(capture, 'EnableCapture', what)) return fail('Data capture is configured but disabled (EnableCapture false).');
            const status = required(capture, 'CaptureStatus', what);
            if (status !== 'Started') return fail(`Data capture is enabled but its status is ${status}: nothing is being recorded.`);
            const percent = required(capture, 'CurrentSamplingPercentage', what);
            if (percent <= 0) return fail('Data capture is started with a sampling percentage of 0: nothing is recorded.');
            return pass(`Data capture is started, sampling ${percent} % of requests to ${capture.DestinationS3Uri ?? 'its S3 destination'}.`);
          },
        }, listRecords);
      },
    ),
});
