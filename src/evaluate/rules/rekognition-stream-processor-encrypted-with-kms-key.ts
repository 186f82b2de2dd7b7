import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { forEachDescribed } from '../listed-resources.ts';
import { required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'rekognition-stream-processor-encrypted-with-kms-key',
  evidence: ['rekognition.ListStreamProcessors', 'rekognition.DescribeStreamProcessor', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    forEachDescribed(ctx, {
      key: 'rekognition.ListStreamProcessors',
      scope: 'regional',
      items: (r) => r.StreamProcessors,
      noun: 'Rekognition stream processors',
      describeKey: 'rekognition.DescribeStreamProcessor',
      describeInput: (s) => ({ Name: s.Name }),
      resource: (s) => ({ type: 'AWS::Rekognition::StreamProcessor', id: required(s, 'Name', 'A stream processor') }),
      judge: (d, _s, at) => customerKeyVerdict(ctx, at, d.KmsKeyId, 'Face-search and label results and images the stream processor stores'),
    }),
});
