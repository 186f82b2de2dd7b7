// Every regional web ACL must log the requests it inspects (a logging configuration with a
// destination), so that blocked attacks on AI APIs and the rules that matched can be reviewed.
// The account's logging configurations are listed once (ListLoggingConfigurations).
import { REGIONAL_WAF_SCOPE_INPUT } from '../../collect/call-inputs.ts';
import { fail, forEachListed, judgedGuarded, listAt, pass, required, unknown } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'wafv2-web-acls-logging-enabled',
  evidence: ['wafv2.ListWebACLs', 'wafv2.ListLoggingConfigurations'],
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'wafv2.ListWebACLs', input: { ...REGIONAL_WAF_SCOPE_INPUT }, scope: 'regional', items: (r) => r.WebACLs, noun: 'regional WAF web ACLs' }, (acl, at, records) => {
      const resource = { type: 'AWS::WAFv2::WebACL', id: acl.Name ?? required(acl, 'ARN'), arn: acl.ARN };
      const configs = listAt(ctx, 'wafv2.ListLoggingConfigurations', at, (r) => r.LoggingConfigurations, { ...REGIONAL_WAF_SCOPE_INPUT });
      return judgedGuarded(ctx, at, resource, [...records, ...configs.records], () => {
        if (!configs.ok) return unknown(`Could not list WAF logging configurations: ${configs.error}`);
        const arn = required(acl, 'ARN', `Web ACL ${resource.id}`);
        const config = configs.items.find((c) => required(c, 'ResourceArn', 'A logging configuration') === arn);
        const destinations = config ? required(config, 'LogDestinationConfigs', `The logging configuration of ${resource.id}`) : [];
        return destinations.length ? pass(`Web ACL ${resource.id} logs to ${destinations.join(', ')}.`) : fail(`Web ACL ${resource.id} has no logging configuration.`);
      });
    }),
});
