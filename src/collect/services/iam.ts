// IAM (global): one authorization-details call family gives users, groups, roles and policies with
// their documents; per-user calls add what it lacks (console password, MFA devices, access keys).
import { setTimeout as sleep } from 'node:timers/promises';
import { allPages, type Collector } from '../collector.ts';

const identities: Collector = {
  name: 'iam.identities',
  service: 'iam',
  scope: 'global',
  produces: ['iam.GetAccountAuthorizationDetails', 'iam.GetLoginProfile', 'iam.ListMFADevices', 'iam.ListAccessKeys'],
  async collect(ctx) {
    const { GetLoginProfileCommand, paginateGetAccountAuthorizationDetails, paginateListAccessKeys, paginateListMFADevices } = await import('@aws-sdk/client-iam');
    const client = await ctx.client('iam');
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
    const { GetAccountPasswordPolicyCommand, GetAccountSummaryCommand } = await import('@aws-sdk/client-iam');
    const client = await ctx.client('iam');
    await ctx.attempt(() => client.send(new GetAccountSummaryCommand({})));
    await ctx.attempt(() => client.send(new GetAccountPasswordPolicyCommand({})));
  },
};

// Waits between GenerateCredentialReport calls while IAM builds the report (seconds for most accounts).
// IAM reuses a report younger than four hours, so a run soon after another answers COMPLETE at once.
const REPORT_WAITS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * The credential report (CSV of every user's password and access-key use). GenerateCredentialReport
 * only starts building a report from data IAM already holds (no setting changes; AWS's SecurityAudit
 * policy grants it); a report still not COMPLETE after the waits leaves GetCredentialReport failing with
 * CredentialReportNotReady, which the rule reads as unknown. Repeated identical calls keep the last answer.
 */
const credentialReport: Collector = {
  name: 'iam.credential-report',
  service: 'iam',
  scope: 'global',
  produces: ['iam.GenerateCredentialReport', 'iam.GetCredentialReport'],
  async collect(ctx) {
    const { GenerateCredentialReportCommand, GetCredentialReportCommand } = await import('@aws-sdk/client-iam');
    const client = await ctx.client('iam');
    let state = (await ctx.attempt(() => client.send(new GenerateCredentialReportCommand({}))))?.State;
    for (const wait of REPORT_WAITS_MS) {
      if (state === undefined || state === 'COMPLETE') break;
      await sleep(wait);
      state = (await ctx.attempt(() => client.send(new GenerateCredentialReportCommand({}))))?.State;
    }
    await ctx.attempt(() => client.send(new GetCredentialReportCommand({})));
  },
};

export const collectors: Collector[] = [identities, accountSettings, credentialReport];
