import { eachDomain, requiresTls12 } from '../resources/opensearch.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'opensearch-domains-https-required',
  evidence: ['opensearch.ListDomainNames', 'opensearch.DescribeDomain'],
  evaluate: (ctx) =>
    eachDomain(ctx, (d) => {
      const opts = required(d, 'DomainEndpointOptions', 'The domain');
      if (!required(opts, 'EnforceHTTPS', 'The endpoint options')) return fail('The endpoint accepts plain HTTP: requests and results can cross the network unencrypted.');
      const policy = required(opts, 'TLSSecurityPolicy', 'The endpoint options');
      return requiresTls12(policy)
        ? pass(`The endpoint accepts only HTTPS, with TLS 1.2 or later (${policy}).`)
        : fail(`The endpoint requires HTTPS but its TLS policy ${policy} still accepts TLS 1.0 and 1.1.`);
    }),
});
