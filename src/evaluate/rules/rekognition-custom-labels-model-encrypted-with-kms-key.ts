import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { forEachChild } from '../listed-resources.ts';
import { required, judged } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

/** arn:aws:rekognition:<region>:<account>:project/<name>/version/<version>/<timestamp> -> "<name>/<version>" */
function versionId(arn: string): string {
  const m = /:project\/([^/]+)\/version\/([^/]+)/.exec(arn);
  return m ? `${m[1]}/${m[2]}` : arn;
}

export const rule = defineRule({
  controlId: 'rekognition-custom-labels-model-encrypted-with-kms-key',
  evidence: ['rekognition.DescribeProjects', 'rekognition.DescribeProjectVersions', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    forEachChild(
      ctx,
      { key: 'rekognition.DescribeProjects', scope: 'regional', items: (r) => r.ProjectDescriptions, noun: 'Rekognition Custom Labels projects' },
      {
        key: 'rekognition.DescribeProjectVersions',
        input: (p) => ({ ProjectArn: p.ProjectArn }),
        items: (r) => r.ProjectVersionDescriptions,
        noun: 'model versions',
        parentResource: (p) => {
          const arn = required(p, 'ProjectArn', 'A project');
          return { type: 'AWS::Rekognition::Project', id: /project\/([^/]+)/.exec(arn)?.[1] ?? arn, arn };
        },
      },
      (v, _p, at, records) => {
        const verdict = customerKeyVerdict(ctx, at, v.KmsKeyId, 'The trained model and its copied training and test images');
        const arn = required(v, 'ProjectVersionArn', 'A model version');
        return judged(ctx, at, { type: 'AWS::Rekognition::ProjectVersion', id: versionId(arn), arn }, verdict, records);
      },
    ),
});
