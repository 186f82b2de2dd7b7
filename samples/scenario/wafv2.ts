// AWS WAF in the sample account (eu-west-1): the web ACL protecting the clinical notes API logs to
// CloudWatch Logs; an older web ACL has no logging configuration.
import type { ListLoggingConfigurationsCommandOutput, ListWebACLsCommandOutput } from '@aws-sdk/client-wafv2';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn } from './account.ts';

const REGION = 'eu-west-1';
const acl = (name: string, id: string) => ({ name, id, arn: arn('wafv2', REGION, `regional/webacl/${name}/${id}`) });

export const WEB_ACLS = {
  protection: acl('ai-api-protection', '3f1a2b4c-0000-4000-8000-00000000c001'),
  legacy: acl('legacy-web-acl', '3f1a2b4c-0000-4000-8000-00000000c002'),
} as const;

export function register(sim: SimulatedAws): void {
  sim.on<ListWebACLsCommandOutput>('wafv2.ListWebACLs', (_input, t) => ({
    WebACLs: t.region === REGION ? Object.values(WEB_ACLS).map((a) => ({ Name: a.name, Id: a.id, ARN: a.arn, Description: '', LockToken: '5e6f7a8b-0000-4000-8000-000000000001' })) : [],
  }));
  sim.on<ListLoggingConfigurationsCommandOutput>('wafv2.ListLoggingConfigurations', (_input, t) => ({
    LoggingConfigurations: t.region === REGION ? [{ ResourceArn: WEB_ACLS.protection.arn, LogDestinationConfigs: [arn('logs', REGION, 'log-group:aws-waf-logs-ai-api')] }] : [],
  }));
}
