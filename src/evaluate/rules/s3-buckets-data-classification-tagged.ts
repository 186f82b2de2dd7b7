// Every bucket carries a data classification tag (key "DataClassification", "data-classification" or
// "Classification", any case) with a value, so the protections a bucket needs can be decided and audited.
import { CLASSIFICATION_TAG, judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 's3-buckets-data-classification-tagged',
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketTagging', {}, (b) => ({
      ok: (r) => {
        const tag = (r?.TagSet ?? []).find((t: any) => CLASSIFICATION_TAG.test(t.Key) && String(t.Value ?? '').trim() !== '');
        return tag ? pass(`${b.name} is classified ${tag.Key}=${tag.Value}.`) : fail(`${b.name} has tags but no data classification tag.`);
      },
      notConfigured: () => fail(`${b.name} has no tags, so no data classification.`),
    })),
};
