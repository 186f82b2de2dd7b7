import { eachDomain } from '../resources/opensearch.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'opensearch-domains-encrypted-at-rest',
  evidence: ['opensearch.ListDomainNames', 'opensearch.DescribeDomain'],
  evaluate: (ctx) =>
    eachDomain(ctx, (d) => {
      const opts = required(d, 'EncryptionAtRestOptions', 'The domain');
      return required(opts, 'Enabled', 'The encryption-at-rest options')
        ? pass(`Indices, logs, swap files and automated snapshots are encrypted at rest${opts.KmsKeyId ? ` with key ${opts.KmsKeyId}` : ''}.`)
        : fail('Encryption at rest is off: indices and snapshots are stored unencrypted.');
    }),
});
