// IAM (global): one authorization-details call family gives users, groups, roles and policies with
// their documents; per-user calls add what it lacks (console password, MFA devices, access keys).
import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetLoginProfileCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListAccessKeys,
  paginateListMFADevices,
} from '@aws-sdk/client-iam';
import { allPages, type Collector } from '../collector.ts';

const identities: Collector = {
  name: 'iam.identities',
  service: 'iam',
  scope: 'global',
  produces: ['iam.GetAccountAuthorizationDetails', 'iam.GetLoginProfile', 'iam.ListMFADevices', 'iam.ListAccessKeys'],
  async collect(ctx) {
    const client = ctx.client('iam');
    const pages = await allPages(paginateGetAccountAuthorizationDetails({ client, pageSize: 1000 }, {}));
    const users = pages.flatMap((p) => p.UserDetailList ?? []).map((u) => u.UserName!);
    await ctx.forEach(users, async (UserName) => {
      await ctx.attempt(() => client.send(new GetLoginProfileCommand({ UserName })));
      await allPages(paginateListMFADevices({ client, pageSize: 100 }, { UserName }));
      await allPages(paginateListAccessKeys({ client, pageSize: 100 }, { UserName }));
    });
  },
};

const accountSettings: Collector = {
  name: 'iam.account-settings',
  service: 'iam',
  scope: 'global',
  produces: ['iam.GetAccountSummary', 'iam.GetAccountPasswordPolicy'],
  async collect(ctx) {
    const client = ctx.client('iam');
    await ctx.attempt(() => client.send(new GetAccountSummaryCommand({})));
    await ctx.attempt(() => client.send(new GetAccountPasswordPolicyCommand({})));
  },
};

export const collectors: Collector[] = [identities, accountSettings];
