// OpenSearch Serverless encrypts every collection with the key of the encryption policy that matched it
// at creation; BatchGetCollection reports that key per collection ("auto": the AWS owned key, which the
// customer cannot govern). A policy changed later does not re-key an existing collection, so the
// collection's own answer is judged, not the policies.
import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { collectionDetail, collectionResource, COLLECTIONS } from '../resources/opensearch.ts';
import { fail, forEachListed, guarded, judged, required, type Verdict } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'opensearch-serverless-collections-encrypted-with-customer-key',
  evidence: ['opensearchserverless.ListCollections', 'opensearchserverless.BatchGetCollection', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    forEachListed(ctx, COLLECTIONS, (c, at, listRecords) => {
      const resource = collectionResource(c);
      const found = collectionDetail(ctx, at, required(c, 'id', 'A listed collection'));
      const records = [...listRecords, ...found.records];
      return guarded(ctx, at, resource, records, () => {
        let verdict: Verdict;
        if ('verdict' in found) verdict = found.verdict;
        else {
          const key = required(found.detail, 'kmsKeyArn', 'The collection details');
          verdict = key === 'auto' ? fail('The collection is encrypted with an AWS owned key: the organization cannot govern or revoke it.') : customerKeyVerdict(ctx, at, key, 'The collection');
        }
        return judged(ctx, at, resource, verdict, records);
      });
    }),
});
