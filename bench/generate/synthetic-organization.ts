// A synthetic AWS Organization: many synthetic accounts of one size, each answering for its own
// account id (ARNs, owners and postures differ by account, since names and hashes include it).
import type { Answer, Call, Responder } from '../../src/collect/evidence-middleware.ts';
import type { SimulatedAwsOptions } from '../../src/collect/simulated-aws.ts';
import type { Scope } from '../../src/collect/target.ts';
import { SYNTHETIC_REGIONS } from './plan.ts';
import { syntheticAccount, type SyntheticAccount } from './synthetic-aws.ts';

export interface SyntheticOrganization {
  scope: Scope;
  responder: Responder;
  accounts: ReadonlyMap<string, SyntheticAccount>;
}

/** n account ids, stable for a given n (100000000000, 100000000001, ...). */
export function organizationAccountIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(100_000_000_000 + i));
}

export function syntheticOrganization(accountCount: number, sizePerAccount: number, options: SimulatedAwsOptions = {}): SyntheticOrganization {
  const accounts = new Map(organizationAccountIds(accountCount).map((id) => [id, syntheticAccount(sizePerAccount, options, id)]));
  const responder: Responder = async (call: Call): Promise<Answer> => {
    const account = accounts.get(call.account);
    if (!account) return { outcome: 'error', error: { name: 'AccessDenied', httpStatus: 403, message: `account ${call.account} is not in the synthetic organization` } };
    return account.responder(call);
  };
  return { scope: { accounts: [...accounts.keys()], regions: SYNTHETIC_REGIONS.map(([r]) => r) }, responder, accounts };
}
