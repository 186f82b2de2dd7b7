import { eachDomain } from '../resources/opensearch.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'opensearch-domains-node-to-node-encryption-enabled',
  evidence: ['opensearch.ListDomainNames', 'opensearch.DescribeDomain'],
  evaluate: (ctx) =>
    eachDomain(ctx, (d) =>
      required(required(d, 'NodeToNodeEncryptionOptions', 'The domain'), 'Enabled', 'The node-to-node encryption options')
        ? pass('Traffic between the nodes of the domain is encrypted with TLS.')
        : fail('Node-to-node encryption is off: documents and queries cross the domain network between nodes unencrypted.'),
    ),
});
