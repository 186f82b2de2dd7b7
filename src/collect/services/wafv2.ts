// WAFv2 web ACLs for regional resources (API Gateway stages, load balancers) and the account's logging
// configurations, listed once for all ACLs instead of one GetLoggingConfiguration per ACL.
import { REGIONAL_WAF_SCOPE_INPUT } from '../call-inputs.ts';
import { tokenPages, type Collector } from '../collector.ts';

const webAcls: Collector = {
  name: 'wafv2.web-acls',
  service: 'wafv2',
  scope: 'regional',
  produces: ['wafv2.ListWebACLs', 'wafv2.ListLoggingConfigurations'],
  async collect(ctx) {
    const { ListLoggingConfigurationsCommand, ListWebACLsCommand } = await import('@aws-sdk/client-wafv2');
    const client = await ctx.client('wafv2');
    const next = (p: { NextMarker?: string }) => p.NextMarker;
    await tokenPages((NextMarker) => client.send(new ListWebACLsCommand({ ...REGIONAL_WAF_SCOPE_INPUT, Limit: 100, NextMarker })), next);
    await tokenPages((NextMarker) => client.send(new ListLoggingConfigurationsCommand({ ...REGIONAL_WAF_SCOPE_INPUT, Limit: 100, NextMarker })), next);
  },
};

export const collectors: Collector[] = [webAcls];
