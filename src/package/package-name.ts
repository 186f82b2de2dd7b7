// proofline-<scope>-<UTC timestamp>-<run>: sortable, safe as a folder name everywhere, and unique per run
// even for two runs started in the same second (the first 8 characters of the run's random id).
import type { Scope } from '../collect/target.ts';

export function packageScopeLabel(scope: Scope): string {
  return scope.accounts.length === 1 ? scope.accounts[0] : `${scope.accounts.length}-accounts`;
}

export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export function packageName(scope: Scope, startedAt: Date, runId: string): string {
  const run = runId.replace(/[^0-9A-Za-z]/g, '').slice(0, 8).toLowerCase();
  return `proofline-${packageScopeLabel(scope)}-${utcStamp(startedAt)}${run ? `-${run}` : ''}`;
}
