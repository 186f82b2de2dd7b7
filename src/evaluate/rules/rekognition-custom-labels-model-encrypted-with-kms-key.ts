import { customerKeyVerdict } from '../kms-key.ts';
import { forEachChild } from '../listed-resources.ts';
import type { Rule } from '../rule.ts';

interface Project { ProjectArn: string }
interface Version { ProjectVersionArn: string; KmsKeyId?: string }

/** arn:aws:rekognition:<region>:<account>:project/<name>/version/<version>/<timestamp> -> "<name>/<version>" */
function versionId(arn: string): string {
  const m = /:project\/([^/]+)\/version\/([^/]+)/.exec(arn);
  return m ? `${m[1]}/${m[2]}` : arn;
}

export const rule: Rule = {
  controlId: 'rekognition-custom-labels-model-encrypted-with-kms-key',
  evaluate: (ctx) =>
    forEachChild(
      ctx,
      { key: 'rekognition.DescribeProjects', scope: 'regional', items: (r) => r.ProjectDescriptions, noun: 'Rekognition Custom Labels projects' },
      {
        key: 'rekognition.DescribeProjectVersions',
        input: (p: Project) => ({ ProjectArn: p.ProjectArn }),
        items: (r) => r.ProjectVersionDescriptions,
        noun: 'model versions',
        parentResource: (p: Project) => ({ type: 'AWS::Rekognition::Project', id: /project\/([^/]+)/.exec(p.ProjectArn)?.[1] ?? p.ProjectArn, arn: p.ProjectArn }),
      },
      (v: Version, _p, at, records) => {
        const verdict = customerKeyVerdict(v.KmsKeyId, 'The trained model and its copied training and test images');
        return ctx.finding(verdict.status, at, { type: 'AWS::Rekognition::ProjectVersion', id: versionId(v.ProjectVersionArn), arn: v.ProjectVersionArn }, verdict.reason, records);
      },
    ),
};
