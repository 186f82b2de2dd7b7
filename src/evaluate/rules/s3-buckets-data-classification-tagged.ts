// Every bucket carries a data classification tag (key "DataClassification", "data-classification" or
// "Classification", any case) with a value, so the protections a bucket needs can be decided and audited.
import { CLASSIFICATION_TAG, judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 's3-buckets-data-classification-tagged',
  evidence: ['s3.ListBuckets', 's3.GetBucketTagging', 's3.GetBucketLocation', 's3.GetBucketLogging', 's3.GetBucketPolicy'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketTagging', {}, (b) => ({
      ok: (r) => {
        const tag = (r?.TagSet ?? []).find((t) => CLASSIFICATION_TAG.test(t.Key ?? '') && String(t.Value ?? '').trim() !== '');
        return tag ? pass(`${b.name} is classified ${tag.Key}=${tag.Value}.`) : fail(`${b.name} has tags but no data classification tag.`);
      },
      notConfigured: () => fail(`${b.name} has no tags, so no data classification.`),
    })),
});
