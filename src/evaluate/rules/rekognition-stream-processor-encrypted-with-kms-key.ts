import { customerKeyVerdict } from '../kms-key.ts';
import { forEachDescribed } from '../listed-resources.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'rekognition-stream-processor-encrypted-with-kms-key',
  evaluate: (ctx) =>
    forEachDescribed(ctx, {
      key: 'rekognition.ListStreamProcessors',
      scope: 'regional',
      items: (r) => r.StreamProcessors,
      noun: 'Rekognition stream processors',
      describeKey: 'rekognition.DescribeStreamProcessor',
      describeInput: (s: { Name: string }) => ({ Name: s.Name }),
      resource: (s: { Name: string }) => ({ type: 'AWS::Rekognition::StreamProcessor', id: s.Name }),
      judge: (d) => customerKeyVerdict(d.KmsKeyId, 'Face-search and label results and images the stream processor stores'),
    }),
};
