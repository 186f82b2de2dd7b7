// Imports a run's failing and unknown findings into AWS Security Hub with BatchImportFindings, 100 per
// call (the API's maximum), each into the Region its ProductArn names. With the account's default
// product, Security Hub accepts only findings whose AwsAccountId is the calling account: findings of
// other accounts (an Organization run) are counted as skipped, not sent to fail.
// Findings the previous run delivered that are no longer failing or unknown are archived: the same Id
// imported again with RecordState ARCHIVED (archive-findings.ts).
import { BatchImportFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { asffFindings } from '../render/exports/asff.ts';
import type { IterableResults } from '../results/run-results.ts';
import { archivedFindings, type PreviousDelivery } from './archive-findings.ts';

export const BATCH_SIZE = 100;
/** Failed findings named in the report; the rest are counted. */
const NAMED_FAILURES = 10;

export interface SecurityHubImportReport {
  /** The calling account: the only one whose findings the default product accepts. */
  account: string;
  imported: number;
  /** Of the imported: findings of the previous run no longer failing or unknown, sent as ARCHIVED. */
  archived: number;
  failed: number;
  /** Findings of other accounts, not sent. */
  skippedOtherAccounts: number;
  /** Regions called, in first-use order. */
  regions: string[];
  calls: number;
  failures: { id: string; code: string; message: string }[];
  /** Calls that failed as a whole (e.g. Security Hub not enabled in that Region); their findings count as failed. */
  errors: string[];
}

export interface SecurityHubImportOptions {
  homeRegion?: string;
  /** The client for a Region (tests pass aws-sdk-client-mock's clients). */
  clientFor?: (region: string) => SecurityHubClient;
  /** The calling account; asked of STS GetCallerIdentity when absent. */
  account?: string;
  sts?: STSClient;
  /** The previous run's open findings: those fixed since are archived. */
  previous?: PreviousDelivery;
}

/** The Region a finding is imported into, read back from its ProductArn (arn:partition:securityhub:REGION:...). */
function regionOf(finding: AwsSecurityFinding): string {
  return (finding.ProductArn ?? '').split(':')[3] ?? '';
}

export async function importToSecurityHub(results: IterableResults, opts: SecurityHubImportOptions = {}): Promise<SecurityHubImportReport> {
  const homeRegion = opts.homeRegion ?? results.run.scope.regions[0] ?? 'us-east-1';
  const account = opts.account ?? (await (opts.sts ?? new STSClient({ region: homeRegion })).send(new GetCallerIdentityCommand({}))).Account;
  if (!account) throw new Error('STS GetCallerIdentity returned no account');
  const clients = new Map<string, SecurityHubClient>();
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) clients.set(region, (client = opts.clientFor?.(region) ?? new SecurityHubClient({ region })));
    return client;
  };
  const report: SecurityHubImportReport = { account, imported: 0, archived: 0, failed: 0, skippedOtherAccounts: 0, regions: [], calls: 0, failures: [], errors: [] };
  const send = async (region: string, batch: AwsSecurityFinding[]) => {
    report.calls++;
    let out;
    try {
      out = await clientFor(region).send(new BatchImportFindingsCommand({ Findings: batch }));
    } catch (err) {
      // One Region refusing (not subscribed, access denied) must not stop the other Regions.
      report.failed += batch.length;
      const e = err as Error;
      if (report.errors.length < NAMED_FAILURES) report.errors.push(`${region}: ${e.name}: ${e.message}`);
      return;
    }
    report.imported += out.SuccessCount ?? 0;
    const rejected = new Set((out.FailedFindings ?? []).map((f) => f.Id));
    report.archived += batch.filter((f) => f.RecordState === 'ARCHIVED' && !rejected.has(f.Id)).length;
    report.failed += out.FailedCount ?? 0;
    for (const f of out.FailedFindings ?? []) if (report.failures.length < NAMED_FAILURES) report.failures.push({ id: f.Id ?? '', code: f.ErrorCode ?? '', message: f.ErrorMessage ?? '' });
  };
  // One open batch per Region: memory stays at 100 findings a Region, whatever the run's size.
  const batches = new Map<string, AwsSecurityFinding[]>();
  const previous = opts.previous;
  const findings = function* () {
    yield* asffFindings(results, { homeRegion });
    if (previous) yield* archivedFindings(results, previous, { homeRegion });
  };
  for (const finding of findings()) {
    if (finding.AwsAccountId !== account) {
      // Archives are only for what this account was sent before; other accounts' were never sent.
      if (finding.RecordState !== 'ARCHIVED') report.skippedOtherAccounts++;
      continue;
    }
    const region = regionOf(finding);
    let batch = batches.get(region);
    if (!batch) {
      batches.set(region, (batch = []));
      report.regions.push(region);
    }
    batch.push(finding);
    if (batch.length === BATCH_SIZE) {
      batches.set(region, []);
      await send(region, batch);
    }
  }
  for (const [region, batch] of batches) if (batch.length) await send(region, batch);
  return report;
}
