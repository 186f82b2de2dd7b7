// Image tags must be immutable, so that the image a tag names (the model server a deployment pulls)
// cannot be replaced by a later push under the same tag. IMMUTABLE_WITH_EXCLUSION passes: only the
// tags the repository names as exclusions stay mutable, and the reason says so.
import { judgeEachRepository } from '../resources/compute.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'ecr-repositories-tag-immutability-enabled',
  evidence: ['ecr.DescribeRepositories'],
  evaluate: (ctx) =>
    judgeEachRepository(ctx, (r) => {
      const mutability = required(r, 'imageTagMutability', `Repository ${r.repositoryName}`);
      if (mutability === 'IMMUTABLE') return pass(`Image tags in ${r.repositoryName} are immutable.`);
      if (mutability === 'IMMUTABLE_WITH_EXCLUSION') return pass(`Image tags in ${r.repositoryName} are immutable except the tags its exclusion filters name.`);
      return fail(`Image tags in ${r.repositoryName} are ${mutability.toLowerCase().replace(/_/g, ' ')}: a push can replace the image a tag names.`);
    }),
});
