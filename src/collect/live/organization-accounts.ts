// Every active account of the caller's AWS Organization (the caller must be the management account
// or a delegated administrator). Suspended, pending and closed accounts cannot be entered.
import { OrganizationsClient, paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { checkAccountId } from '../../util/aws-ids.ts';

function isActive(a: Account): boolean {
  // `State` replaces the retiring `Status`; either saying ACTIVE is enough.
  return a.State === 'ACTIVE' || (a.State === undefined && a.Status === 'ACTIVE');
}

export async function organizationAccounts(credentials: AwsCredentialIdentityProvider, region: string, clientConfig: Record<string, unknown> = {}): Promise<string[]> {
  const client = new OrganizationsClient({ ...clientConfig, region, credentials });
  try {
    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client }, {})) {
      for (const a of page.Accounts ?? []) if (a.Id && isActive(a)) ids.push(checkAccountId(a.Id, 'organizations ListAccounts Accounts[].Id'));
    }
    return ids.sort();
  } finally {
    client.destroy();
  }
}
